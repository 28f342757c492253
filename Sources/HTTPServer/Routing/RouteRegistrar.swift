/// Anything routes can be registered on: the top-level `RouterBuilder` and the
/// `RouteGroup`s it hands out. One requirement, so the verb helpers below are written once.
package protocol RouteRegistrar {
    /// Registers `handler` for `method` and `path` (a pattern such as `/orders/{id}`),
    /// run as `options` say (on the loop, or on a worker for slow CPU-bound work).
    mutating func on(_ method: HTTPMethod, _ path: String, options: RouteOptions, _ handler: @escaping HTTPHandler)

    /// Registers the routes `body` adds under `prefix`, each wrapped in `middleware`
    /// (first element outermost), inside any middleware of the enclosing groups.
    mutating func group(_ prefix: String, middleware: [HTTPMiddleware], _ body: (inout RouteGroup) -> Void)
}

extension RouteRegistrar {
    /// Registers an inline route (the handler runs on the event loop).
    package mutating func on(_ method: HTTPMethod, _ path: String, _ handler: @escaping HTTPHandler) {
        on(method, path, options: .inline, handler)
    }

    // `offload: true` marks a handler doing slow CPU-bound work; see `RouteOptions.offload`.
    package mutating func get(_ path: String, offload: Bool = false, _ handler: @escaping HTTPHandler) {
        on(.GET, path, options: RouteOptions(offload: offload), handler)
    }
    package mutating func post(_ path: String, offload: Bool = false, _ handler: @escaping HTTPHandler) {
        on(.POST, path, options: RouteOptions(offload: offload), handler)
    }
    package mutating func put(_ path: String, offload: Bool = false, _ handler: @escaping HTTPHandler) {
        on(.PUT, path, options: RouteOptions(offload: offload), handler)
    }
    package mutating func patch(_ path: String, offload: Bool = false, _ handler: @escaping HTTPHandler) {
        on(.PATCH, path, options: RouteOptions(offload: offload), handler)
    }
    package mutating func delete(_ path: String, offload: Bool = false, _ handler: @escaping HTTPHandler) {
        on(.DELETE, path, options: RouteOptions(offload: offload), handler)
    }

    /// A group with a prefix and no middleware of its own.
    package mutating func group(_ prefix: String, _ body: (inout RouteGroup) -> Void) {
        group(prefix, middleware: [], body)
    }
}

/// One registered route before the router freezes: the joined pattern and its handler
/// already wrapped in its groups' middleware (composed once here, not per request).
struct RouteDefinition: Sendable {
    let method: HTTPMethod
    let pattern: PathPattern
    let options: RouteOptions
    let handler: HTTPHandler
}

/// Middleware composition shared by groups and the global chain.
enum MiddlewareChain {
    /// Wraps `handler` so that `middleware[0]` runs first and calls into `middleware[1]`, and so on.
    static func compose(_ middleware: [HTTPMiddleware], around handler: @escaping HTTPHandler) -> HTTPHandler {
        middleware.reversed().reduce(handler) { next, outer in
            { request in try outer(request, next) }
        }
    }
}
