/// A set of routes sharing a path prefix and middleware, e.g. everything under
/// `/session` behind the session-loading middleware. Handed to the closure of
/// `group(_:middleware:_:)`; its routes are collected into the builder afterwards.
package struct RouteGroup: RouteRegistrar {
    let prefix: String
    let middleware: [HTTPMiddleware]
    var definitions: [RouteDefinition] = []

    init(prefix: String, middleware: [HTTPMiddleware]) {
        self.prefix = prefix
        self.middleware = middleware
    }

    package mutating func on(_ method: HTTPMethod, _ path: String, options: RouteOptions, _ handler: @escaping HTTPHandler) {
        let pattern = PathPattern(PathPattern.join(prefix, path))
        definitions.append(
            RouteDefinition(
                method: method, pattern: pattern, options: options, handler: MiddlewareChain.compose(middleware, around: handler)))
    }

    package mutating func group(_ prefix: String, middleware: [HTTPMiddleware], _ body: (inout RouteGroup) -> Void) {
        var inner = RouteGroup(prefix: PathPattern.join(self.prefix, prefix), middleware: self.middleware + middleware)
        body(&inner)
        definitions += inner.definitions
    }
}
