import Foundation
import SQLiteStore

/// The shared bookstore domain both routers call: users and scopes, the
/// catalog, carts, orders, and the token side's stored state. It holds only
/// immutable configuration and a `DatabasePool`, so it is `Sendable` as is
/// and every method may be called from any event-loop thread.
package final class Bookstore: Sendable {
    package let pool: DatabasePool
    let hasher: PasswordHasher
    let now: @Sendable () -> Date
    /// Verified against when the username is unknown, so a miss costs as much as a wrong password.
    let dummyHash: String

    /// Opens the pool, applies pending migrations (schema, then the seed, once
    /// per file) and prepares the timing dummy. `passwordIterations` applies to
    /// new hashes and the seed; stored hashes keep their own count.
    package init(
        path: String, connections: Int, passwordIterations: Int = PasswordHasher.defaultIterations,
        now: @escaping @Sendable () -> Date = Date.init
    ) throws {
        self.pool = try DatabasePool(path: path, capacity: connections)
        self.hasher = PasswordHasher(iterations: passwordIterations)
        self.now = now
        let migrator = BookstoreSchema.migrator(seedHasher: hasher)
        _ = try pool.withConnection { db in try migrator.migrate(db) }
        // The dummy must cost what a real user's check costs. Stored hashes keep the count
        // they were made with, which may differ from today's flag: match the costliest.
        let stored = try pool.read { db in try db.query("SELECT password_hash FROM users").map { try $0.text(0) } }
        let cost = stored.compactMap(PasswordHasher.iterations(of:)).max() ?? passwordIterations
        self.dummyHash = try PasswordHasher(iterations: cost).hash("not a real password")
    }

    package var refreshTokens: RefreshTokenRepository { RefreshTokenRepository(pool: pool, now: now) }
    package var revokedJTIs: RevokedJTIRepository { RevokedJTIRepository(pool: pool) }
    package var signingKeys: SigningKeyRepository { SigningKeyRepository(pool: pool) }
}
