import COpenSSL

/// One signing or verification key; the key decides the algorithm.
///
/// Modelled on jwt-kit's key collection: a token's header `alg` is only ever
/// compared against `algorithm` here, never used to choose how to verify. The
/// libcrypto key is parsed once at `init` and reused for every request.
package final class JWTKey: Sendable {
    /// Smallest accepted HS256 secret: 256 bits (RFC 7518 §3.2).
    package static let minimumHMACSecretBytes = 32
    /// Random bytes in a generated HS256 secret (stored as 43 base64url characters).
    package static let generatedHMACSecretBytes = 32

    /// The libcrypto-side key: an EC key pair or an HMAC secret.
    enum Backing: Sendable {
        case ec(ECKeyPair)
        /// Keyed once at load; see `HMACKey`.
        case hmac(HMACKey)
    }

    package let algorithm: JWTAlgorithm
    /// RFC 7638 thumbprint of the key (for HS256, of the secret; never published as a JWK).
    package let kid: String
    /// The persisted form: PKCS#8 PEM for ES256 (public PEM if verify-only), the secret's bytes for HS256.
    package let material: [UInt8]
    let backing: Backing

    private init(algorithm: JWTAlgorithm, backing: Backing, material: [UInt8]) throws(JWTError) {
        self.algorithm = algorithm
        self.backing = backing
        self.material = material
        switch backing {
        case .ec(let pair):
            let (x, y) = try pair.publicCoordinates()
            kid = JWKThumbprint.compute(requiredMembers: [
                "crv": "P-256", "kty": "EC", "x": Base64URL.encode(x), "y": Base64URL.encode(y),
            ])
        case .hmac(let key):
            kid = JWKThumbprint.compute(requiredMembers: ["k": Base64URL.encode(key.secret), "kty": "oct"])
        }
    }

    /// A new random key: a P-256 key pair, or 32 random bytes as base64url text for HS256.
    package convenience init(generating algorithm: JWTAlgorithm) throws(JWTError) {
        switch algorithm {
        case .es256:
            let pair = try ECKeyPair.generate()
            try self.init(algorithm: .es256, backing: .ec(pair), material: try pair.pem())
        case .hs256:
            let text = Array(Base64URL.encode(try OpenSSL.randomBytes(Self.generatedHMACSecretBytes)).utf8)
            try self.init(algorithm: .hs256, backing: .hmac(try HMACKey(secret: text)), material: text)
        }
    }

    /// Rebuilds a key from `material` as persisted (a key file or the `signing_keys` table).
    ///
    /// ES256 accepts PKCS#8 `BEGIN PRIVATE KEY`, SEC1 `BEGIN EC PRIVATE KEY`, or
    /// `BEGIN PUBLIC KEY` (verify-only). HS256 takes the bytes as the secret, as is.
    package convenience init(algorithm: JWTAlgorithm, material: [UInt8]) throws(JWTError) {
        switch algorithm {
        case .es256:
            let pair = try ECKeyPair.fromPEM(material)
            try self.init(algorithm: .es256, backing: .ec(pair), material: try pair.pem())
        case .hs256:
            guard material.count >= Self.minimumHMACSecretBytes else {
                throw .keyError("HS256 secret must be at least \(Self.minimumHMACSecretBytes) bytes")
            }
            try self.init(algorithm: .hs256, backing: .hmac(try HMACKey(secret: material)), material: material)
        }
    }

    /// A verify-only ES256 key from a public EC JWK (`kty` EC, `crv` P-256, `x`, `y`).
    package convenience init(publicJWK jwk: [String: String]) throws(JWTError) {
        guard jwk["kty"] == "EC", jwk["crv"] == "P-256", let x = jwk["x"].flatMap(Base64URL.decode),
            let y = jwk["y"].flatMap(Base64URL.decode)
        else { throw .keyError("only EC P-256 public JWKs are supported") }
        let pair = try ECKeyPair.fromPublicCoordinates(x: x, y: y)
        try self.init(algorithm: .es256, backing: .ec(pair), material: try pair.pem())
    }

    /// The RFC 7517 public JWK for ES256 keys; nil for HS256, whose secret is never published.
    package var publicJWK: [String: String]? {
        guard case .ec(let pair) = backing, let (x, y) = try? pair.publicCoordinates() else { return nil }
        return [
            "kty": "EC", "crv": "P-256", "x": Base64URL.encode(x), "y": Base64URL.encode(y),
            "kid": kid, "alg": JWTAlgorithm.es256.rawValue, "use": "sig",
        ]
    }

    /// SubjectPublicKeyInfo PEM of an ES256 key (for interop checks); nil for HS256.
    package var publicKeyPEM: String? {
        guard case .ec(let pair) = backing, let pem = try? pair.publicPEM() else { return nil }
        return String(decoding: pem, as: UTF8.self)
    }

    /// True when this key can produce signatures (not a verify-only public key).
    package var canSign: Bool {
        if case .ec(let pair) = backing { return pair.hasPrivateKey }
        return true
    }

    /// The JWS signature over `data`: raw r‖s for ES256, the 32-byte MAC for HS256.
    package func sign(_ data: [UInt8]) throws(JWTError) -> [UInt8] {
        switch backing {
        case .ec(let pair): return try pair.sign(data)
        case .hmac(let key): return try key.mac(data)
        }
    }

    /// Checks a JWS signature over `data`; false for any malformed signature.
    package func verify(signature: [UInt8], data: [UInt8]) -> Bool {
        switch backing {
        case .ec(let pair):
            return pair.verify(signature: signature, data: data)
        case .hmac(let key):
            guard let expected = try? key.mac(data) else { return false }
            // Constant time: a timing leak here would let an attacker forge a MAC byte by byte.
            return ConstantTime.equals(expected, signature)
        }
    }
}
