import AppTestSupport
import Foundation
import Testing

/// Every way to arrive without a valid ticket ends in 401 `no_session`:
/// none, unknown, malformed, expired (idle or absolute) and evicted.
@Suite struct SessionRoutesNoSessionTests {
    /// Every route that needs a session, with a body where it takes one.
    static let protectedRoutes: [(method: String, path: String, json: String?)] = [
        ("POST", "/session/logout", nil), ("GET", "/session/me", nil), ("GET", "/session/cart", nil),
        ("POST", "/session/cart/items", #"{"book_id":1,"qty":1}"#), ("DELETE", "/session/cart/items/1", nil),
        ("POST", "/session/checkout", nil), ("GET", "/session/orders", nil), ("GET", "/session/orders/1", nil),
    ]

    /// Cookie headers that carry no valid ticket.
    static let badCookies: [String?] = [
        nil,  // no cookie at all
        "sid=\(String(repeating: "Q", count: 43))",  // well formed, never issued
        "sid=bm90LWEtcmVhbC1zZXNzaW9uLWlkLWJ1dC00My1jaGFycw",  // well formed, random-looking, never issued
        "sid=short", "sid=", "sid=\(String(repeating: "A", count: 42))!", "sid=\(String(repeating: "A", count: 44))",
        "other=\(String(repeating: "A", count: 43))", "sid=\"\(String(repeating: "A", count: 43))\"",
    ]

    @Test(arguments: badCookies)
    func everyProtectedRouteIs401NoSessionWithoutAValidTicket(cookie: String?) throws {
        let app = try TestApp()
        let live = app.sessionLogin()
        for route in Self.protectedRoutes {
            let reply = app.call(route.method, route.path, headers: cookie.map { [("Cookie", $0)] } ?? [], json: route.json)
            #expect(reply.status == 401, "\(route.method) \(route.path)")
            #expect(reply.error == "no_session", "\(route.method) \(route.path)")
        }
        #expect(app.session("GET", "/session/me", sid: live).status == 200)
    }

    @Test func anIdleSessionExpiresAfterTheIdleTimeoutAndActivityKeepsItAlive() throws {
        let clock = ManualClock()
        let app = try TestApp(clock: clock) {
            $0.sessionIdleSeconds = 60
            $0.sessionMaxAgeSeconds = 300
        }
        let sid = app.sessionLogin()
        clock.advance(seconds: 59)
        #expect(app.session("GET", "/session/me", sid: sid).status == 200)
        clock.advance(seconds: 59)
        #expect(app.session("GET", "/session/me", sid: sid).status == 200)
        clock.advance(seconds: 60)
        let expired = app.session("GET", "/session/me", sid: sid)
        #expect(expired.status == 401)
        #expect(expired.error == "no_session")
        #expect(app.sessionCount == 0)
    }

    @Test func aBusySessionStillEndsAtTheAbsoluteTimeout() throws {
        let clock = ManualClock()
        let app = try TestApp(clock: clock) {
            $0.sessionIdleSeconds = 60
            $0.sessionMaxAgeSeconds = 300
        }
        let sid = app.sessionLogin()
        for _ in 0..<5 {
            clock.advance(seconds: 50)
            #expect(app.setLine(sid, book: 1, qty: 1).status == 200)
        }
        clock.advance(seconds: 49)
        #expect(app.session("GET", "/session/me", sid: sid).status == 200)
        clock.advance(seconds: 1)
        let expired = app.setLine(sid, book: 1, qty: 2)
        #expect(expired.status == 401)
        #expect(expired.error == "no_session")
    }

    @Test func anExpiredSessionCannotLogOutEither() throws {
        let clock = ManualClock()
        let app = try TestApp(clock: clock) { $0.sessionIdleSeconds = 60 }
        let sid = app.sessionLogin()
        clock.advance(seconds: 61)
        let reply = app.session("POST", "/session/logout", sid: sid)
        #expect(reply.status == 401)
        #expect(reply.error == "no_session")
    }

    @Test func theLeastRecentlyUsedSessionIsEvictedAtTheBound() throws {
        let clock = ManualClock()
        let app = try TestApp(clock: clock) { $0.maxSessions = 3 }
        let a = app.sessionLogin()
        clock.advance(seconds: 1)
        let b = app.sessionLogin("reader", "reader-demo")
        clock.advance(seconds: 1)
        let c = app.sessionLogin("admin", "admin-demo")
        clock.advance(seconds: 1)
        #expect(app.session("GET", "/session/me", sid: a).status == 200)  // a is now the most recent
        let d = app.sessionLogin()
        #expect(app.sessionCount == 3)
        #expect(app.inspectMemory["count"] as? Int == 3)
        let evicted = app.session("GET", "/session/me", sid: b)
        #expect(evicted.status == 401)
        #expect(evicted.error == "no_session")
        for sid in [a, c, d] { #expect(app.session("GET", "/session/me", sid: sid).status == 200) }
    }
}
