import CSQLite

/// One schema step, identified by the `PRAGMA user_version` it leaves behind.
package struct Migration: Sendable {
    package let version: Int
    package let name: String
    package let apply: @Sendable (Connection) throws -> Void

    package init(version: Int, name: String, apply: @escaping @Sendable (Connection) throws -> Void) {
        self.version = version
        self.name = name
        self.apply = apply
    }
}

/// Versioned migrations keyed by `PRAGMA user_version`: each pending migration
/// runs in its own BEGIN IMMEDIATE transaction together with the bump of
/// `user_version`, so a crash leaves the database at a whole version, running
/// twice is a no-op, and two processes starting at once apply each step once
/// (the second re-reads the version after taking the write lock).
package struct Migrator: Sendable {
    package let migrations: [Migration]

    /// `migrations` must have versions 1, 2, 3, ... in order.
    package init(_ migrations: [Migration]) {
        precondition(
            migrations.enumerated().allSatisfy { $0.offset + 1 == $0.element.version },
            "migration versions must be 1, 2, 3, ... in order")
        self.migrations = migrations
    }

    package var latestVersion: Int { migrations.last?.version ?? 0 }

    /// Applies every migration newer than the database's `user_version`.
    /// Returns the versions applied (empty when already up to date).
    @discardableResult
    package func migrate(_ db: Connection) throws -> [Int] {
        let current = try Self.userVersion(db)
        guard current <= latestVersion else {
            throw SQLiteError(
                code: SQLITE_ERROR, message: "database is at version \(current), newer than this program's \(latestVersion)")
        }
        var applied: [Int] = []
        for migration in migrations where migration.version > current {
            let didApply = try db.transaction(.immediate) {
                // Another process may have applied it while we waited for the lock.
                guard try Self.userVersion(db) < migration.version else { return false }
                try migration.apply(db)
                // PRAGMA takes no bound parameters; the version is an Int from this
                // program's own migration list, never outside input.
                try db.execute("PRAGMA user_version = \(migration.version)")
                return true
            }
            if didApply { applied.append(migration.version) }
        }
        return applied
    }

    /// The database's `PRAGMA user_version` (0 for a new file).
    package static func userVersion(_ db: Connection) throws -> Int {
        try db.queryFirst("PRAGMA user_version").map { try $0.int(0) } ?? 0
    }
}
