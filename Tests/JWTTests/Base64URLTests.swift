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
}
