/// A JSON Web Key Set document (RFC 7517 §5), public EC keys only.
///
/// Only members a verifier needs exist here, so a private `d` cannot be
/// serialised by mistake: the type has nowhere to put it.
package struct JWKSet: Sendable, Codable, Equatable {
    package var keys: [JWK]

    package init(keys: [JWK]) { self.keys = keys }

    /// One public EC P-256 signing key.
    package struct JWK: Sendable, Codable, Equatable {
        package var kty: String
        package var crv: String
        package var x: String
        package var y: String
        package var kid: String
        package var alg: String
        package var use: String

        /// Builds the JWK of an ES256 key; nil for HS256 keys, which are never published.
        package init?(key: JWTKey) {
            guard let jwk = key.publicJWK, let x = jwk["x"], let y = jwk["y"] else { return nil }
            self.kty = "EC"
            self.crv = "P-256"
            self.x = x
            self.y = y
            self.kid = key.kid
            self.alg = key.algorithm.rawValue
            self.use = "sig"
        }
    }
}
