/// RFC 7638 JWK thumbprints, used as our `kid`.
///
/// A thumbprint is derived from the key itself, so the same key always gets
/// the same `kid` across restarts and instances, with no registry to keep.
package enum JWKThumbprint {
    /// base64url(SHA-256(canonical JSON)) of the required members only.
    ///
    /// Pass exactly the members RFC 7638 §3.2 requires for the key type
    /// (EC: crv, kty, x, y; oct: k, kty; RSA: e, kty, n).
    package static func compute(requiredMembers: [String: String]) -> String {
        Base64URL.encode(SHA256.hash(Array(canonicalJSON(requiredMembers).utf8)))
    }

    /// Members sorted by the code points of their names, no whitespace (RFC 7638 §3).
    package static func canonicalJSON(_ members: [String: String]) -> String {
        let sorted = members.sorted { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) }
        return "{" + sorted.map { "\(jsonString($0.key)):\(jsonString($0.value))" }.joined(separator: ",") + "}"
    }

    /// A JSON string literal with the minimal escaping RFC 8259 requires.
    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
