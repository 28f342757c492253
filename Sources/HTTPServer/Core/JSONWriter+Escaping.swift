/// String escaping exactly as the API's `JSONEncoder` does it (the bytes are the contract).
///
/// Only `"`, `\` and the C0 controls are escaped: `\b \t \n \f \r` by their short
/// forms, the other controls as `\u00xx` with lowercase hex. `/` stays bare
/// (`.withoutEscapingSlashes`), and DEL, U+2028, U+2029 and every other non-ASCII
/// scalar are copied as UTF-8. (`HTTPResponse.jsonString`, used only for error
/// bodies, escapes more; both are valid JSON.)
extension JSONWriter {
    /// Appends `value` as a quoted, escaped JSON string.
    mutating func appendEscaped(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var contiguous = value
        contiguous.withUTF8 { appendEscaped(utf8: $0) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Copies runs of bytes that need no escape in one go; most strings are a single run.
    private mutating func appendEscaped(utf8: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        for index in utf8.indices {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            appendEscape(for: byte)
            runStart = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
    }

    private mutating func appendEscape(for byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        default:
            let hexDigits: StaticString = "0123456789abcdef"
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
            hexDigits.withUTF8Buffer { hex in
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            }
        }
    }
}
