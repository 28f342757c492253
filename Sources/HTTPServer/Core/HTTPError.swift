/// An error a handler throws to answer with a JSON error body
/// `{"error": code, "error_description": description}` (the shape api.md fixes).
/// Anything else thrown becomes an opaque 500 whose detail goes only to the log.
package struct HTTPError: Error, Sendable, CustomStringConvertible {
    package var status: HTTPStatus
    /// A stable machine-readable code, e.g. `not_found`, `invalid_request`.
    package var code: String
    /// A human-readable explanation. Never put attacker-controlled bytes here unescaped.
    package var errorDescription: String
    /// Extra headers the answer needs (`WWW-Authenticate`, `Allow`, ...).
    package var headers: HTTPHeaders

    package init(_ status: HTTPStatus, _ code: String, _ description: String, headers: HTTPHeaders = HTTPHeaders()) {
        self.status = status
        self.code = code
        self.errorDescription = description
        self.headers = headers
    }

    package var description: String { "\(status.code) \(code): \(errorDescription)" }

    package static func notFound(_ description: String = "No such resource.") -> HTTPError {
        HTTPError(.notFound, "not_found", description)
    }
    package static func invalidRequest(_ description: String) -> HTTPError {
        HTTPError(.badRequest, "invalid_request", description)
    }
}
