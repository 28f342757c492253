import Foundation
import Testing

@testable import Bookstore

/// An unknown username must cost what a known one costs, even when the stored
/// hashes were made with another `--password-iterations` than today's.
@Suite struct DummyHashTests {
    @Test func dummyHashMatchesTheCostliestStoredHash() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dummy-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        _ = try Bookstore(path: path, connections: 1, passwordIterations: 2_000)  // seeds at 2,000
        let reopened = try Bookstore(path: path, connections: 1, passwordIterations: 1_000)
        #expect(PasswordHasher.iterations(of: reopened.dummyHash) == 2_000)
    }

    @Test(arguments: [("pbkdf2-sha256$1000$c2FsdA==$aGFzaA==", 1_000), ("pbkdf2-sha256$0$a$b", nil), ("sha1$5$a$b", nil), ("garbage", nil)])
    func iterationCountIsReadFromTheStoredString(stored: String, expected: Int?) {
        #expect(PasswordHasher.iterations(of: stored) == expected)
    }
}
