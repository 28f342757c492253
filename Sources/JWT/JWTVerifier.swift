import Foundation

/// Verifies our access tokens: size, shape, algorithm, key, signature, then claims.
///
/// The order is the lesson (RFC 8725 §3): nothing from the payload is read
/// until the signature has verified, the algorithm is the configured one and
/// must match the key's, and time comes from the caller (`now`) so tests need
/// no sleeps and the verifier never calls `Date()`.
package struct JWTVerifier: Sendable {
    /// Default clock-skew allowance for exp, nbf and iat.
    package static let defaultLeewaySeconds = 30

    package let keys: JWTKeySet
    package let algorithm: JWTAlgorithm
    package let issuer: String
    package let audience: String
    package let leewaySeconds: Int

    package init(keys: JWTKeySet, algorithm: JWTAlgorithm, issuer: String, audience: String, leewaySeconds: Int = defaultLeewaySeconds) {
        self.keys = keys
        self.algorithm = algorithm
        self.issuer = issuer
        self.audience = audience
        self.leewaySeconds = leewaySeconds
    }

    /// The verified header and claims, or the first reason the token fails.
    ///
    /// A header without `kid` is `unknownKey`: every token we issue names its key,
    /// so there is no "default key" to fall back on.
    package func verify(_ token: String, now: Date) throws(JWTError) -> VerifiedJWT {
        let jws = try JWS.parse(token)
        // The header is parsed (strictly) before the signature only to read alg and kid.
        let header = try jws.header()
        guard header.alg == algorithm.rawValue else { throw JWTError(.unsupportedAlgorithm, "token algorithm is not accepted") }
        guard let kid = header.kid, let key = keys.key(kid: kid, now: now) else { throw JWTError(.unknownKey, "token key id is unknown") }
        // The key decides: a key of another algorithm never verifies this token.
        guard key.algorithm == algorithm else { throw JWTError(.unsupportedAlgorithm, "token algorithm is not accepted") }
        try jws.verifySignature(with: key, header: header)
        let claims = try Self.decodeClaims(jws.payloadBytes)
        try validate(claims, now: now)
        return VerifiedJWT(header: header, claims: claims)
    }

    /// Strict JSON (object, no duplicate names), then the typed claims from the same parse.
    static func decodeClaims(_ payload: [UInt8]) throws(JWTError) -> JWTClaims {
        try JWTClaims(json: try StrictJSON.parseObject(payload))
    }

    /// The registered-claim checks of RFC 7519 §4.1, with `leewaySeconds` of skew.
    func validate(_ claims: JWTClaims, now: Date) throws(JWTError) {
        let leeway = TimeInterval(leewaySeconds)
        guard claims.iss == issuer else { throw JWTError(.wrongIssuer, "token issuer is not accepted") }
        guard claims.aud.contains(audience) else { throw JWTError(.wrongAudience, "token audience is not accepted") }
        guard now < claims.exp.addingTimeInterval(leeway) else { throw JWTError(.expired, "token has expired") }
        guard now.addingTimeInterval(leeway) >= claims.nbf else { throw JWTError(.notYetValid, "token is not valid yet") }
        guard claims.iat <= now.addingTimeInterval(leeway) else { throw JWTError(.issuedInFuture, "token was issued in the future") }
    }
}
