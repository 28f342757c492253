/// Collects routes, groups and middleware at startup, then `build()` freezes them into
/// an immutable, `Sendable` `Router`. Registering is not thread-safe and need not be:
/// it happens once, before the server starts.
///
/// ```swift
/// var builder = RouterBuilder()
/// builder.get("/healthz") { _ in .text("ok") }
/// builder.group("/session", middleware: [loadSession]) { g in g.post("/login", offload: true, login) }
/// builder.fallback = StaticFiles(root: "Static").handler
/// let router = builder.build()
/// ```
package struct RouterBuilder: RouteRegistrar {
    /// Answers requests whose path matches no route (any method), e.g. static files.
    /// Without it such requests get 404 `not_found`.
    package var fallback: HTTPHandler?
    /// Receives the detail of every non-`HTTPError` thrown by a handler; the client
    /// only ever sees an opaque 500 `internal_error`.
    package var onError: (@Sendable (String) -> Void)?
    private var globalMiddleware: [HTTPMiddleware] = []
    private var root = RouteGroup(prefix: "", middleware: [])

    package init() {}

    package mutating func on(_ method: HTTPMethod, _ path: String, options: RouteOptions, _ handler: @escaping HTTPHandler) {
        root.on(method, path, options: options, handler)
    }

    package mutating func group(_ prefix: String, middleware: [HTTPMiddleware], _ body: (inout RouteGroup) -> Void) {
        root.group(prefix, middleware: middleware, body)
    }

    /// Adds middleware around everything the router answers, including 404, 405,
    /// OPTIONS and the fallback. The first added runs outermost. It runs before
    /// matching, so a global middleware sees no `pathParameters` yet. Errors (the router's
    /// own 404/405 included) pass through middleware as thrown Swift errors, so middleware
    /// may catch them; a request logger that needs the final status can map them with
    /// `Router.response(for:request:onError:)`, exactly as the router will.
    package mutating func use(_ middleware: @escaping HTTPMiddleware) {
        globalMiddleware.append(middleware)
    }

    /// Freezes the routes. Two routes with the same method and the same pattern shape
    /// are a programming error and stop the process with a message naming them.
    package func build() -> Router {
        Router(
            table: RouteTable(root.definitions), globalMiddleware: globalMiddleware, fallback: fallback,
            onError: onError)
    }
}
