/// Percent-decoding of one path segment (RFC 3986 §2.1), shared by the router and
/// static files. Decoding happens per segment, after splitting on '/', so an encoded
/// slash `%2F` stays inside its segment and can never create a new path level.
enum PercentDecoding {
    /// The decoded bytes of `segment`, or nil when a `%` is not followed by two hex digits.
    static func decodeBytes(_ segment: Substring.UTF8View) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(segment.count)
        var index = segment.startIndex
        while index != segment.endIndex {
            let byte = segment[index]
            guard byte == UInt8(ascii: "%") else {
                out.append(byte)
                index = segment.index(after: index)
                continue
            }
            let first = segment.index(after: index)
            guard first != segment.endIndex else { return nil }
            let second = segment.index(after: first)
            guard second != segment.endIndex, let high = hexValue(segment[first]), let low = hexValue(segment[second])
            else { return nil }
            out.append(high << 4 | low)
            index = segment.index(after: second)
        }
        return out
    }

    /// The decoded text of `segment`, or nil for invalid percent-encoding or bytes that are
    /// not UTF-8. Segments without `%` are returned as they are, without decoding work.
    static func decode(_ segment: Substring) -> String? {
        guard segment.utf8.contains(UInt8(ascii: "%")) else { return String(segment) }
        guard let bytes = decodeBytes(segment.utf8) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
