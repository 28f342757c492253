import AppTestSupport
import Foundation
import Testing

/// The CSRF guard in front of every state-changing `/session` route: another
/// site's request is refused and changes nothing; same-origin and scripts pass.
@Suite struct SessionRoutesCSRFTests {
    /// Headers a browser sends on a request another site triggered.
    static let crossSite: [[(String, String)]] = [
        [("Origin", "https://evil.example")], [("Sec-Fetch-Site", "cross-site")], [("Sec-Fetch-Site", "same-site")],
        [("Origin", "null")], [("Origin", "https://127.0.0.1:8080")], [("Origin", "http://127.0.0.1:8081")],
        [("Origin", "http://127.0.0.1:8080.evil.example")],
        [("Origin", TestApp.sameOrigin), ("Sec-Fetch-Site", "cross-site")],
        [("Origin", "https://evil.example"), ("Sec-Fetch-Site", "same-origin")],
    ]

    /// Headers on a same-origin browser request, and none at all (curl, scripts).
    static let allowed: [[(String, String)]] = [
        [], [("Origin", TestApp.sameOrigin)], [("Sec-Fetch-Site", "same-origin")], [("Sec-Fetch-Site", "none")],
        [("Origin", TestApp.sameOrigin), ("Sec-Fetch-Site", "same-origin")],
    ]

    @Test(arguments: crossSite)
    func crossSiteStateChangesAre403AndChangeNothing(headers: [(String, String)]) throws {
        let app = try TestApp()
        let sid = app.sessionLogin()
        _ = app.setLine(sid, book: 1, qty: 2)

        let set = app.setLine(sid, book: 3, qty: 7, headers: headers)
        #expect(set.status == 403)
        #expect(set.error == "csrf_rejected")
        let delete = app.session("DELETE", "/session/cart/items/1", sid: sid, headers: headers)
        #expect(delete.error == "csrf_rejected")
        let checkout = app.session("POST", "/session/checkout", sid: sid, headers: headers)
        #expect(checkout.error == "csrf_rejected")
        let logout = app.session("POST", "/session/logout", sid: sid, headers: headers)
        #expect(logout.error == "csrf_rejected")
        let login = app.call("POST", "/session/login", headers: headers, json: #"{"username":"edgaras","password":"passport42"}"#)
        #expect(login.status == 403)
        #expect(login.error == "csrf_rejected")
        #expect(login.setCookieField("sid") == nil)

        #expect(app.cartLines(sid) == [1: 2])
        #expect(app.inspectOrders.isEmpty)
        #expect(app.sessionCount == 1)
        #expect(app.session("GET", "/session/me", sid: sid).status == 200)
    }

    @Test(arguments: allowed)
    func sameOriginAndHeaderlessStateChangesPass(headers: [(String, String)]) throws {
        let app = try TestApp()
        let login = app.call("POST", "/session/login", headers: headers, json: #"{"username":"edgaras","password":"passport42"}"#)
        #expect(login.status == 200)
        let sid = try #require(login.cookie("sid"))
        #expect(app.setLine(sid, book: 1, qty: 2, headers: headers).status == 200)
        #expect(app.setLine(sid, book: 2, qty: 1, headers: headers).status == 200)
        #expect(app.session("DELETE", "/session/cart/items/2", sid: sid, headers: headers).status == 200)
        #expect(app.session("POST", "/session/checkout", sid: sid, headers: headers).status == 201)
        #expect(app.session("POST", "/session/logout", sid: sid, headers: headers).status == 204)
    }

    @Test(arguments: crossSite)
    func readsAreNeverBlocked(headers: [(String, String)]) throws {
        let app = try TestApp()
        let sid = app.sessionLogin()
        for path in ["/session/me", "/session/cart", "/session/orders"] {
            #expect(app.session("GET", path, sid: sid, headers: headers).status == 200, "\(path)")
        }
    }

    @Test func aCrossSiteAdminCallWithAnAdminCookieIsRefusedAndScopesStay() throws {
        let app = try TestApp()
        let admin = app.sessionLogin("admin", "admin-demo")
        let reply = app.session(
            "PUT", "/api/admin/users/42/scopes", sid: admin, json: #"{"scopes":["read:books"]}"#,
            headers: [("Origin", "https://evil.example")])
        #expect(reply.status == 403)
        #expect(reply.error == "csrf_rejected")
        let edgaras = app.sessionLogin()
        #expect(
            app.session("GET", "/session/me", sid: edgaras).user["scopes"] as? [String] == [
                "read:books", "read:orders", "write:cart", "write:orders",
            ])
        let everywhere = app.session(
            "POST", "/api/admin/users/42/logout-everywhere", sid: admin, headers: [("Sec-Fetch-Site", "cross-site")])
        #expect(everywhere.error == "csrf_rejected")
        #expect(app.session("GET", "/session/me", sid: edgaras).status == 200)
    }
}
