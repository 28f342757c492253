import Foundation
import Testing

@testable import Bookstore

@Suite struct PasswordHasherTests {
    let hasher = PasswordHasher(iterations: testIterations)

    @Test func aHashVerifiesItsPasswordAndNoOther() throws {
        let stored = try hasher.hash("correct horse")
        #expect(stored.hasPrefix("pbkdf2-sha256$1000$"))
        #expect(hasher.verify("correct horse", against: stored))
        #expect(!hasher.verify("correct horsf", against: stored))
        #expect(!hasher.verify("", against: stored))
    }

    @Test func everyHashGetsItsOwnSalt() throws {
        let first = try hasher.hash("same")
        let second = try hasher.hash("same")
        #expect(first != second)
        #expect(first.split(separator: "$")[2] != second.split(separator: "$")[2])
    }

    @Test func aHashVerifiesWithTheIterationCountItCarries() throws {
        let stored = try PasswordHasher(iterations: 1_500).hash("pw")
        #expect(hasher.verify("pw", against: stored))  // configured 1_000, stored 1_500
    }

    @Test(arguments: [
        "", "pbkdf2-sha256", "pbkdf2-sha256$1000$AAAA", "md5$1000$AAAAAAAAAAAAAAAAAAAAAA==$AAAA",
        "pbkdf2-sha256$0$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "pbkdf2-sha256$99999999999$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "pbkdf2-sha256$1000$not base64!$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA==$AAAA",
        "pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=$extra",
    ])
    func aMalformedStoredHashIsAMismatchNotACrash(stored: String) {
        #expect(!hasher.verify("pw", against: stored))
    }

    @Test func theDefaultCostIsOWASPsSixHundredThousand() throws {
        let hasher = PasswordHasher()
        #expect(hasher.iterations == 600_000)
        let stored = try hasher.hash("pw")
        #expect(stored.hasPrefix("pbkdf2-sha256$600000$"))
        #expect(hasher.verify("pw", against: stored))
    }
}
