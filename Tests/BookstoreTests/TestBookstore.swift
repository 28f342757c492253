import Foundation

@testable import Bookstore

/// Low PBKDF2 cost for tests; one test checks the real default.
let testIterations = 1_000

/// A fixed clock, so expiry tests need no sleeps.
let fixedNow = Date(timeIntervalSince1970: 1_750_000_000)

/// Runs `body` with a fresh bookstore on a temporary file, removed afterwards.
func withBookstore(
    connections: Int = 2, now: @escaping @Sendable () -> Date = { fixedNow }, _ body: (Bookstore, String) throws -> Void
) throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("bookstore-\(UUID().uuidString).sqlite").path
    defer {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
    let store = try Bookstore(path: path, connections: connections, passwordIterations: testIterations, now: now)
    try body(store, path)
}

/// Strings that would break SQL built by concatenation.
let injectionStrings = ["'; DROP TABLE users; --", "Robert'); DELETE FROM books;--", "\" OR 1=1 --", "a\u{0}b", "💥 ' \\ %_"]
