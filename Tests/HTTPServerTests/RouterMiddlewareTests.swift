import Synchronization
import Testing

@testable import HTTPServer

/// Middleware order and error mapping: what the client sees and what only the log sees.
@Suite struct RouterMiddlewareTests {
    /// Appends `name` to the `X-Trace` request header on the way in and to the response's on the way out.
    static func tracer(_ name: String) -> HTTPMiddleware {
        { request, next in
            var request = request
            request.headers.replace("X-Trace", (request.headers["X-Trace"].map { $0 + "," } ?? "") + name)
            var response = try next(request)
            response.headers.replace("X-Trace", (response.headers["X-Trace"].map { $0 + "," } ?? "") + name)
            return response
        }
    }

    static let traceHandler: HTTPHandler = { request in
        var response = HTTPResponse.text(request.headers["X-Trace"] ?? "")
        response.headers.replace("X-Trace", "handler")
        return response
    }

    @Test func middlewareRunsGlobalThenOuterGroupThenInnerGroupAndUnwindsInReverse() {
        var builder = RouterBuilder()
        builder.use(Self.tracer("global1"))
        builder.use(Self.tracer("global2"))
        builder.group("/a", middleware: [Self.tracer("a1"), Self.tracer("a2")]) { a in
            a.group("/b", middleware: [Self.tracer("b")]) { b in b.get("/c", Self.traceHandler) }
            a.get("/plain", Self.traceHandler)
        }
        builder.get("/top", Self.traceHandler)
        let router = builder.build()

        let nested = router.respond(to: HTTPRequest(method: .GET, target: "/a/b/c"))
        #expect(String(decoding: nested.body, as: UTF8.self) == "global1,global2,a1,a2,b")
        #expect(nested.headers["X-Trace"] == "handler,b,a2,a1,global2,global1")
        let plain = router.respond(to: HTTPRequest(method: .GET, target: "/a/plain"))
        #expect(String(decoding: plain.body, as: UTF8.self) == "global1,global2,a1,a2")
        let top = router.respond(to: HTTPRequest(method: .GET, target: "/top"))
        #expect(String(decoding: top.body, as: UTF8.self) == "global1,global2")
    }

    @Test func groupMiddlewareSeesPathParametersAndMayShortCircuit() {
        let guardMiddleware: HTTPMiddleware = { request, next in
            guard request.parameter("id") != "0" else { throw HTTPError(.forbidden, "forbidden", "Zero is reserved.") }
            return try next(request)
        }
        var builder = RouterBuilder()
        builder.group("/items", middleware: [guardMiddleware]) { g in g.get("/{id}") { _ in .text("ok") } }
        let router = builder.build()
        #expect(router.respond(to: HTTPRequest(method: .GET, target: "/items/1")).status == .ok)
        #expect(router.respond(to: HTTPRequest(method: .GET, target: "/items/0")).status == .forbidden)
    }

    @Test func globalMiddlewareWrapsNotFoundAndFallback() {
        var builder = RouterBuilder()
        builder.use(Self.tracer("global"))
        let router = builder.build()
        let response = router.respond(to: HTTPRequest(method: .GET, target: "/missing"))
        // The 404 is thrown through the middleware, so it does not add its trace on the way out.
        #expect(response.status == .notFound)
        builder.fallback = Self.traceHandler
        let fallback = builder.build().respond(to: HTTPRequest(method: .GET, target: "/missing"))
        #expect(fallback.headers["X-Trace"] == "handler,global")
    }

    @Test func thrownHTTPErrorBecomesItsExactJSONBody() {
        var builder = RouterBuilder()
        builder.get("/conflict") { _ in
            throw HTTPError(.conflict, "empty_cart", "The cart is \"empty\".", headers: ["X-Extra": "1"])
        }
        let response = builder.build().respond(to: HTTPRequest(method: .GET, target: "/conflict"))
        #expect(response.status == .conflict)
        #expect(response.headers["Content-Type"] == "application/json; charset=utf-8")
        #expect(response.headers["X-Extra"] == "1")
        #expect(
            String(decoding: response.body, as: UTF8.self)
                == #"{"error":"empty_cart","error_description":"The cart is \"empty\"."}"#)
    }

    struct SecretFailure: Error { let detail = "password=hunter2 at /var/db" }

    @Test func otherErrorsBecomeOpaque500AndOnlyTheLogSeesTheDetail() {
        let logged = Mutex<[String]>([])
        var builder = RouterBuilder()
        builder.onError = { line in logged.withLock { $0.append(line) } }
        builder.get("/boom/{id}") { _ in throw SecretFailure() }
        let response = builder.build().respond(to: HTTPRequest(method: .GET, target: "/boom/%0A"))
        let body = String(decoding: response.body, as: UTF8.self)
        #expect(response.status == .internalServerError)
        #expect(body == #"{"error":"internal_error","error_description":"The server could not complete the request."}"#)
        #expect(!body.contains("hunter2") && !body.contains("SecretFailure"))
        let lines = logged.withLock { $0 }
        #expect(lines.count == 1)
        #expect(lines.first?.contains("hunter2") == true)
        #expect(lines.first?.hasPrefix("GET /boom/%0A: ") == true)
    }

    @Test func logEscapingKeepsControlBytesOffTheLine() {
        #expect(Router.escapedForLog("a\nb\u{1B}é") == "a\\x0Ab\\x1B\\xC3\\xA9")
    }
}
