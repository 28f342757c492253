/// Anything that turns a request into a response: the router, or a test double.
/// The server calls it synchronously on the event-loop thread that owns the
/// connection, so it must be fast and bounded (parse, verify, query SQLite),
/// unless `runsOffLoop` says the request does slow CPU-bound work.
package protocol HTTPResponder: Sendable {
    func respond(to request: HTTPRequest) -> HTTPResponse

    /// True when answering `request` takes long enough (a 600,000-round password
    /// hash) that running it on the event loop would stall every other connection
    /// of that loop. The server then calls `respond(to:)` on a worker thread.
    /// Called for every request on the loop, so it must be cheap and allocation-free.
    func runsOffLoop(_ request: HTTPRequest) -> Bool
}

extension HTTPResponder {
    /// Everything runs inline unless a responder says otherwise.
    package func runsOffLoop(_ request: HTTPRequest) -> Bool { false }
}

/// A route handler. Throw `HTTPError` for a JSON error answer.
package typealias HTTPHandler = @Sendable (HTTPRequest) throws -> HTTPResponse

/// Middleware wraps the rest of the chain: it may inspect or change the request,
/// call `next`, and inspect or change the response.
package typealias HTTPMiddleware = @Sendable (HTTPRequest, _ next: HTTPHandler) throws -> HTTPResponse
