import Testing

@testable import Sessions

/// Ids, their encoding and their hash: the parts a thief would attack.
@Suite struct SessionTableIDTests {
    @Test func thousandRandomIdsAreDistinct43CharBase64URL() {
        let ids = (0..<1000).map { _ in SessionID.random().rawValue }
        #expect(Set(ids).count == 1000)
        for id in ids {
            #expect(id.utf8.count == 43)
            #expect(id.utf8.allSatisfy(Base64URL.isAlphabetByte))
            #expect(!id.contains("="))
        }
    }

    @Test(arguments: [
        ("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"), ("foobar", "Zm9vYmFy"),
    ])
    func base64URLMatchesRFC4648VectorsWithoutPadding(input: String, expected: String) {
        #expect(Base64URL.encode(Array(input.utf8)) == expected)
    }

    @Test func base64URLUsesDashAndUnderscoreInsteadOfPlusAndSlash() {
        #expect(Base64URL.encode([0xFB, 0xFF]) == "-_8")
        #expect(Base64URL.encode([0xFF, 0xFF, 0xFF]) == "____")
    }

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func sessionKeyIsSHA256OfTheIdText(input: String, expectedHex: String) {
        let key = SessionKey(hashing: input)
        #expect(key.hex == expectedHex)
        #expect(key.hexPrefix() == String(expectedHex.prefix(8)))
        #expect(SessionKey(digest: key.bytes) == key)
    }

    @Test func idDescriptionNeverContainsTheSecret() {
        let id = SessionID.random()
        #expect(!"\(id)".contains(id.rawValue))
        #expect("\(id)".contains(id.hash.hexPrefix()))
    }

    @Test(arguments: [
        "", "abc", String(repeating: "A", count: 42), String(repeating: "A", count: 44),
        String(repeating: "A", count: 42) + "+", String(repeating: "A", count: 42) + "=",
        String(repeating: "A", count: 42) + "/", String(repeating: "é", count: 43), String(repeating: "A", count: 42) + "\u{0}",
    ])
    func malformedCookieValuesAreNotIds(value: String) {
        #expect(SessionID(rawValue: value) == nil)
    }
}
