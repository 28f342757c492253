/// The frozen lookup structure. Two layers, both built once:
/// - `exact`: every all-literal pattern keyed by its text, so `GET /healthz` costs one
///   dictionary lookup on the raw path and no allocation (the benchmark hot path);
/// - a segment trie (nodes in a flat array) for patterns with `{parameters}` and for
///   paths that need percent-decoding. At each level a literal child is tried before
///   the parameter child, backtracking if the rest of the path fails, so `/orders/new`
///   beats `/orders/{id}`. No regular expressions anywhere.
struct RouteTable: Sendable {
    /// A route ready to call, with the names its captured values bind to.
    struct Route: Sendable {
        let method: HTTPMethod
        let pattern: PathPattern
        let offload: Bool
        let handler: HTTPHandler
    }

    /// The outcome of matching a method and a path.
    enum Resolution {
        /// `parameters` holds the percent-decoded values in the order of `route.pattern.parameterNames`.
        case matched(Route, parameters: [String])
        /// The path matches at least one pattern, none for this method; `allowed` is sorted for `Allow`.
        case methodNotAllowed(allowed: [HTTPMethod])
        case notFound
    }

    private struct Node: Sendable {
        var literals: [String: Int] = [:]
        var parameter: Int?
        var routes: [Route] = []
    }

    private var exact: [String: [Route]] = [:]
    private var nodes: [Node] = [Node()]
    /// Methods that have at least one offloaded route (HEAD too when GET has): for any
    /// other method `runsOffLoop` answers after a comparison or two, with no hashing.
    private var offloadedMethods: [HTTPMethod] = []
    /// True when an offloaded route has `{parameters}`, so a miss in `exact` must walk the trie.
    private var hasOffloadedPatterns = false

    init(_ definitions: [RouteDefinition]) {
        for definition in definitions {
            let route = Route(
                method: definition.method, pattern: definition.pattern, offload: definition.options.offload,
                handler: definition.handler)
            if route.offload {
                for method in route.method == .GET ? [.GET, .HEAD] : [route.method] where !offloadedMethods.contains(method) {
                    offloadedMethods.append(method)
                }
                if !route.pattern.isLiteral { hasOffloadedPatterns = true }
            }
            let leaf = insertPath(definition.pattern)
            if let clash = nodes[leaf].routes.first(where: { $0.method == route.method }) {
                preconditionFailure("Routes '\(route.method) \(route.pattern)' and '\(clash.pattern)' overlap exactly.")
            }
            nodes[leaf].routes.append(route)
            if route.pattern.isLiteral { exact[route.pattern.text, default: []].append(route) }
        }
    }

    private mutating func insertPath(_ pattern: PathPattern) -> Int {
        var current = 0
        for segment in pattern.segments {
            switch segment {
            case .literal(let text):
                if let next = nodes[current].literals[text] {
                    current = next
                } else {
                    nodes.append(Node())
                    nodes[current].literals[text] = nodes.count - 1
                    current = nodes.count - 1
                }
            case .parameter:
                if let next = nodes[current].parameter {
                    current = next
                } else {
                    nodes.append(Node())
                    nodes[current].parameter = nodes.count - 1
                    current = nodes.count - 1
                }
            }
        }
        return current
    }

    /// Matches `path` (percent-encoded, without query). Throws 400 `invalid_request` when a
    /// segment has invalid percent-encoding or decodes to bytes that are not UTF-8.
    func resolve(_ method: HTTPMethod, path: String) throws(HTTPError) -> Resolution {
        if let routes = exact[path], let route = Self.pick(routes, for: method) {
            return .matched(route, parameters: [])
        }
        guard path.utf8.first == UInt8(ascii: "/") else { return .notFound }
        var segments: [String] = []
        for raw in path.utf8.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            guard let decoded = PercentDecoding.decode(Substring(raw)) else {
                throw HTTPError.invalidRequest("The path has invalid percent-encoding.")
            }
            segments.append(decoded)
        }
        var captures: [String] = []
        var allowed: Set<HTTPMethod> = []
        if let found = search(node: 0, segments[...], method, &captures, &allowed) {
            return .matched(found, parameters: captures)
        }
        return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed: Self.allowList(allowed))
    }

    /// Whether the route `method` and `path` resolve to is marked offloaded. The same
    /// answer as `resolve`, cheaper: a method without offloaded routes (GET /healthz in
    /// the app) costs a comparison per offloaded method; an exact hit one dictionary
    /// lookup. The trie is walked only when an offloaded route has parameters, or when
    /// the path is percent-encoded (`/session/log%69n` must not dodge the worker and
    /// hash a password on the loop).
    func runsOffLoop(_ method: HTTPMethod, path: String) -> Bool {
        guard offloadedMethods.contains(method) else { return false }
        if let routes = exact[path], let route = Self.pick(routes, for: method) { return route.offload }
        guard hasOffloadedPatterns || path.utf8.contains(UInt8(ascii: "%")) else { return false }
        guard case .matched(let route, _)? = try? resolve(method, path: path) else { return false }
        return route.offload
    }

    /// Depth-first, literal before parameter. Returns the first route for `method`;
    /// along the way records the methods of every node the whole path reaches, for 405.
    private func search(
        node index: Int, _ rest: ArraySlice<String>, _ method: HTTPMethod, _ captures: inout [String],
        _ allowed: inout Set<HTTPMethod>
    ) -> Route? {
        let node = nodes[index]
        guard let segment = rest.first else {
            if let route = Self.pick(node.routes, for: method) { return route }
            allowed.formUnion(node.routes.map(\.method))
            return nil
        }
        let tail = rest.dropFirst()
        if let child = node.literals[segment], let route = search(node: child, tail, method, &captures, &allowed) {
            return route
        }
        if let child = node.parameter, !segment.isEmpty {
            captures.append(segment)
            if let route = search(node: child, tail, method, &captures, &allowed) { return route }
            captures.removeLast()
        }
        return nil
    }

    /// The route for `method`; a HEAD request without its own route is served by GET.
    private static func pick(_ routes: [Route], for method: HTTPMethod) -> Route? {
        if let route = routes.first(where: { $0.method == method }) { return route }
        if method == .HEAD { return routes.first { $0.method == .GET } }
        return nil
    }

    private static let canonicalOrder: [HTTPMethod] = [.GET, .HEAD, .POST, .PUT, .PATCH, .DELETE, .OPTIONS]

    /// The methods for an `Allow` header: HEAD whenever GET exists, and OPTIONS (the router
    /// answers it itself), in a fixed order so the header is stable.
    static func allowList(_ methods: Set<HTTPMethod>) -> [HTTPMethod] {
        var all = methods
        if all.contains(.GET) { all.insert(.HEAD) }
        all.insert(.OPTIONS)
        let known = canonicalOrder.filter { all.contains($0) }
        let others = all.subtracting(canonicalOrder).sorted { $0.rawValue < $1.rawValue }
        return known + others
    }
}
