import Testing

@testable import HTTPServer

/// How the router answers `runsOffLoop`: exactly for the routes marked `offload: true`,
/// whatever path spelling or pattern leads to them.
@Suite struct OffloadRoutingTests {
    static let router: Router = {
        var builder = RouterBuilder()
        builder.get("/healthz") { _ in .text("ok") }
        builder.group("/session") { g in
            g.post("/login", offload: true) { _ in .text("slow") }
            g.post("/logout") { _ in .text("fast") }
        }
        builder.get("/report/{id}", offload: true) { request in .text(request.parameter("id") ?? "") }
        builder.on(.PUT, "/keys/{kid}", options: .offloaded) { _ in .text("rotated") }
        builder.on(.DELETE, "/keys/{kid}") { _ in .text("deleted") }
        builder.fallback = { _ in .text("static") }
        return builder.build()
    }()

    @Test(arguments: [
        ("POST", "/session/login", true),
        ("POST", "/session/log%69n", true),  // percent-encoded spelling of the same route
        ("POST", "/session/logout", false),
        ("GET", "/session/login", false),  // 405, answered inline
        ("GET", "/healthz", false),
        ("GET", "/report/7", true),
        ("HEAD", "/report/7", true),  // HEAD runs the GET route
        ("PUT", "/keys/abc", true),
        ("DELETE", "/keys/abc", false),
        ("POST", "/nowhere", false),  // the fallback runs inline
        ("POST", "/session/login/", false),
    ])
    func offloadFollowsTheMatchedRoute(method: String, path: String, expected: Bool) {
        let request = HTTPRequest(method: HTTPMethod(rawValue: method), target: path)
        #expect(Self.router.runsOffLoop(request) == expected)
    }

    @Test func offloadedRouteStillAnswersTheSameWhenCalledDirectly() {
        let response = Self.router.respond(to: HTTPRequest(method: .POST, target: "/session/login"))
        #expect(response.body == Array("slow".utf8))
    }

    @Test func responderWithoutAnOpinionRunsEverythingInline() {
        #expect(!EchoResponder().runsOffLoop(HTTPRequest(method: .POST, target: "/session/login")))
    }
}
