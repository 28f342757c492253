import Foundation
import HTTPServer

/// Compares a response type's hand-written JSON with the API encoder's, for the
/// conformance tests of each module: the bytes must be identical.
package enum JSONWriterCheck {
    /// Strings that exercise every escaping rule and multi-byte UTF-8.
    package static let hostileStrings: [String] = [
        "", "plain", "q\"uote", "back\\slash", "a/b</script>", "line\nbreak\r\t", "\u{0}\u{8}\u{c}\u{1f}\u{7f}",
        "\u{2028}\u{2029}", "emoji 😀👩‍👩‍👧", "é 中文",
    ]

    /// `JSONCoding.makeEncoder()`'s bytes: what the API answered before the writer existed.
    package static func encoderText<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try JSONCoding.makeEncoder().encode(value), as: UTF8.self)
    }

    /// The writer's bytes, through the conformance the caller can see.
    package static func writerText<T: JSONWritable>(_ value: T) throws -> String {
        var writer = JSONWriter()
        try value.writeJSON(to: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// The body `HTTPResponse.json` sends, which finds conformances at run time.
    package static func responseText<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try HTTPResponse.json(value).body, as: UTF8.self)
    }

    /// Whether `HTTPResponse.json` takes the writer's path for this value.
    package static func takesWriterPath<T: Encodable>(_ value: T) -> Bool { value is any JSONWritable }
}
