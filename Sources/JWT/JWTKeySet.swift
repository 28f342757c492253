import Foundation

/// The keys a server holds: one active signing key plus older verify-only keys.
///
/// Rotation without logging everyone out: a new key signs from now on while
/// tokens signed by a retired key keep verifying until that key's `notAfter`
/// (set it to at least the retirement time plus the access-token lifetime).
package struct JWTKeySet: Sendable {
    /// A retired key: verifies tokens until `notAfter`, never signs.
    package struct RetiredKey: Sendable {
        package let key: JWTKey
        package let notAfter: Date

        package init(key: JWTKey, notAfter: Date) {
            self.key = key
            self.notAfter = notAfter
        }
    }

    package let signing: JWTKey
    package let verifyOnly: [RetiredKey]

    package init(signing: JWTKey, verifyOnly: [RetiredKey] = []) {
        self.signing = signing
        self.verifyOnly = verifyOnly.filter { $0.key.kid != signing.kid }
    }

    /// The key named `kid` that may verify at `now`, or nil.
    ///
    /// An exact string match against our own thumbprints: a `kid` is only ever
    /// a lookup key, never a path, URL or query fragment.
    package func key(kid: String, now: Date) -> JWTKey? {
        if kid == signing.kid { return signing }
        return verifyOnly.first { $0.key.kid == kid && now < $0.notAfter }?.key
    }

    /// The key named `kid`, ignoring `notAfter` (for listings, not verification).
    package func key(kid: String) -> JWTKey? {
        if kid == signing.kid { return signing }
        return verifyOnly.first { $0.key.kid == kid }?.key
    }

    /// Public JWKs of every ES256 key still able to verify at `now`; `{"keys":[]}` under HS256.
    package func jwks(now: Date) -> JWKSet {
        let live = [signing] + verifyOnly.filter { now < $0.notAfter }.map(\.key)
        return JWKSet(keys: live.compactMap(JWKSet.JWK.init(key:)))
    }

    /// Public JWKs of every ES256 key in the set, retired ones included.
    package var jwks: JWKSet {
        JWKSet(keys: ([signing] + verifyOnly.map(\.key)).compactMap(JWKSet.JWK.init(key:)))
    }
}
