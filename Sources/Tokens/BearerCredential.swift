import HTTPServer

/// Reads `Authorization: Bearer <token>` (RFC 6750 §2.1; the scheme name is
/// case-insensitive per RFC 7235). Pure, so every edge case is a unit test.
enum BearerCredential {
    enum Parsed: Equatable {
        /// No Authorization header, or one for another scheme: the client sent no bearer token.
        case absent
        case token(String)
        /// A Bearer header that is not well-formed (several headers, empty or bad characters).
        case malformed
    }

    /// Longest Authorization value looked at; the JWT parser caps tokens at 8 KiB anyway.
    static let maxHeaderBytes = 8 * 1024 + 7

    static func parse(_ headers: HTTPHeaders) -> Parsed {
        let values = headers.values("Authorization")
        guard let value = values.first else { return .absent }
        guard values.count == 1, value.utf8.count <= maxHeaderBytes else { return .malformed }
        let bytes = Array(value.utf8)
        let scheme = bytes.prefix { $0 != UInt8(ascii: " ") }
        guard HTTPHeaders.equalNames(String(decoding: scheme, as: UTF8.self), "Bearer") else {
            return bytes.count == scheme.count && HTTPHeaders.equalNames(value, "Bearer") ? .malformed : .absent
        }
        let token = bytes[scheme.count...].drop { $0 == UInt8(ascii: " ") }
        guard !token.isEmpty, isB64Token(token) else { return .malformed }
        return .token(String(decoding: token, as: UTF8.self))
    }

    /// RFC 6750 b64token: `1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="`.
    private static func isB64Token(_ bytes: ArraySlice<UInt8>) -> Bool {
        let body = bytes.reversed().drop { $0 == UInt8(ascii: "=") }
        guard !body.isEmpty else { return false }
        return body.allSatisfy { b in
            (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
                || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "~")
                || b == UInt8(ascii: "+") || b == UInt8(ascii: "/")
        }
    }
}
