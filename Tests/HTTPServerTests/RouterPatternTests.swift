import Testing

@testable import HTTPServer

/// Pattern syntax and startup-time refusal of ambiguous or malformed routes.
@Suite struct RouterPatternTests {
    @Test(arguments: [
        ("", "/x", "/x"), ("/session", "/login", "/session/login"), ("/session/", "/login", "/session/login"),
        ("/session", "/", "/session"), ("/session", "", "/session"), ("", "/", "/"), ("/a", "b", "/a/b"),
    ])
    func groupPrefixJoinsWithRoutePath(prefix: String, path: String, joined: String) {
        #expect(PathPattern.join(prefix, path) == joined)
    }

    @Test func patternSegmentsSeparateLiteralsFromParameters() {
        let pattern = PathPattern("/users/{id}/scopes")
        #expect(pattern.segments == [.literal("users"), .parameter("id"), .literal("scopes")])
        #expect(pattern.parameterNames == ["id"])
        #expect(!pattern.isLiteral)
        #expect(PathPattern("/healthz").isLiteral)
    }

    @Test func duplicateRouteStopsTheProcessAtBuild() async {
        await #expect(processExitsWith: .failure) {
            var builder = RouterBuilder()
            builder.get("/orders/{id}") { _ in .text("a") }
            builder.get("/orders/{orderID}") { _ in .text("b") }
            _ = builder.build()
        }
    }

    @Test func malformedPatternStopsTheProcess() async {
        await #expect(processExitsWith: .failure) { _ = PathPattern("/orders/x{id}") }
        await #expect(processExitsWith: .failure) { _ = PathPattern("orders") }
        await #expect(processExitsWith: .failure) { _ = PathPattern("/a/{id}/{id}") }
    }

    @Test func sameShapeWithDifferentMethodsCoexist() {
        var builder = RouterBuilder()
        builder.get("/orders/{id}") { request in .text("get \(request.parameter("id") ?? "")") }
        builder.delete("/orders/{orderID}") { request in .text("delete \(request.parameter("orderID") ?? "")") }
        let router = builder.build()
        let deleted = router.respond(to: HTTPRequest(method: .DELETE, target: "/orders/5"))
        #expect(String(decoding: deleted.body, as: UTF8.self) == "delete 5")
    }
}
