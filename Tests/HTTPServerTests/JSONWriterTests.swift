import Foundation
import HTTPServer
import Testing

/// The writer's bytes against the API encoder's, for the primitives every conformance is built from.
@Suite struct JSONWriterTests {
    static let hostileStrings: [String] = [
        "", "plain", "quote \" inside", "\"", "back\\slash", "\\\"", "slash / and </script>",
        "line\nbreak", "\r\n\t", "\u{8}\u{c}", "\u{0}", "\u{1}\u{1f}\u{b}\u{e}", String((0..<32).map { Character(UnicodeScalar($0)!) }),
        "\u{7f}", "\u{2028}\u{2029}", "emoji 😀 and a family 👩‍👩‍👧", "é ü ß 中文 ﷽", "\u{feff}bom", "mixed\"\\\n\u{2028}😀/\u{1}",
        String(repeating: "long run without escapes ", count: 40),
    ]

    @Test(arguments: hostileStrings)
    func stringsAreEscapedExactlyAsTheEncoderDoes(_ value: String) throws {
        var writer = JSONWriter()
        writer.string(value)
        #expect(try text(writer) == encoded(value))
    }

    @Test(arguments: [0, 1, -1, 9, 10, -10, 99, 100, 1_796_400_219, Int.max, Int.min, Int.min + 1])
    func integersMatchTheEncoder(_ value: Int) throws {
        var writer = JSONWriter()
        writer.int(value)
        #expect(try text(writer) == encoded(value))
    }

    @Test func boolsAndNullMatchTheEncoder() throws {
        var writer = JSONWriter()
        writer.beginArray()
        writer.bool(true)
        writer.bool(false)
        writer.null()
        writer.endArray()
        #expect(try text(writer) == encoded([true, false, nil] as [Bool?]))
    }

    @Test func commasSeparateMembersAndElementsButNotKeysFromValues() {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("a")
        writer.beginArray()
        writer.endArray()
        writer.key("b")
        writer.beginObject()
        writer.endObject()
        writer.key("c")
        writer.array([1, 2, 3]) { writer, number in writer.int(number) }
        writer.key("d")
        writer.beginArray()
        writer.beginObject()
        writer.endObject()
        writer.beginObject()
        writer.key("e")
        writer.null()
        writer.endObject()
        writer.endArray()
        writer.endObject()
        #expect(text(writer) == #"{"a":[],"b":{},"c":[1,2,3],"d":[{},{"e":null}]}"#)
    }

    @Test(arguments: [[], ["x"], ["a\"b", "c\\d", "😀"]] as [[String]])
    func arraysAndOptionalsOfWritablesMatchTheEncoder(_ strings: [String]) throws {
        let optionals: [String?] = strings + [nil]
        #expect(try written(strings) == encoded(strings))
        #expect(try written(optionals) == encoded(optionals))
        #expect(try written(strings.first) == encoded(strings.first))
    }

    @Test func jsonUsesTheWriterForAWritableValue() throws {
        let response = try HTTPResponse.json(Marked(name: "x"))
        // `Marked` breaks the contract on purpose so the path taken is visible.
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"written_by":"writer"}"#)
        #expect(response.headers["Content-Type"] == HTTPResponse.jsonContentType)
    }

    @Test func jsonFallsBackToTheEncoderForOtherValues() throws {
        let value = Plain(userID: 7, displayName: "a/b \u{2028}", createdAt: Date(timeIntervalSince1970: 1_796_400_219))
        let response = try HTTPResponse.json(value, status: .created)
        let expected = #"{"created_at":"2026-12-04T16:03:39Z","display_name":"a/b \#u{2028}","user_id":7}"#
        #expect(String(decoding: response.body, as: UTF8.self) == expected)
        #expect(response.status == .created)
    }

    @Test func nestedValuesConformingAtRunTimeAreWrittenAndOthersEncoded() throws {
        var writer = JSONWriter()
        writer.beginArray()
        try writeSeeingOnlyEncodable(Marked(name: "x"), to: &writer)
        try writeSeeingOnlyEncodable(Plain(userID: 1, displayName: "", createdAt: Date(timeIntervalSince1970: 0)), to: &writer)
        writer.endArray()
        #expect(text(writer) == #"[{"written_by":"writer"},{"created_at":"1970-01-01T00:00:00Z","display_name":"","user_id":1}]"#)
    }
}

/// Calls `value(_:)` where only `Encodable` is known, as a router does with a type the app conforms.
private func writeSeeingOnlyEncodable<T: Encodable>(_ value: T, to writer: inout JSONWriter) throws {
    try writer.value(value)
}

/// A writable type whose writer output differs from its encoding, to show which path ran.
private struct Marked: JSONWritable {
    var name: String
    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("written_by")
        writer.string("writer")
        writer.endObject()
    }
}

private struct Plain: Encodable {
    var userID: Int
    var displayName: String
    var createdAt: Date
}

func text(_ writer: JSONWriter) -> String { String(decoding: writer.bytes, as: UTF8.self) }

/// `JSONCoding.makeEncoder()`'s bytes (a fresh encoder: the contract, not the cache).
func encoded<T: Encodable>(_ value: T) throws -> String {
    String(decoding: try JSONCoding.makeEncoder().encode(value), as: UTF8.self)
}

func written<T: JSONWritable>(_ value: T) throws -> String {
    var writer = JSONWriter()
    try value.writeJSON(to: &writer)
    return text(writer)
}
