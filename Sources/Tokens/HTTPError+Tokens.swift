import HTTPServer

/// RFC 6750 §3 errors: the JSON body api.md fixes plus the `WWW-Authenticate` challenge.
extension HTTPError {
    static let realm = #"Bearer realm="bookstore""#

    /// No bearer token: the challenge carries no error attribute (RFC 6750 §3.1); the JSON
    /// body still needs a code (api.md's error shape) and says `invalid_token`.
    static let missingToken = HTTPError(
        .unauthorized, "invalid_token", "No bearer token was sent: sign in at POST /token/login.",
        headers: ["WWW-Authenticate": realm])

    static let invalidCredentials = HTTPError(.unauthorized, "invalid_credentials", "Unknown username or wrong password.")

    /// The refresh token is unknown, expired, spent or revoked. RFC 6749 §5.2 says 400; api.md fixes 401.
    static let invalidGrant = HTTPError(.unauthorized, "invalid_grant", "The refresh token is not valid.")

    /// `description` must be a fixed sentence (JWTError's are): it is echoed in a header.
    static func invalidToken(_ description: String) -> HTTPError {
        HTTPError(
            .unauthorized, "invalid_token", description,
            headers: ["WWW-Authenticate": realm + #", error="invalid_token", error_description=""# + quoted(description) + "\""])
    }

    static func insufficientScope(_ scope: String) -> HTTPError {
        HTTPError(
            .forbidden, "insufficient_scope", "This needs the '\(scope)' scope, which this token does not carry.",
            headers: ["WWW-Authenticate": realm + #", error="insufficient_scope", scope=""# + scope + "\""])
    }

    /// Keeps a quoted-string legal: no quotes, backslashes or controls.
    private static func quoted(_ text: String) -> String {
        String(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value < 0x7F && $0 != "\"" && $0 != "\\" }.map(Character.init))
    }
}
