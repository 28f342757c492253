import JWT

/// The rules every token this server issues and accepts follows.
package struct TokenPolicy: Sendable {
    /// How logout treats an access token that is still within its lifetime.
    package enum Revocation: String, Sendable {
        /// Stateless: a token stays valid until `exp`. Logout only revokes the refresh family.
        case none
        /// Logout also records the token's `jti` until its `exp`, and every request checks
        /// that list in SQLite: server state again, the price of instant logout.
        case denylist
    }

    /// `iss` of every token. Fixed, not derived from the listening address, so a second
    /// instance on another port accepts the same tokens (the lesson's "second instance").
    package static let issuer = "sessions-vs-tokens"
    /// `aud` of every token: the API that accepts it.
    package static let audience = "bookstore"
    /// Refresh tokens live 14 days, rotated on every use.
    package static let refreshTTLSeconds = 14 * 24 * 3600
    /// Random bytes in a refresh token (256 bits) and in a `jti` or family id (128 bits).
    package static let refreshTokenBytes = 32
    package static let identifierBytes = 16

    package var algorithm: JWTAlgorithm = .es256
    package var accessTTLSeconds = 300
    package var leewaySeconds = JWTVerifier.defaultLeewaySeconds
    package var revocation = Revocation.none

    package init(algorithm: JWTAlgorithm = .es256, accessTTLSeconds: Int = 300, leewaySeconds: Int = 30, revocation: Revocation = .none) {
        self.algorithm = algorithm
        self.accessTTLSeconds = accessTTLSeconds
        self.leewaySeconds = leewaySeconds
        self.revocation = revocation
    }

    /// How long after a key stops signing its tokens can still be valid: a retired
    /// public key must keep verifying for this long.
    package var retiredKeyGraceSeconds: Int { accessTTLSeconds + leewaySeconds }
}

/// Random bytes from the OS CSPRNG (`getrandom(2)` behind `SystemRandomNumberGenerator` on Linux).
enum SecureRandom {
    static func bytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// `count` random bytes as base64url text, for ids that travel in JSON and headers.
    static func token(_ count: Int) -> String { Base64URL.encode(bytes(count)) }
}
