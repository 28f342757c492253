import Testing

@testable import JWT

/// The pre-keyed HMAC context gives the published HMAC-SHA-256 answers, call after call.
struct HMACKeyTests {
    static func bytes(hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(decoding: digits[$0..<$0 + 2], as: UTF8.self), radix: 16)! }
    }

    /// RFC 4231 §4.7 and §4.8: a 131-byte key (longer than the SHA-256 block, so it is hashed first).
    @Test(arguments: [
        (
            "Test Using Larger Than Block-Size Key - Hash Key First",
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        ),
        (
            "This is a test using a larger than block-size key and a larger than block-size data."
                + " The key needs to be hashed before being used by the HMAC algorithm.",
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
        ),
    ])
    func macMatchesRFC4231Vectors(_ message: String, _ expectedHex: String) throws {
        let key = try HMACKey(secret: [UInt8](repeating: 0xAA, count: 131))
        // Twice: the keyed context must be left untouched by the first MAC.
        #expect(try key.mac(Array(message.utf8)) == Self.bytes(hex: expectedHex))
        #expect(try key.mac(Array(message.utf8)) == Self.bytes(hex: expectedHex))
    }

    @Test func differentSecretsGiveDifferentMacs() throws {
        let data = Array("header.payload".utf8)
        let a = try HMACKey(secret: [UInt8](repeating: 1, count: 32))
        let b = try HMACKey(secret: [UInt8](repeating: 1, count: 31) + [2])
        #expect(try a.mac(data) != b.mac(data))
        #expect(try a.mac(data).count == HMACKey.macBytes)
    }
}
