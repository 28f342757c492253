import Foundation
import SQLiteStore

/// A persisted JWT signing key. `material` is a PEM private key (ES256) or
/// the raw secret bytes (HS256); the JWT module decides how to read it.
package struct SigningKeyRecord: Sendable, Equatable {
    package var kid: String
    package var alg: String
    package var material: [UInt8]
    package var createdAt: Date
    /// Set once a newer key signs; a retired key still verifies until deleted.
    package var retiredAt: Date?
}

/// Signing keys in SQLite, so tokens survive a restart and a second instance
/// on the same file accepts them.
package struct SigningKeyRepository: Sendable {
    let pool: DatabasePool

    package func insert(kid: String, alg: String, material: [UInt8], createdAt: Date) throws {
        try pool.write { db in
            try db.execute(
                "INSERT INTO signing_keys(kid, alg, key_material, created_at) VALUES (?, ?, ?, ?)",
                [kid, alg, material, createdAt.unixSeconds])
        }
    }

    /// Retires every active key of `alg` and inserts the new one, in one transaction, so no
    /// reader ever sees zero active keys (and makes a stray key of its own). Returns the retired kids.
    @discardableResult
    package func replaceActive(alg: String, with kid: String, material: [UInt8], at date: Date) throws -> [String] {
        try pool.write { db in
            let retired = try db.query(
                "SELECT kid FROM signing_keys WHERE alg = ? AND retired_at IS NULL ORDER BY created_at, rowid", [alg]
            ).map { try $0.text(0) }
            try db.execute("UPDATE signing_keys SET retired_at = ? WHERE alg = ? AND retired_at IS NULL", [date.unixSeconds, alg])
            try db.execute(
                "INSERT INTO signing_keys(kid, alg, key_material, created_at) VALUES (?, ?, ?, ?)",
                [kid, alg, material, date.unixSeconds])
            return retired
        }
    }

    /// Records a key that has already stopped signing (the old `--signing-key` file's key), retired at `date`.
    package func insertRetired(kid: String, alg: String, material: [UInt8], at date: Date) throws {
        try pool.write { db in
            try db.execute(
                "INSERT OR REPLACE INTO signing_keys(kid, alg, key_material, created_at, retired_at) VALUES (?, ?, ?, ?, ?)",
                [kid, alg, material, date.unixSeconds, date.unixSeconds])
        }
    }

    /// Every key, oldest first (the active one is the newest not retired).
    package func all() throws -> [SigningKeyRecord] {
        try pool.read { db in
            try db.query("SELECT kid, alg, key_material, created_at, retired_at FROM signing_keys ORDER BY created_at, rowid")
                .map { row in
                    SigningKeyRecord(
                        kid: try row.text(0), alg: try row.text(1), material: try row.blob(2),
                        createdAt: Date(unixSeconds: try row.int(3)),
                        retiredAt: try row.optionalInt(4).map(Date.init(unixSeconds:)))
                }
        }
    }

    /// Marks a key retired at `date`; returns false when no active key has that kid.
    @discardableResult
    package func retire(kid: String, at date: Date) throws -> Bool {
        try pool.write { db in
            try db.execute(
                "UPDATE signing_keys SET retired_at = ? WHERE kid = ? AND retired_at IS NULL", [date.unixSeconds, kid])
            return db.changes == 1
        }
    }

    /// Deletes keys retired before `date`; returns how many.
    @discardableResult
    package func deleteRetired(before date: Date) throws -> Int {
        try pool.write { db in
            try db.execute("DELETE FROM signing_keys WHERE retired_at IS NOT NULL AND retired_at < ?", [date.unixSeconds])
            return db.changes
        }
    }
}
