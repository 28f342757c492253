/// A token whose signature, algorithm, key and claims all checked out.
///
/// Only `JWTVerifier` makes these, so holding one is proof of verification.
package struct VerifiedJWT: Sendable, Equatable {
    package let header: JWTHeader
    package let claims: JWTClaims
}
