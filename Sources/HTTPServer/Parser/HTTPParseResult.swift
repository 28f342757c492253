/// What the parser makes of the bytes received so far (picohttpparser's contract):
/// a whole request and how many bytes it used, a request to wait for more bytes,
/// or the status of a fixed error answer after which the connection must close.
package enum HTTPParseResult: Sendable {
    case complete(ParsedRequest, consumed: Int)
    case needMore
    case error(HTTPStatus)
}

/// A complete request plus what the framing said about the connection.
package struct ParsedRequest: Sendable {
    package var request: HTTPRequest
    /// False after `Connection: close`, or for HTTP/1.0 without `Connection: keep-alive`.
    package var keepAlive: Bool
}

/// How the request body is delimited (RFC 9112 §6.3).
enum BodyFraming: Equatable, Sendable {
    case length(Int)
    case chunked
}

/// The request line and headers once they are complete and valid; kept so body
/// bytes arriving later do not make the parser read the head again.
struct ParsedHead: Sendable {
    var request: HTTPRequest
    var keepAlive: Bool
    var framing: BodyFraming
    var expectContinue: Bool
    /// Offset just past the blank line that ends the head.
    var end: Int
}
