import Foundation
import SQLiteStore

/// The optional access-token denylist (`--revocation denylist`): a `jti` is
/// remembered until the token it names would have expired anyway, then purged.
package struct RevokedJTIRepository: Sendable {
    let pool: DatabasePool

    /// Denylists `jti` until `expiresAt`; adding it again keeps the later expiry.
    package func add(jti: String, expiresAt: Date) throws {
        try pool.write { db in
            try db.execute(
                """
                INSERT INTO revoked_jtis(jti, expires_at) VALUES (?, ?)
                ON CONFLICT(jti) DO UPDATE SET expires_at = max(expires_at, excluded.expires_at)
                """, [jti, expiresAt.unixSeconds])
        }
    }

    /// True when `jti` is denylisted and its entry has not yet expired at `now`.
    package func contains(jti: String, now: Date) throws -> Bool {
        try pool.read { db in
            try db.queryFirst("SELECT 1 FROM revoked_jtis WHERE jti = ? AND expires_at > ?", [jti, now.unixSeconds]) != nil
        }
    }

    /// Deletes entries whose token has expired by `now`; returns how many.
    @discardableResult
    package func purgeExpired(now: Date) throws -> Int {
        try pool.write { db in
            try db.execute("DELETE FROM revoked_jtis WHERE expires_at <= ?", [now.unixSeconds])
            return db.changes
        }
    }
}
