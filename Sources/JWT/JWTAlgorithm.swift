/// The signature algorithms this module implements (RFC 7518 §3.2 and §3.4).
///
/// Deliberately tiny: a verifier is configured with exactly one of these, and
/// every other `alg` value (including `none` in any casing) never verifies.
package enum JWTAlgorithm: String, Sendable, CaseIterable {
    /// ECDSA over P-256 with SHA-256; signatures are raw 64-byte r‖s.
    case es256 = "ES256"
    /// HMAC with SHA-256 and a shared secret of at least 256 bits.
    case hs256 = "HS256"
}
