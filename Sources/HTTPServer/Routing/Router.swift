/// The frozen routing table plus middleware: the `HTTPResponder` the server calls for
/// every request. Immutable and `Sendable`, so every event-loop thread shares one.
///
/// Policies (see also `RouteTable`):
/// - Matching is exact on the percent-encoded `request.path`, decoded per segment;
///   `/a/` is not `/a` (no redirect). `%2F` stays inside its segment.
/// - Unknown path: the fallback if any, else 404 `not_found`.
/// - Known path, other method: 405 `method_not_allowed` with `Allow`.
/// - HEAD uses the GET route (the server drops the body). OPTIONS on a known path
///   without its own route: 204 with `Allow`.
/// - A thrown `HTTPError` becomes its JSON answer; any other error an opaque 500.
package struct Router: HTTPResponder {
    private let table: RouteTable
    private let chain: HTTPHandler
    private let onError: (@Sendable (String) -> Void)?

    init(
        table: RouteTable, globalMiddleware: [HTTPMiddleware], fallback: HTTPHandler?,
        onError: (@Sendable (String) -> Void)?
    ) {
        self.table = table
        self.onError = onError
        let dispatch: HTTPHandler = { request in try Self.dispatch(request, table: table, fallback: fallback) }
        self.chain = MiddlewareChain.compose(globalMiddleware, around: dispatch)
    }

    package func respond(to request: HTTPRequest) -> HTTPResponse {
        do {
            return try chain(request)
        } catch {
            return Self.response(for: error, request: request, onError: onError)
        }
    }

    /// Routes registered with `offload: true` run on a worker thread. Only the route
    /// decides: middleware and the fallback follow it (they run wherever it runs).
    package func runsOffLoop(_ request: HTTPRequest) -> Bool {
        table.runsOffLoop(request.method, path: request.path)
    }

    /// The pattern that `method` and `path` match, e.g. `/session/orders/{id}`, for logs
    /// and tests; nil when no route matches (including wrong method and bad encoding).
    package func routePattern(_ method: HTTPMethod, path: String) -> String? {
        guard case .matched(let route, _)? = try? table.resolve(method, path: path) else { return nil }
        return route.pattern.text
    }

    private static func dispatch(_ request: HTTPRequest, table: RouteTable, fallback: HTTPHandler?) throws -> HTTPResponse {
        switch try table.resolve(request.method, path: request.path) {
        case .matched(let route, let values):
            guard !values.isEmpty else { return try route.handler(request) }
            var request = request
            for (name, value) in zip(route.pattern.parameterNames, values) { request.pathParameters[name] = value }
            return try route.handler(request)
        case .methodNotAllowed(let allowed):
            let allow = allowed.map(\.rawValue).joined(separator: ", ")
            if request.method == .OPTIONS {
                return HTTPResponse(status: .noContent, headers: ["Allow": allow])
            }
            throw HTTPError(
                .methodNotAllowed, "method_not_allowed", "This resource does not support that method.",
                headers: ["Allow": allow])
        case .notFound:
            guard let fallback else { throw HTTPError.notFound("No route matches this path.") }
            return try fallback(request)
        }
    }
}
