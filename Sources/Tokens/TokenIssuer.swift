import Bookstore
import Foundation
import JWT

/// Issues the passport: a signed access token whose claims carry who you are
/// and what you may do, plus an opaque refresh token kept (hashed) in SQLite.
package struct TokenIssuer: Sendable {
    let store: Bookstore
    let keys: KeyRing
    let policy: TokenPolicy
    let clock: @Sendable () -> Date

    package init(store: Bookstore, keys: KeyRing, policy: TokenPolicy, clock: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.keys = keys
        self.policy = policy
        self.clock = clock
    }

    /// A new access token and a new refresh token in `family` (a new family at login).
    func issue(for user: User, family: String = SecureRandom.token(TokenPolicy.identifierBytes)) throws -> TokenPair {
        let refreshToken = SecureRandom.token(TokenPolicy.refreshTokenBytes)
        try store.refreshTokens.insert(
            hash: Self.hash(refreshToken), family: family, userID: user.id, expiresAt: refreshExpiry())
        return try pair(for: user, refreshToken: refreshToken)
    }

    /// Signs an access token. The user's scopes are read now and frozen into the
    /// token: until it expires, no later change in the database reaches it.
    func pair(for user: User, refreshToken: String) throws -> TokenPair {
        keys.reloadIfStale()
        let now = Date(timeIntervalSince1970: clock().timeIntervalSince1970.rounded(.down))
        let claims = JWTClaims(
            iss: TokenPolicy.issuer, aud: [TokenPolicy.audience], sub: String(user.id),
            iat: now, nbf: now, exp: now.addingTimeInterval(TimeInterval(policy.accessTTLSeconds)),
            jti: SecureRandom.token(TokenPolicy.identifierBytes), role: user.role, scope: user.scopes.joined(separator: " "))
        let accessToken = try JWTSigner().sign(claims, with: keys.keys.signing)
        return TokenPair(
            accessToken: accessToken, tokenType: "Bearer", expiresIn: policy.accessTTLSeconds,
            refreshToken: refreshToken, scope: claims.scope)
    }

    func refreshExpiry() -> Date { clock().addingTimeInterval(TimeInterval(TokenPolicy.refreshTTLSeconds)) }

    /// Refresh tokens are stored only as their SHA-256: a database leak yields no usable token.
    static func hash(_ refreshToken: String) -> [UInt8] { JWT.SHA256.hash(Array(refreshToken.utf8)) }
}

/// `{"access_token","token_type":"Bearer","expires_in","refresh_token","scope"}` (RFC 6749 §5.1).
package struct TokenPair: Sendable, Codable, Equatable {
    package var accessToken: String
    package var tokenType: String
    package var expiresIn: Int
    package var refreshToken: String
    package var scope: String
}
