import Foundation
import Testing

@testable import JWT

/// Strict base64url: canonical input only.
struct Base64URLTests {
    @Test func roundTripsEveryLengthRemainder() {
        for length in 0..<40 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 250) }
            let encoded = Base64URL.encode(bytes)
            #expect(!encoded.contains("=") && !encoded.contains("+") && !encoded.contains("/"))
            #expect(Base64URL.decode(encoded) == bytes)
        }
    }

    @Test func encodesKnownVectorsFromRFC4648() {
        #expect(Base64URL.encode(Array("foobar".utf8)) == "Zm9vYmFy")
        #expect(Base64URL.encode(Array("fo".utf8)) == "Zm8")
        #expect(Base64URL.encode([0xFB, 0xFF]) == "-_8")
    }

    @Test(arguments: ["Zm8=", "Zm9vYg==", "Zm+v", "Zm/v", "Zm 8", " Zm8", "Zm8\n", "Z", "Zm9vY", "Zm9=", "Zg%3D", "Zé"])
    func rejectsNonAlphabetPaddingAndBadLengths(_ text: String) {
        #expect(Base64URL.decode(text) == nil)
    }

    @Test(arguments: ["Zh", "Zm9", "Zm9vYr", "-_9"])
    func rejectsNonZeroTrailingBits(_ text: String) {
        // "Zg" and "Zh" would both decode to "f" if the unused bits were ignored.
        #expect(Base64URL.decode(text) == nil)
    }

    @Test func decodingAgreesWithFoundationForEveryLengthUpTo200() throws {
        var generator = SystemRandomNumberGenerator()
        for length in 0...200 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let standard = Data(bytes).base64EncodedString()
            let url = standard.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
            #expect(Base64URL.decode(url) == bytes)
        }
    }

    /// A byte outside the alphabet is refused wherever it sits in the four-character group and in the tail.
    @Test(arguments: [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "."), 0x00, 0x7F, 0x80, 0xC3, 0xFF])
    func aForeignByteAtAnyPositionIsRefused(_ byte: UInt8) {
        let valid = Array("Zm9vYmFyYmF6cXV4".utf8) + Array("YQ".utf8)
        #expect(Base64URL.decode(String(decoding: valid, as: UTF8.self)) == Array("foobarbazquxa".utf8))
        for position in valid.indices {
            var bytes = valid
            bytes[position] = byte
            let decoded = bytes.withUnsafeBufferPointer { Base64URL.decode(bytes: $0) }
            #expect(decoded == nil, "byte \(byte) at \(position)")
        }
    }
}
