import Foundation

/// The claims of one of our access tokens; every member is required.
///
/// Registered claims (RFC 7519 §4.1) plus the app's `role` and `scope`
/// (space-separated, RFC 8693 §4.2). Dates are `Date`s on the Swift side and
/// NumericDates on the wire: decoding accepts integer or fractional seconds;
/// encoding writes whole seconds as integers (the signer's callers should pass
/// whole seconds) and anything else as a fraction. `aud` is an array here; a
/// single audience is written as a plain string (RFC 7519 §4.1.3).
package struct JWTClaims: Sendable, Codable, Equatable {
    package var iss: String
    package var aud: [String]
    package var sub: String
    package var iat: Date
    package var nbf: Date
    package var exp: Date
    package var jti: String
    package var role: String
    package var scope: String

    package init(iss: String, aud: [String], sub: String, iat: Date, nbf: Date, exp: Date, jti: String, role: String, scope: String) {
        self.iss = iss
        self.aud = aud
        self.sub = sub
        self.iat = iat
        self.nbf = nbf
        self.exp = exp
        self.jti = jti
        self.role = role
        self.scope = scope
    }

    /// The claim names; also the order a reader sees in `missingClaim` errors.
    package enum CodingKeys: String, CodingKey, CaseIterable {
        case iss, aud, sub, iat, nbf, exp, jti, role, scope
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        iss = try container.decode(String.self, forKey: .iss)
        if let single = try? container.decode(String.self, forKey: .aud) {
            aud = [single]
        } else {
            aud = try container.decode([String].self, forKey: .aud)
        }
        sub = try container.decode(String.self, forKey: .sub)
        iat = try Self.decodeDate(container, .iat)
        nbf = try Self.decodeDate(container, .nbf)
        exp = try Self.decodeDate(container, .exp)
        jti = try container.decode(String.self, forKey: .jti)
        role = try container.decode(String.self, forKey: .role)
        scope = try container.decode(String.self, forKey: .scope)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(iss, forKey: .iss)
        if aud.count == 1 { try container.encode(aud[0], forKey: .aud) } else { try container.encode(aud, forKey: .aud) }
        try container.encode(sub, forKey: .sub)
        try Self.encodeDate(iat, .iat, &container)
        try Self.encodeDate(nbf, .nbf, &container)
        try Self.encodeDate(exp, .exp, &container)
        try container.encode(jti, forKey: .jti)
        try container.encode(role, forKey: .role)
        try container.encode(scope, forKey: .scope)
    }

    /// A NumericDate: seconds since 1970 UTC, integer or fractional, finite.
    private static func decodeDate(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> Date {
        let seconds = try container.decode(Double.self, forKey: key)
        guard seconds.isFinite else {
            throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "NumericDate is not finite")
        }
        return Date(timeIntervalSince1970: seconds)
    }

    private static func encodeDate(_ date: Date, _ key: CodingKeys, _ container: inout KeyedEncodingContainer<CodingKeys>) throws {
        let seconds = date.timeIntervalSince1970
        if seconds.rounded() == seconds, abs(seconds) < 1e15 {
            try container.encode(Int64(seconds), forKey: key)
        } else {
            try container.encode(seconds, forKey: key)
        }
    }
}
