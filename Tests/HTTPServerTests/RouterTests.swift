import Testing

@testable import HTTPServer

/// In-process routing: literal and parameter matching, groups, 404/405/HEAD/OPTIONS.
@Suite struct RouterTests {
    /// Answers with the route name and its parameters, so tests see which route ran.
    static func echo(_ name: String) -> HTTPHandler {
        { request in
            let params = request.pathParameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            return .text(([name] + params).joined(separator: " "))
        }
    }

    static func makeRouter() -> Router {
        var builder = RouterBuilder()
        builder.get("/healthz", echo("health"))
        builder.get("/", echo("root"))
        builder.group("/session") { g in
            g.post("/login", echo("login"))
            g.get("/orders", echo("orders"))
            g.get("/orders/{id}", echo("order"))
            g.get("/orders/new", echo("new-order"))
            g.delete("/cart/items/{book_id}", echo("remove"))
            g.group("/admin") { a in a.put("/users/{id}/scopes", echo("scopes")) }
        }
        builder.get("/files/{a}/{b}", echo("files"))
        return builder.build()
    }

    static func body(_ response: HTTPResponse) -> String { String(decoding: response.body, as: UTF8.self) }

    @Test(arguments: [
        ("GET", "/healthz", "health"),
        ("GET", "/healthz?x=1", "health"),
        ("GET", "/", "root"),
        ("POST", "/session/login", "login"),
        ("GET", "/session/orders", "orders"),
        ("GET", "/session/orders/17", "order id=17"),
        ("GET", "/session/orders/new", "new-order"),
        ("DELETE", "/session/cart/items/3", "remove book_id=3"),
        ("PUT", "/session/admin/users/42/scopes", "scopes id=42"),
        ("GET", "/files/x/y", "files a=x b=y"),
        ("GET", "/session/orders/a%20b", "order id=a b"),
        ("GET", "/session/orders/a%2Fb", "order id=a/b"),
        ("GET", "/session/orders/%C3%A9", "order id=é"),
        ("GET", "/session/%6Frders", "orders"),
        ("HEAD", "/healthz", "health"),
        ("HEAD", "/session/orders/5", "order id=5"),
    ])
    func routeTableDispatchesToTheMatchingHandler(method: String, target: String, expected: String) {
        let response = Self.makeRouter().respond(to: HTTPRequest(method: HTTPMethod(rawValue: method), target: target))
        #expect(response.status == .ok)
        #expect(Self.body(response) == expected)
    }

    @Test(arguments: [
        "/nope", "/healthz/", "/session/orders/", "/session/orders/1/2", "/session/orders/a%2Fb/c", "//healthz",
        "/HEALTHZ", "*", "/files/x", "/files/x/",
    ])
    func unknownPathsAnswer404NotFound(target: String) {
        let response = Self.makeRouter().respond(to: HTTPRequest(method: .GET, target: target))
        #expect(response.status == .notFound)
        #expect(Self.body(response).hasPrefix(#"{"error":"not_found","#))
    }

    @Test(arguments: [
        ("POST", "/healthz", "GET, HEAD, OPTIONS"),
        ("GET", "/session/login", "POST, OPTIONS"),
        ("PUT", "/session/orders/1", "GET, HEAD, OPTIONS"),
        ("GET", "/session/cart/items/1", "DELETE, OPTIONS"),
    ])
    func wrongMethodAnswers405WithAllow(method: String, target: String, allow: String) {
        let response = Self.makeRouter().respond(to: HTTPRequest(method: HTTPMethod(rawValue: method), target: target))
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers["Allow"] == allow)
        #expect(Self.body(response).hasPrefix(#"{"error":"method_not_allowed","#))
    }

    @Test func optionsOnAKnownPathAnswers204WithAllow() {
        let response = Self.makeRouter().respond(to: HTTPRequest(method: .OPTIONS, target: "/session/orders/9"))
        #expect(response.status == .noContent)
        #expect(response.headers["Allow"] == "GET, HEAD, OPTIONS")
        #expect(response.body.isEmpty)
    }

    @Test func allowListsTheUnionOfEveryPatternThePathMatches() {
        var builder = RouterBuilder()
        builder.get("/orders/{id}", Self.echo("get"))
        builder.post("/orders/new", Self.echo("post"))
        let router = builder.build()
        let response = router.respond(to: HTTPRequest(method: .DELETE, target: "/orders/new"))
        #expect(response.headers["Allow"] == "GET, HEAD, POST, OPTIONS")
        // A literal route with another method does not hide the parameter route.
        #expect(Self.body(router.respond(to: HTTPRequest(method: .GET, target: "/orders/new"))) == "get id=new")
    }

    @Test(arguments: ["/session/orders/%", "/session/orders/%2", "/session/orders/%zz", "/session/orders/%FF", "/a%G0"])
    func invalidPercentEncodingAnswers400InvalidRequest(target: String) {
        let response = Self.makeRouter().respond(to: HTTPRequest(method: .GET, target: target))
        #expect(response.status == .badRequest)
        #expect(Self.body(response).hasPrefix(#"{"error":"invalid_request","#))
    }

    @Test func explicitHeadRouteWinsOverGet() {
        var builder = RouterBuilder()
        builder.get("/x", Self.echo("get"))
        builder.on(.HEAD, "/x", Self.echo("head"))
        #expect(Self.body(builder.build().respond(to: HTTPRequest(method: .HEAD, target: "/x"))) == "head")
    }

    @Test func fallbackAnswersUnmatchedPathsOnly() {
        var builder = RouterBuilder()
        builder.get("/healthz", Self.echo("health"))
        builder.fallback = { request in .text("fallback \(request.method) \(request.path)") }
        let router = builder.build()
        #expect(Self.body(router.respond(to: HTTPRequest(method: .GET, target: "/app.js"))) == "fallback GET /app.js")
        #expect(Self.body(router.respond(to: HTTPRequest(method: .GET, target: "/healthz"))) == "health")
        #expect(router.respond(to: HTTPRequest(method: .POST, target: "/healthz")).status == .methodNotAllowed)
    }

    @Test func routePatternNamesTheMatchedRoute() {
        let router = Self.makeRouter()
        #expect(router.routePattern(.GET, path: "/session/orders/12") == "/session/orders/{id}")
        #expect(router.routePattern(.HEAD, path: "/healthz") == "/healthz")
        #expect(router.routePattern(.POST, path: "/healthz") == nil)
        #expect(router.routePattern(.GET, path: "/missing") == nil)
    }

    @Test func groupRootPathMeansThePrefixItself() {
        var builder = RouterBuilder()
        builder.group("/api/") { g in g.get("/", Self.echo("api")) }
        let router = builder.build()
        #expect(Self.body(router.respond(to: HTTPRequest(method: .GET, target: "/api"))) == "api")
        #expect(router.respond(to: HTTPRequest(method: .GET, target: "/api/")).status == .notFound)
    }
}
