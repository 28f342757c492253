import Foundation
import SQLiteStore

/// A stored refresh token. Only its SHA-256 is kept: a database leak gives
/// no usable tokens.
package struct RefreshTokenRecord: Sendable, Equatable {
    package var tokenHash: [UInt8]
    /// Every token descended from one login shares a family; reuse of any
    /// spent member revokes them all.
    package var family: String
    package var userID: Int
    package var issuedAt: Date
    package var expiresAt: Date
    package var state: RefreshTokenState
    package var replacedBy: [UInt8]?
}

/// Where a refresh token is in its life.
package enum RefreshTokenState: String, Sendable, Codable {
    case active, spent, revoked
}

/// What presenting a refresh token for rotation led to.
package enum RefreshRotation: Sendable, Equatable {
    /// The old token is now spent and the new one active in the same family.
    case rotated(userID: Int, family: String)
    /// The token was already spent or revoked: a replay. Its family is now revoked.
    case reused(userID: Int, family: String)
    case unknown
    /// Active but past its expiry; nothing changed.
    case expired
}

/// The token side's refresh tokens in SQLite: issue, rotate with reuse
/// detection, revoke. Every state change is one BEGIN IMMEDIATE transaction.
package struct RefreshTokenRepository: Sendable {
    let pool: DatabasePool
    let now: @Sendable () -> Date

    /// However often a family rotates, it ends this long after its login (30 days),
    /// as a session ends at its absolute timeout however active it is.
    package static let maxFamilyLifetimeSeconds = 30 * 24 * 3600

    /// Stores a new active token (by its hash), issued now.
    package func insert(hash: [UInt8], family: String, userID: Int, expiresAt: Date) throws {
        let issuedAt = now().unixSeconds
        try pool.write { db in
            try Self.insert(
                hash: hash, family: family, userID: userID, issuedAt: issuedAt, expiresAt: expiresAt,
                familyExpiresAt: issuedAt + Self.maxFamilyLifetimeSeconds, in: db)
        }
    }

    package func find(hash: [UInt8]) throws -> RefreshTokenRecord? {
        try pool.read { db in try Self.find(hash: hash, in: db) }
    }

    /// Spends `oldHash` and issues `newHash` in its family, atomically. A spent
    /// or revoked `oldHash` means someone replayed it: the whole family is
    /// revoked in the same transaction and `.reused` returned.
    package func rotate(oldHash: [UInt8], newHash: [UInt8], newExpiresAt: Date, now: Date) throws -> RefreshRotation {
        try pool.write { db in
            guard let old = try Self.find(hash: oldHash, in: db) else { return .unknown }
            guard old.state == .active else {
                try db.execute("UPDATE refresh_tokens SET state = 'revoked' WHERE family = ? AND state = 'active'", [old.family])
                return .reused(userID: old.userID, family: old.family)
            }
            guard old.expiresAt > now else { return .expired }
            let deadline = try db.queryFirst(
                "SELECT family_expires_at FROM refresh_tokens WHERE token_sha256 = ?", [oldHash]
            )?.optionalInt(0)
            if let deadline, deadline <= now.unixSeconds { return .expired }
            try db.execute(
                "UPDATE refresh_tokens SET state = 'spent', replaced_by = ? WHERE token_sha256 = ?", [newHash, oldHash])
            let expiresAt = deadline.map { min(newExpiresAt, Date(unixSeconds: $0)) } ?? newExpiresAt
            try Self.insert(
                hash: newHash, family: old.family, userID: old.userID, issuedAt: now.unixSeconds, expiresAt: expiresAt,
                familyExpiresAt: deadline, in: db)
            return .rotated(userID: old.userID, family: old.family)
        }
    }

    /// Revokes every active token in the family of `hash`; returns how many (0 if unknown).
    @discardableResult
    package func revokeFamily(of hash: [UInt8]) throws -> Int {
        try pool.write { db in
            guard let token = try Self.find(hash: hash, in: db) else { return 0 }
            try db.execute("UPDATE refresh_tokens SET state = 'revoked' WHERE family = ? AND state = 'active'", [token.family])
            return db.changes
        }
    }

    /// Revokes every active token of a user ("log out everywhere"); returns how many.
    @discardableResult
    package func revokeAll(userID: Int) throws -> Int {
        try pool.write { db in
            try db.execute("UPDATE refresh_tokens SET state = 'revoked' WHERE user_id = ? AND state = 'active'", [userID])
            return db.changes
        }
    }

    /// Deletes tokens that expired before `date`; returns how many.
    @discardableResult
    package func deleteExpired(before date: Date) throws -> Int {
        try pool.write { db in
            try db.execute("DELETE FROM refresh_tokens WHERE expires_at < ?", [date.unixSeconds])
            return db.changes
        }
    }

    static func insert(
        hash: [UInt8], family: String, userID: Int, issuedAt: Int, expiresAt: Date, familyExpiresAt: Int?, in db: Connection
    ) throws {
        try db.execute(
            """
            INSERT INTO refresh_tokens(token_sha256, family, user_id, issued_at, expires_at, state, family_expires_at)
            VALUES (?, ?, ?, ?, ?, 'active', ?)
            """, [hash, family, userID, issuedAt, expiresAt.unixSeconds, familyExpiresAt])
    }

    static func find(hash: [UInt8], in db: Connection) throws -> RefreshTokenRecord? {
        let sql = """
            SELECT token_sha256, family, user_id, issued_at, expires_at, state, replaced_by
            FROM refresh_tokens WHERE token_sha256 = ?
            """
        guard let row = try db.queryFirst(sql, [hash]) else { return nil }
        return RefreshTokenRecord(
            tokenHash: try row.blob(0), family: try row.text(1), userID: try row.int(2),
            issuedAt: Date(unixSeconds: try row.int(3)), expiresAt: Date(unixSeconds: try row.int(4)),
            state: RefreshTokenState(rawValue: try row.text(5)) ?? .revoked, replacedBy: try row.optionalBlob(6))
    }
}
