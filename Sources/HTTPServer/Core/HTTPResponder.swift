/// Anything that turns a request into a response: the router, or a test double.
/// The server calls it synchronously on the event-loop thread that owns the
/// connection, so it must be fast and bounded (parse, verify, query SQLite).
package protocol HTTPResponder: Sendable {
    func respond(to request: HTTPRequest) -> HTTPResponse
}

/// A route handler. Throw `HTTPError` for a JSON error answer.
package typealias HTTPHandler = @Sendable (HTTPRequest) throws -> HTTPResponse

/// Middleware wraps the rest of the chain: it may inspect or change the request,
/// call `next`, and inspect or change the response.
package typealias HTTPMiddleware = @Sendable (HTTPRequest, _ next: HTTPHandler) throws -> HTTPResponse
