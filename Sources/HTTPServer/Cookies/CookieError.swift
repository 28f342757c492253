/// Why a `SetCookie` could not be built. A struct with a stable code (not an enum), so
/// new checks do not break callers that switch on it.
package struct CookieError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable machine-readable code such as `invalid_name`.
    package let code: String
    package let description: String

    init(_ code: String, _ description: String) {
        self.code = code
        self.description = description
    }

    package static let invalidName = CookieError("invalid_name", "A cookie name must be a non-empty token.")
    package static let invalidValue = CookieError("invalid_value", "A cookie value may contain only cookie-octets.")
    package static let tooLong = CookieError("too_long", "The cookie or one of its attributes is too long.")
    package static let invalidAttribute = CookieError(
        "invalid_attribute", "Domain and Path must be printable, without ';'; Path starts with '/'; Max-Age is not negative.")
    package static let sameSiteNoneRequiresSecure = CookieError(
        "samesite_none_requires_secure", "SameSite=None is refused by browsers without Secure (RFC 6265bis).")
    package static let partitionedRequiresSecure = CookieError(
        "partitioned_requires_secure", "Partitioned cookies must also be Secure (CHIPS).")
    package static let prefixRequirementsUnmet = CookieError(
        "prefix_requirements_unmet", "__Secure- needs Secure; __Host- needs Secure, Path=/ and no Domain.")
}
