/// A JSON value as read by `StrictJSON`.
package enum JSONValue: Sendable, Equatable {
    case object([String: JSONValue])
    case array([JSONValue])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    /// The string, if this value is one.
    package var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }
}

/// An RFC 8259 parser that refuses what lenient parsers forgive.
///
/// JWT security depends on every party reading the same claims from the same
/// bytes. `JSONSerialization` silently keeps one of two duplicate keys, so an
/// attacker could craft `{"sub":"1","sub":"2"}` that two readers disagree on
/// (RFC 8725 §3.11 family). This parser rejects duplicate member names at every
/// depth, invalid UTF-8, trailing bytes, and nesting deeper than a fixed limit.
package enum StrictJSON {
    /// Deepest nesting accepted; JWT headers and our claims are two levels deep.
    package static let maxDepth = 16

    /// Members the top-level table holds before it must grow: our claims set has 9, a header 3.
    static let topLevelMemberCapacity = 12

    /// Parses `bytes`, which must hold exactly one JSON object.
    package static func parseObject(_ bytes: [UInt8]) throws(JWTError) -> [String: JSONValue] {
        var parser = Parser(bytes: bytes)
        parser.skipWhitespace()
        guard parser.peek() == UInt8(ascii: "{") else { throw .malformed("JSON is not an object") }
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        guard parser.index == bytes.count, case .object(let object) = value else { throw .malformed("trailing bytes after JSON") }
        return object
    }

    /// A cursor over the input; each `parse` method consumes one production.
    private struct Parser {
        let bytes: [UInt8]
        var index = 0

        func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipWhitespace() {
            while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
        }

        mutating func expect(_ literal: String) throws(JWTError) {
            for byte in literal.utf8 {
                guard peek() == byte else { throw .malformed("invalid JSON literal") }
                index += 1
            }
        }

        mutating func parseValue(depth: Int) throws(JWTError) -> JSONValue {
            guard depth < StrictJSON.maxDepth else { throw .malformed("JSON nested too deeply") }
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: "{"): return try parseObject(depth: depth)
            case UInt8(ascii: "["): return try parseArray(depth: depth)
            case UInt8(ascii: "\""): return .string(try parseString())
            case UInt8(ascii: "t"):
                try expect("true")
                return .bool(true)
            case UInt8(ascii: "f"):
                try expect("false")
                return .bool(false)
            case UInt8(ascii: "n"):
                try expect("null")
                return .null
            case .some(let byte) where byte == UInt8(ascii: "-") || (byte >= 0x30 && byte <= 0x39):
                return .number(try parseNumber())
            default:
                throw .malformed("invalid JSON value")
            }
        }

        mutating func parseObject(depth: Int) throws(JWTError) -> JSONValue {
            index += 1
            // The top level is a JWT header or claims set: room for all its members up front
            // saves rehashing every key as the table grows. Nested objects start small.
            var members = [String: JSONValue](minimumCapacity: depth == 0 ? StrictJSON.topLevelMemberCapacity : 0)
            skipWhitespace()
            if peek() == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            while true {
                skipWhitespace()
                guard peek() == UInt8(ascii: "\"") else { throw .malformed("invalid JSON object") }
                let key = try parseString()
                skipWhitespace()
                try expect(":")
                let value = try parseValue(depth: depth + 1)
                // The check that matters: one name, one meaning.
                guard members.updateValue(value, forKey: key) == nil else { throw .malformed("duplicate JSON member name") }
                skipWhitespace()
                switch peek() {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "}"):
                    index += 1
                    return .object(members)
                default: throw .malformed("invalid JSON object")
                }
            }
        }

        mutating func parseArray(depth: Int) throws(JWTError) -> JSONValue {
            index += 1
            var elements: [JSONValue] = []
            skipWhitespace()
            if peek() == UInt8(ascii: "]") {
                index += 1
                return .array(elements)
            }
            while true {
                elements.append(try parseValue(depth: depth + 1))
                skipWhitespace()
                switch peek() {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "]"):
                    index += 1
                    return .array(elements)
                default: throw .malformed("invalid JSON array")
                }
            }
        }

        mutating func parseNumber() throws(JWTError) -> Double {
            let start = index
            if peek() == UInt8(ascii: "-") { index += 1 }
            guard let first = peek(), isDigit(first) else { throw .malformed("invalid JSON number") }
            index += 1
            if first != UInt8(ascii: "0") { skipDigits() }
            let integerEnd = index
            if peek() == UInt8(ascii: ".") {
                index += 1
                guard let next = peek(), isDigit(next) else { throw .malformed("invalid JSON number") }
                skipDigits()
            }
            if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
                index += 1
                if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
                guard let next = peek(), isDigit(next) else { throw .malformed("invalid JSON number") }
                skipDigits()
            }
            // NumericDates are plain integers: below 10^15 they are exact as Doubles, no text round trip needed.
            let negative = bytes[start] == UInt8(ascii: "-")
            let digits = integerEnd - start - (negative ? 1 : 0)
            if index == integerEnd, digits <= Self.exactIntegerDigits {
                var magnitude = 0
                for byte in bytes[(integerEnd - digits)..<integerEnd] { magnitude = magnitude * 10 + Int(byte - 0x30) }
                return negative ? -Double(magnitude) : Double(magnitude)
            }
            guard let value = Double(String(decoding: bytes[start..<index], as: UTF8.self)), value.isFinite else {
                throw .malformed("invalid JSON number")
            }
            return value
        }

        /// Most digits of an integer converted without `Double(String)`: 10^15 < 2^53, so every such integer is exact.
        static let exactIntegerDigits = 15

        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

        mutating func skipDigits() {
            while let byte = peek(), isDigit(byte) { index += 1 }
        }

        /// A string member or value. The common case, no escapes, becomes a
        /// `String` with one validated copy of the run; with escapes, the UTF-8
        /// is gathered into one buffer and validated once at the end (an escape
        /// always yields a whole scalar, so it cannot complete or hide an
        /// invalid sequence on either side of it).
        mutating func parseString() throws(JWTError) -> String {
            index += 1
            let start = index
            var highBits: UInt8 = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    let text = try Self.validated(bytes[start..<index], isASCII: highBits & 0x80 == 0)
                    index += 1
                    return text
                }
                if byte == UInt8(ascii: "\\") { break }
                if byte < 0x20 { throw .malformed("control character in JSON string") }
                highBits |= byte
                index += 1
            }
            var utf8 = Array(bytes[start..<index])
            while let byte = peek() {
                switch byte {
                case UInt8(ascii: "\""):
                    index += 1
                    return try Self.validated(utf8[...], isASCII: false)
                case UInt8(ascii: "\\"):
                    index += 1
                    utf8.append(contentsOf: try parseEscape().utf8)
                case 0x00..<0x20:
                    throw .malformed("control character in JSON string")
                default:
                    utf8.append(byte)
                    index += 1
                }
            }
            throw .malformed("unterminated JSON string")
        }

        /// The bytes as a `String`, or an error if they are not valid UTF-8.
        ///
        /// `String(decoding:)` is the stdlib's specialised fast path; it replaces
        /// invalid sequences with U+FFFD, so its bytes equal the input exactly
        /// when the input was valid. (`String(validating:)` is generic and looked
        /// up its metadata on every call.) ASCII needs no check at all.
        static func validated(_ utf8: ArraySlice<UInt8>, isASCII: Bool) throws(JWTError) -> String {
            let text = utf8.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
            guard isASCII || text.utf8.elementsEqual(utf8) else { throw .malformed("invalid UTF-8 in JSON") }
            return text
        }

        mutating func parseEscape() throws(JWTError) -> Unicode.Scalar {
            guard let byte = peek() else { throw .malformed("invalid JSON escape") }
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return "\""
            case UInt8(ascii: "\\"): return "\\"
            case UInt8(ascii: "/"): return "/"
            case UInt8(ascii: "b"): return "\u{08}"
            case UInt8(ascii: "f"): return "\u{0C}"
            case UInt8(ascii: "n"): return "\n"
            case UInt8(ascii: "r"): return "\r"
            case UInt8(ascii: "t"): return "\t"
            case UInt8(ascii: "u"):
                let high = try parseHex4()
                if (0xD800..<0xDC00).contains(high) {
                    try expect("\\u")
                    let low = try parseHex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw .malformed("invalid JSON surrogate pair") }
                    return Unicode.Scalar(0x10000 + (high - 0xD800) << 10 + (low - 0xDC00))!
                }
                guard let scalar = Unicode.Scalar(high) else { throw .malformed("lone JSON surrogate") }
                return scalar
            default:
                throw .malformed("invalid JSON escape")
            }
        }

        mutating func parseHex4() throws(JWTError) -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let byte = peek(), let digit = hexValue(byte) else { throw .malformed("invalid JSON escape") }
                value = value << 4 | digit
                index += 1
            }
            return value
        }

        func hexValue(_ byte: UInt8) -> UInt32? {
            switch byte {
            case 0x30...0x39: UInt32(byte - 0x30)
            case 0x41...0x46: UInt32(byte - 0x41 + 10)
            case 0x61...0x66: UInt32(byte - 0x61 + 10)
            default: nil
            }
        }
    }
}
