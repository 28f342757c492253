/// Strict base64url without padding (RFC 7515 §2, RFC 4648 §5).
///
/// Strict because two different strings must never decode to the same bytes:
/// padding, any character outside `A–Z a–z 0–9 - _`, a length of 1 mod 4, and
/// non-zero unused trailing bits are all rejected.
package enum Base64URL {
    private static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// Reverse lookup; 0xFF marks a byte that is not in the alphabet.
    private static let decodeTable: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, char) in alphabet.enumerated() { table[Int(char)] = UInt8(value) }
        return table
    }()

    package static func encode(_ bytes: some Collection<UInt8>) -> String {
        let input = Array(bytes)
        var out: [UInt8] = []
        out.reserveCapacity((input.count * 4 + 2) / 3)
        var index = 0
        while index + 3 <= input.count {
            let n = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8 | UInt32(input[index + 2])
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)], alphabet[Int(n & 63)]]
            index += 3
        }
        switch input.count - index {
        case 1:
            let n = UInt32(input[index]) << 16
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)]]
        case 2:
            let n = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)]]
        default:
            break
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Returns nil for anything that is not canonical unpadded base64url.
    package static func decode(_ text: some StringProtocol) -> [UInt8]? {
        var text = String(text)
        return text.withUTF8 { decode(bytes: $0) }
    }

    /// `decode(_:)` over the text's UTF-8 bytes; the form the JWS parser uses, with no copy.
    ///
    /// One pass, four characters at a time, straight into the output buffer.
    package static func decode(bytes chars: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let remainder = chars.count % 4
        if remainder == 1 { return nil }
        let outCount = chars.count / 4 * 3 + (remainder == 0 ? 0 : remainder - 1)
        return decodeTable.withUnsafeBufferPointer { table -> [UInt8]? in
            var valid = true
            let out = [UInt8](unsafeUninitializedCapacity: outCount) { buffer, initialized in
                var index = 0
                var written = 0
                // Any byte outside the alphabet maps to 0xFF; OR-ing the values lets one test cover all four.
                while index + 4 <= chars.count {
                    let a = table[Int(chars[index])], b = table[Int(chars[index + 1])]
                    let c = table[Int(chars[index + 2])], d = table[Int(chars[index + 3])]
                    guard (a | b | c | d) & 0xC0 == 0 else {
                        valid = false
                        return
                    }
                    buffer[written] = a << 2 | b >> 4
                    buffer[written + 1] = b << 4 | c >> 2
                    buffer[written + 2] = c << 6 | d
                    index += 4
                    written += 3
                }
                initialized = written
                switch remainder {
                case 2:
                    let a = table[Int(chars[index])], b = table[Int(chars[index + 1])]
                    // 12 bits carry 8: the low 4 bits of the last character must be zero.
                    guard (a | b) & 0xC0 == 0, b & 0x0F == 0 else {
                        valid = false
                        return
                    }
                    buffer[written] = a << 2 | b >> 4
                    initialized += 1
                case 3:
                    let a = table[Int(chars[index])], b = table[Int(chars[index + 1])], c = table[Int(chars[index + 2])]
                    // 18 bits carry 16: the low 2 bits of the last character must be zero.
                    guard (a | b | c) & 0xC0 == 0, c & 0x03 == 0 else {
                        valid = false
                        return
                    }
                    buffer[written] = a << 2 | b >> 4
                    buffer[written + 1] = b << 4 | c >> 2
                    initialized += 2
                default:
                    break
                }
            }
            return valid ? out : nil
        }
    }
}
