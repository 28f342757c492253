import Testing

@testable import JWT

/// The header/payload JSON parser refuses ambiguity.
struct StrictJSONTests {
    @Test func parsesNestedValuesEscapesAndWhitespace() throws {
        let text = "{\"a\" : [1, -2.5e3, true, false, null], \"b\":{\"c\":\"\\u00e9\\n\\ud83d\\ude00\\/\"}}\r\n"
        let object = try StrictJSON.parseObject(Array(text.utf8))
        #expect(object["a"] == .array([.number(1), .number(-2500), .bool(true), .bool(false), .null]))
        #expect(object["b"] == .object(["c": .string("é\n😀/")]))
    }

    @Test(arguments: [
        "{\"a\":1,\"a\":2}", "{\"x\":{\"a\":1,\"a\":1}}", "{\"a\":1,\"\\u0061\":2}",
        "[1]", "\"s\"", "1", "null", "", "{", "{\"a\":1}x", "{\"a\":1,}", "{\"a\":01}", "{\"a\":1.}", "{'a':1}",
        "{\"a\":\"\u{01}\"}", "{\"a\":\"\\ud800\"}", "{\"a\":tru}", "{\"a\":NaN}",
    ])
    func rejectsDuplicatesNonObjectsAndInvalidJSON(_ text: String) {
        #expect(throws: JWTError.self) { try StrictJSON.parseObject(Array(text.utf8)) }
    }

    @Test func rejectsInvalidUTF8AndDeepNesting() {
        #expect(throws: JWTError.self) { try StrictJSON.parseObject([0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D]) }
        let deep = "{\"a\":" + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "}"
        #expect(throws: JWTError.self) { try StrictJSON.parseObject(Array(deep.utf8)) }
    }

    @Test(arguments: [
        ("plain", "plain"), ("", ""), ("caf\u{e9} \u{1F600}", "caf\u{e9} \u{1F600}"),
        ("\\u00e9\\n\\ud83d\\ude00", "\u{e9}\n\u{1F600}"), ("\u{e9}\\t\u{e9}", "\u{e9}\t\u{e9}"),
        ("a\\\"b\\\\c", "a\"b\\c"), ("\\u0000", "\u{0}"),
    ])
    func stringsWithAndWithoutEscapesDecodeToTheSameText(_ json: String, _ expected: String) throws {
        let object = try StrictJSON.parseObject(Array("{\"k\":\"\(json)\"}".utf8))
        #expect(object["k"] == .string(expected))
    }

    /// Invalid UTF-8 is refused whether the string takes the escape-free path or the escape path.
    @Test(
        arguments: [
            [0xC3], [0xC3, 0x5C, 0x6E], [0x5C, 0x6E, 0xA9], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80], [0xC0, 0xAF],
            [0x5C, 0x6E, 0xC3, 0x5C, 0x6E],
        ] as [[UInt8]])
    func invalidUTF8AroundEscapesIsRefused(_ inner: [UInt8]) {
        let bytes = Array("{\"k\":\"".utf8) + inner + Array("\"}".utf8)
        #expect(throws: JWTError.self) { try StrictJSON.parseObject(bytes) }
    }

    /// Integers take a shortcut that skips `Double(String)`; every form must still read as that initializer reads it.
    @Test(arguments: [
        "0", "-0", "7", "-7", "1700000000", "999999999999999", "-999999999999999", "1000000000000000", "9007199254740993",
        "12345678901234567890", "1.5", "-0.0", "1e3", "1E-3", "123456789012345.5",
    ])
    func numbersReadExactlyAsDoubleParsesThem(_ text: String) throws {
        let object = try StrictJSON.parseObject(Array("{\"n\":\(text)}".utf8))
        let expected = try #require(Double(text))
        guard case .number(let value) = object["n"] else {
            Issue.record("not a number")
            return
        }
        #expect(value == expected && value.sign == expected.sign)
    }
}
