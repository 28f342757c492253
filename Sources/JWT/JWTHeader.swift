/// The JWS Protected Header members this module acts on.
///
/// `jku`, `x5u`, `jwk` and `x5c` are deliberately not represented: a key named
/// by the token itself would let the attacker choose the key that verifies
/// the attacker's signature (RFC 8725 §3.10), so they are ignored, never
/// fetched. `crit` is refused because we understand no extensions (RFC 7515 §4.1.11).
package struct JWTHeader: Sendable, Equatable {
    package let alg: String
    package let typ: String?
    package let kid: String?

    package init(alg: String, typ: String?, kid: String?) {
        self.alg = alg
        self.typ = typ
        self.kid = kid
    }

    /// Parses header JSON strictly and enforces the header rules above.
    ///
    /// `typ`, if present, must be `JWT` (any case, RFC 7519 §5.1) or `at+jwt`
    /// (RFC 9068 access tokens, any case): anything else is another kind of
    /// object and must not be mistaken for one of our tokens (RFC 8725 §3.11).
    init(json: [UInt8]) throws(JWTError) {
        let object = try StrictJSON.parseObject(json)
        guard object["crit"] == nil else { throw JWTError(.criticalHeader, "critical header extensions are not supported") }
        guard let alg = object["alg"]?.stringValue else { throw .malformed("header has no alg") }
        var typ: String?
        if let value = object["typ"] {
            guard let text = value.stringValue, ["jwt", "at+jwt"].contains(text.lowercased()) else {
                throw JWTError(.badType, "token type is not JWT")
            }
            typ = text
        }
        var kid: String?
        if let value = object["kid"] {
            guard let text = value.stringValue else { throw .malformed("header kid is not a string") }
            kid = text
        }
        self.init(alg: alg, typ: typ, kid: kid)
    }
}
