import Foundation
import SQLiteStore

extension Bookstore {
    /// What the database holds, for `/api/inspect`, read in one snapshot.
    /// Denylist entries already expired at `now` are left out (they no longer
    /// deny anything); each table shows at most `DatabaseSnapshot.maxRowsPerTable` rows.
    package func databaseSnapshot(now: Date) throws -> DatabaseSnapshot {
        let limit = DatabaseSnapshot.maxRowsPerTable
        return try pool.read { db in
            let carts = try db.query(
                "SELECT user_id, book_id, qty FROM carts ORDER BY user_id, added_at, rowid LIMIT ?", [limit]
            ).map { DatabaseSnapshot.CartRow(userID: try $0.int(0), bookID: try $0.int(1), qty: try $0.int(2)) }
            let orders = try db.query(
                "SELECT id, user_id, total_cents, created_at FROM orders ORDER BY id DESC LIMIT ?", [limit]
            ).map {
                DatabaseSnapshot.OrderRow(
                    id: try $0.int(0), userID: try $0.int(1), totalCents: try $0.int(2),
                    createdAt: Date(unixSeconds: try $0.int(3)))
            }
            let tokens = try db.query(
                "SELECT token_sha256, family, user_id, expires_at, state FROM refresh_tokens ORDER BY issued_at DESC, rowid DESC LIMIT ?",
                [limit]
            ).map {
                DatabaseSnapshot.RefreshTokenRow(
                    tokenSHA256Prefix: Self.hexPrefix(try $0.blob(0)), family: try $0.text(1), userID: try $0.int(2),
                    expiresAt: Date(unixSeconds: try $0.int(3)), state: RefreshTokenState(rawValue: try $0.text(4)) ?? .revoked)
            }
            let jtis = try db.query(
                "SELECT jti, expires_at FROM revoked_jtis WHERE expires_at > ? ORDER BY expires_at DESC LIMIT ?",
                [now.unixSeconds, limit]
            ).map { DatabaseSnapshot.RevokedJTIRow(jti: try $0.text(0), expiresAt: Date(unixSeconds: try $0.int(1))) }
            return DatabaseSnapshot(carts: carts, orders: orders, refreshTokens: tokens, revokedJTIs: jtis)
        }
    }

    /// The first 4 bytes as 8 lowercase hex characters: enough to tell rows apart, useless to an attacker.
    static func hexPrefix(_ bytes: [UInt8]) -> String {
        bytes.prefix(4).map { String(format: "%02x", $0) }.joined()
    }
}
