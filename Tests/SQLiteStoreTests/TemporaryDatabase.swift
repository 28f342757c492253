import Foundation

/// Runs `body` with the path of a fresh database file under the temporary
/// directory, then removes the file and its WAL and shared-memory companions.
func withTemporaryDatabase<T>(_ body: (String) throws -> T) throws -> T {
    let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("sqlitestore-\(UUID().uuidString).sqlite").path
    defer {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
    }
    return try body(path)
}

/// A failure thrown on purpose from inside a transaction body.
struct InjectedFailure: Error {}
