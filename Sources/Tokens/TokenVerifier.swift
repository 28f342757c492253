import Bookstore
import Foundation
import HTTPServer
import JWT

/// Checks a passport: the seal (signature by a key we hold, with the one
/// configured alg), then the claims (`iss`, `aud`, `exp`, `nbf`, `iat`) against
/// the clock, and, only in denylist mode, a lookup of its `jti`.
package struct TokenVerifier: Sendable {
    let keys: KeyRing
    let policy: TokenPolicy
    let store: Bookstore
    let clock: @Sendable () -> Date

    package init(keys: KeyRing, policy: TokenPolicy, store: Bookstore, clock: @escaping @Sendable () -> Date = Date.init) {
        self.keys = keys
        self.policy = policy
        self.store = store
        self.clock = clock
    }

    /// The claims of a valid token, or 401 `invalid_token` saying why (a fixed sentence, never token bytes).
    func verify(_ token: String, checkDenylist: Bool? = nil) throws -> JWTClaims {
        let now = clock()
        let claims: JWTClaims
        do {
            do {
                claims = try verify(token, now: now)
            } catch  where error.code == .unknownKey {
                // A kid we do not know may be a key rotated in by `keys rotate` since we loaded:
                // reload (at most once a second, whoever asks) and try once more.
                keys.reloadIfStale()
                claims = try verify(token, now: now)
            }
        } catch {
            throw HTTPError.invalidToken(error.description)
        }
        if checkDenylist ?? (policy.revocation == .denylist), try store.revokedJTIs.contains(jti: claims.jti, now: now) {
            throw HTTPError.invalidToken("The token was revoked at logout.")
        }
        return claims
    }

    private func verify(_ token: String, now: Date) throws(JWTError) -> JWTClaims {
        let verifier = JWTVerifier(
            keys: keys.keys, algorithm: policy.algorithm, issuer: TokenPolicy.issuer, audience: TokenPolicy.audience,
            leewaySeconds: policy.leewaySeconds)
        return try verifier.verify(token, now: now).claims
    }

    /// In denylist mode, logout puts the presented access token's `jti` on the list until its `exp`.
    func denylistPresentedToken(_ request: HTTPRequest) throws {
        guard policy.revocation == .denylist, case .token(let token) = BearerCredential.parse(request.headers),
            let claims = try? verify(token)
        else { return }
        try store.revokedJTIs.add(jti: claims.jti, expiresAt: claims.exp.addingTimeInterval(TimeInterval(policy.leewaySeconds)))
    }
}
