/// Reads the `Cookie` request header(s) into name/value pairs (RFC 6265bis §5.7 is the
/// browser's side; this is the server's tolerant reading of it).
///
/// Policy: pairs are separated by `;` with optional whitespace; several `Cookie` header
/// fields are read in order as if joined. A pair is skipped, never fatal, when it has no
/// `=`, its name is not a token, or its value (after removing one pair of surrounding
/// double quotes) has bytes outside `cookie-octet`. When a name repeats, the FIRST wins:
/// browsers send the cookie with the longest matching path first, the most specific one.
enum CookieParser {
    /// Every well-formed pair, in order, duplicates included.
    static func pairs(_ headerValues: [String]) -> [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        for header in headerValues {
            for piece in header.utf8.split(separator: UInt8(ascii: ";")) {
                if let pair = parsePair(piece) { result.append(pair) }
            }
        }
        return result
    }

    private static func parsePair(_ piece: Substring.UTF8View.SubSequence) -> (name: String, value: String)? {
        guard let equals = piece.firstIndex(of: UInt8(ascii: "=")) else { return nil }
        let name = trimmed(piece[..<equals])
        var value = trimmed(piece[piece.index(after: equals)...])
        guard CookieSyntax.isToken(name) else { return nil }
        if value.count >= 2, value.first == UInt8(ascii: "\""), value.last == UInt8(ascii: "\"") {
            value = value.dropFirst().dropLast()
        }
        guard value.allSatisfy(CookieSyntax.isCookieOctet) else { return nil }
        return (String(Substring(name)), String(Substring(value)))
    }

    private static func trimmed(_ bytes: Substring.UTF8View.SubSequence) -> Substring.UTF8View.SubSequence {
        var bytes = bytes
        while let first = bytes.first, CookieSyntax.isWhitespace(first) { bytes = bytes.dropFirst() }
        while let last = bytes.last, CookieSyntax.isWhitespace(last) { bytes = bytes.dropLast() }
        return bytes
    }
}

extension HTTPRequest {
    /// The request's cookies by name; when a name repeats, the first occurrence wins.
    package var cookies: [String: String] {
        var result: [String: String] = [:]
        for pair in CookieParser.pairs(headers.values("Cookie")) where result[pair.name] == nil {
            result[pair.name] = pair.value
        }
        return result
    }

    /// The value of the first cookie called `name` (exact, case-sensitive), or nil.
    /// Cheaper than `cookies` when a handler needs one cookie, e.g. the session id.
    package func cookie(_ name: String) -> String? {
        CookieParser.pairs(headers.values("Cookie")).first { $0.name == name }?.value
    }

    /// Every value sent for cookie `name`, in order. More than one means another
    /// site or path planted a cookie of the same name: a careful caller refuses.
    package func cookieValues(_ name: String) -> [String] {
        CookieParser.pairs(headers.values("Cookie")).filter { $0.name == name }.map(\.value)
    }
}
