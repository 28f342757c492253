/// One parsed request, handed to the router. A value: handlers may copy and change it freely.
package struct HTTPRequest: Sendable {
    package var method: HTTPMethod
    /// The request-target exactly as received (origin-form, e.g. `/a/b?x=1`).
    package var target: String
    /// The path part of the target, still percent-encoded, without the query.
    package var path: String
    /// The query part after `?`, without the `?`, or nil.
    package var query: String?
    package var version: HTTPVersion
    package var headers: HTTPHeaders
    package var body: [UInt8]
    /// Values captured by `{name}` segments of the matched route, percent-decoded.
    package var pathParameters: [String: String] = [:]
    /// True when the connection is TLS (for the cookie `Secure` attribute).
    package var isSecure: Bool = false
    /// The peer address as text, for logs.
    package var remoteAddress: String = ""

    package init(
        method: HTTPMethod, target: String, version: HTTPVersion = .http1_1,
        headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []
    ) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.body = body
        if let q = target.firstIndex(of: "?") {
            self.path = String(target[..<q])
            self.query = String(target[target.index(after: q)...])
        } else {
            self.path = target
            self.query = nil
        }
    }

    /// A path parameter captured by the router, e.g. `request.parameter("id")` for `/orders/{id}`.
    package func parameter(_ name: String) -> String? { pathParameters[name] }
}
