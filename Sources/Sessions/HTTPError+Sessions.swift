import HTTPServer

extension HTTPError {
    /// No cookie, or a ticket the table does not hold (unknown, expired, evicted, or the server restarted).
    static let noSession = HTTPError(.unauthorized, "no_session", "No valid session: sign in at POST /session/login.")
    static let checkoutInProgress = HTTPError(.conflict, "checkout_in_progress", "This cart is being checked out already.")
    static let invalidCredentials = HTTPError(.unauthorized, "invalid_credentials", "Unknown username or wrong password.")

    /// The user's current scopes (read from the database just now) lack `scope`.
    static func insufficientScope(_ scope: String) -> HTTPError {
        HTTPError(.forbidden, "insufficient_scope", "This needs the '\(scope)' scope, which the user does not have now.")
    }
}
