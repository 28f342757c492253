/// The one error type the JWT module throws across module boundaries.
///
/// A struct with a code (not a public enum) so new codes never break callers,
/// as jwt-kit's `JWTError` does. `description` is a fixed sentence chosen here:
/// it never contains bytes from the token, so it is safe to put in an
/// `error_description` sent back to a client.
package struct JWTError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, coarse enough to map onto RFC 6750 responses.
    package enum Code: String, Sendable, Equatable, CaseIterable {
        case malformed
        case tooLarge
        case unsupportedAlgorithm
        case unknownKey
        case badSignature
        case criticalHeader
        case badType
        case expired
        case notYetValid
        case issuedInFuture
        case wrongIssuer
        case wrongAudience
        case missingClaim
        case keyError
    }

    package let code: Code
    package let description: String

    package init(_ code: Code, _ description: String) {
        self.code = code
        self.description = description
    }

    static func malformed(_ why: String) -> JWTError { JWTError(.malformed, why) }
    static func keyError(_ why: String) -> JWTError { JWTError(.keyError, why) }
}
