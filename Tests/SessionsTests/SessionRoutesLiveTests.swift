import AppTestSupport
import Foundation
import HTTPServer
import Testing

/// The coat-check over real sockets: the ticket travels in real `Set-Cookie` and
/// `Cookie` fields, and the CSRF guard compares `Origin` with the real `Host`.
@Suite struct SessionRoutesLiveTests {
    static let edgaras = #"{"username":"edgaras","password":"passport42"}"#

    @Test func aWholeVisitOverTheWireLoginCartCheckoutLogout() throws {
        let app = try TestApp()
        let client = try app.start()
        defer { app.stop() }

        let login = try client.send("POST", "/session/login", json: Self.edgaras)
        #expect(login.status == 200)
        let sid = try #require(login.cookie("sid"))
        #expect(login.headers.values("Set-Cookie") == ["sid=\(sid); Path=/; HttpOnly; SameSite=Lax"])
        #expect(login.headers["Content-Type"]?.hasPrefix("application/json") == true)

        let cookie = [("Cookie", "sid=\(sid)")]
        #expect(try client.send("POST", "/session/cart/items", headers: cookie, json: #"{"book_id":2,"qty":2}"#).status == 200)
        let checkout = try client.send("POST", "/session/checkout", headers: cookie)
        #expect(checkout.status == 201)
        let me = try client.send("GET", "/session/me", headers: cookie)
        #expect(me.json["last_page"] as? String == "/session/checkout")
        #expect(me.json["cart_items"] as? Int == 0)

        let inspect = try client.send("GET", "/api/inspect")
        #expect(!inspect.text.contains(sid))
        #expect((inspect.json["memory"] as? [String: Any])?["count"] as? Int == 1)
        #expect(((inspect.json["database"] as? [String: Any])?["orders"] as? [Any])?.count == 1)

        let logout = try client.send("POST", "/session/logout", headers: cookie)
        #expect(logout.status == 204)
        #expect(logout.headers.values("Set-Cookie").first?.contains("Max-Age=0") == true)
        let after = try client.send("GET", "/session/me", headers: cookie)
        #expect(after.status == 401)
        #expect(after.json["error"] as? String == "no_session")
    }

    @Test func theGuardComparesOriginWithTheRealHostHeader() throws {
        let app = try TestApp()
        let client = try app.start()
        defer { app.stop() }
        let ownOrigin = "http://127.0.0.1:\(client.port)"

        let allowed = try client.send("POST", "/session/login", headers: [("Origin", ownOrigin)], json: Self.edgaras)
        #expect(allowed.status == 200)
        let sid = try #require(allowed.cookie("sid"))
        // The fixture's in-process Host (127.0.0.1:8080) is another origin here.
        for origin in ["http://127.0.0.1:8080", "https://evil.example", "http://localhost:\(client.port)", "null"] {
            let refused = try client.send(
                "POST", "/session/cart/items", headers: [("Cookie", "sid=\(sid)"), ("Origin", origin)], json: #"{"book_id":1,"qty":1}"#)
            #expect(refused.status == 403, "\(origin)")
            #expect(refused.json["error"] as? String == "csrf_rejected", "\(origin)")
        }
        let cart = try client.send("GET", "/session/cart", headers: [("Cookie", "sid=\(sid)"), ("Origin", "https://evil.example")])
        #expect(cart.status == 200)
        #expect((cart.json["items"] as? [Any])?.isEmpty == true)
    }

    @Test func overTLSTheTicketIsSecureAndAnHTTPSOriginIsSameOrigin() throws {
        let app = try TestApp()
        var request = HTTPRequest(
            method: .POST, target: "/session/login",
            headers: HTTPHeaders([
                ("Host", "127.0.0.1:8443"), ("Origin", "https://127.0.0.1:8443"), ("Content-Type", "application/json"),
            ]),
            body: Array(Self.edgaras.utf8))
        request.isSecure = true
        let reply = Reply(app.app.router.respond(to: request))
        #expect(reply.status == 200)
        let sid = try #require(reply.cookie("sid"))
        #expect(reply.setCookieField("sid") == "sid=\(sid); Path=/; Secure; HttpOnly; SameSite=Lax")

        request.headers = HTTPHeaders([("Host", "127.0.0.1:8443"), ("Origin", "http://127.0.0.1:8443"), ("Cookie", "sid=\(sid)")])
        request.target = "/session/logout"
        request.body = []
        let downgraded = Reply(app.app.router.respond(to: request))
        #expect(downgraded.status == 403)
        #expect(downgraded.error == "csrf_rejected")
    }
}
