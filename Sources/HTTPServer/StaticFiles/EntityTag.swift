/// Strong entity tags and `If-None-Match` (RFC 9110 §8.8.3, §13.1.2).
///
/// The tag is a 64-bit FNV-1a hash of the file's bytes, as 16 hex digits in quotes. It
/// depends only on content, so it is strong (same bytes, same tag) and survives restarts
/// and `touch`. FNV is not cryptographic; a validator only needs accidental collisions
/// to be negligible (2^-64), not resistance to an attacker who controls the files.
enum EntityTag {
    /// The quoted tag for `bytes`, e.g. `"af63bd4c8601b7df"`.
    static func strong(for bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "\"" + String(repeating: "0", count: 16 - hex.count) + hex + "\""
    }

    /// True when any `If-None-Match` field lists `etag` or is `*`. Comparison is weak, as
    /// RFC 9110 requires for this header: `W/"x"` matches `"x"`. A malformed list stops
    /// being read at the first error and then matches nothing more (the safe outcome is a 200).
    static func ifNoneMatch(_ fieldValues: [String], matches etag: String) -> Bool {
        let wanted = opaque(etag.utf8[...])
        for value in fieldValues {
            var rest = value.utf8[...]
            while true {
                rest = rest.drop { $0 == 0x20 || $0 == 0x09 || $0 == UInt8(ascii: ",") }
                guard let first = rest.first else { break }
                if first == UInt8(ascii: "*") { return true }
                if rest.starts(with: "W/".utf8) { rest = rest.dropFirst(2) }
                guard rest.first == UInt8(ascii: "\""),
                    let close = rest.dropFirst().firstIndex(of: UInt8(ascii: "\""))
                else { break }
                if rest[rest.index(after: rest.startIndex)..<close].elementsEqual(wanted) { return true }
                rest = rest[rest.index(after: close)...]
            }
        }
        return false
    }

    /// The characters between the quotes of a tag.
    private static func opaque(_ tag: Substring.UTF8View) -> Substring.UTF8View {
        var tag = tag
        if tag.starts(with: "W/".utf8) { tag = tag.dropFirst(2) }
        return tag.dropFirst().dropLast()
    }
}
