/// The character classes of RFC 6265bis §4.1.1, checked byte by byte so no regular
/// expression or allocation is involved. Shared by parsing and by `SetCookie`.
enum CookieSyntax {
    /// `token` (RFC 9110 §5.6.2): the only bytes a cookie name may contain.
    static func isToken<S: Sequence<UInt8>>(_ bytes: S) -> Bool {
        var empty = true
        for byte in bytes {
            empty = false
            guard isTokenByte(byte) else { return false }
        }
        return !empty
    }

    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default: "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }

    /// `cookie-octet`: printable US-ASCII except space, DQUOTE, comma, semicolon and backslash.
    static func isCookieOctet(_ byte: UInt8) -> Bool {
        byte == 0x21 || (0x23...0x2B).contains(byte) || (0x2D...0x3A).contains(byte) || (0x3C...0x5B).contains(byte)
            || (0x5D...0x7E).contains(byte)
    }

    /// An attribute value (`Path`, `Domain`): any printable ASCII except `;` (no CTLs).
    static func isAttributeValue(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: ";") }
    }

    /// Optional whitespace (SP / HTAB) around pairs and around `=`.
    static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
}
