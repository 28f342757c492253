import AppTestSupport
import Foundation
import Testing

/// Permissions come from the database on every request, and the server can end
/// a user's sessions at once: the two powers the coat-check gets from holding state.
@Suite struct SessionRoutesPermissionTests {
    static let userScopes = ["read:books", "read:orders", "write:cart", "write:orders"]
    static let withoutWriteCart = #"{"scopes":["read:books","read:orders","write:orders"]}"#
    static let restored = #"{"scopes":["read:books","read:orders","write:cart","write:orders"]}"#

    /// An admin acting through a session cookie, or through a bearer token.
    enum AdminCredential: String, CaseIterable, Sendable { case session, token }

    func asAdmin(_ app: TestApp, _ credential: AdminCredential, _ method: String, _ path: String, json: String? = nil) -> Reply {
        switch credential {
        case .session: app.session(method, path, sid: app.sessionLogin("admin", "admin-demo"), json: json)
        case .token: app.token(method, path, token: app.tokenLogin("admin", "admin-demo").access, json: json)
        }
    }

    @Test(arguments: AdminCredential.allCases)
    func aScopeChangeAppliesToTheVeryNextRequestOfALiveSession(credential: AdminCredential) throws {
        let app = try TestApp()
        let sid = app.sessionLogin()
        #expect(app.setLine(sid, book: 1, qty: 1).status == 200)

        let removed = asAdmin(app, credential, "PUT", "/api/admin/users/42/scopes", json: Self.withoutWriteCart)
        #expect(removed.status == 200)
        #expect(removed.user["scopes"] as? [String] == ["read:books", "read:orders", "write:orders"])
        let refused = app.setLine(sid, book: 2, qty: 1)
        #expect(refused.status == 403)
        #expect(refused.error == "insufficient_scope")
        #expect(app.session("GET", "/session/me", sid: sid).user["scopes"] as? [String] == ["read:books", "read:orders", "write:orders"])

        #expect(asAdmin(app, credential, "PUT", "/api/admin/users/42/scopes", json: Self.restored).status == 200)
        #expect(app.setLine(sid, book: 2, qty: 1).status == 200)
        #expect(app.cartLines(sid) == [1: 1, 2: 1])
    }

    @Test func aUserWithoutTheScopesSeesMeButNotCartOrOrders() throws {
        let app = try TestApp()
        let sid = app.sessionLogin("reader", "reader-demo")
        #expect(app.session("GET", "/session/me", sid: sid).status == 200)
        for (method, path) in [("GET", "/session/cart"), ("POST", "/session/checkout"), ("GET", "/session/orders")] {
            let reply = app.session(method, path, sid: sid)
            #expect(reply.status == 403, "\(method) \(path)")
            #expect(reply.error == "insufficient_scope", "\(method) \(path)")
        }
        #expect(app.setLine(sid, book: 1, qty: 1).error == "insufficient_scope")
    }

    @Test(arguments: AdminCredential.allCases)
    func logoutEverywhereEndsAllOfThatUsersSessionsAndNoOneElses(credential: AdminCredential) throws {
        let app = try TestApp()
        let edgaras = (0..<3).map { _ in app.sessionLogin() }
        let reader = app.sessionLogin("reader", "reader-demo")
        let reply = asAdmin(app, credential, "POST", "/api/admin/users/42/logout-everywhere")
        #expect(reply.status == 200)
        #expect(reply.json["sessions_ended"] as? Int == 3)
        #expect(reply.json["refresh_tokens_revoked"] as? Int == 0)
        for sid in edgaras {
            let after = app.session("GET", "/session/me", sid: sid)
            #expect(after.status == 401)
            #expect(after.error == "no_session")
        }
        #expect(app.session("GET", "/session/me", sid: reader).status == 200)
        #expect(app.sessionCount == (credential == .session ? 2 : 1))
        let again = asAdmin(app, credential, "POST", "/api/admin/users/42/logout-everywhere")
        #expect(again.json["sessions_ended"] as? Int == 0)
    }

    @Test func logoutEverywhereCountsOnlySessionsThatWereStillLive() throws {
        let clock = ManualClock()
        let app = try TestApp(clock: clock) { $0.sessionIdleSeconds = 60 }
        let stale = app.sessionLogin()
        clock.advance(seconds: 50)
        let live = app.sessionLogin()
        clock.advance(seconds: 20)  // `stale` is now idle 70 s: expired, though not yet swept
        #expect(app.sessionCount == 2)
        let reply = asAdmin(app, .session, "POST", "/api/admin/users/42/logout-everywhere")
        #expect(reply.json["sessions_ended"] as? Int == 1)
        #expect(app.sessionCount == 1)  // the admin's own session
        for sid in [stale, live] { #expect(app.session("GET", "/session/me", sid: sid).status == 401) }
    }

    @Test func logoutEverywhereForAnUnknownUserIs404() throws {
        let app = try TestApp()
        let reply = asAdmin(app, .session, "POST", "/api/admin/users/999/logout-everywhere")
        #expect(reply.status == 404)
        #expect(reply.error == "not_found")
    }

    @Test func aNonAdminSessionGets403OnAdminRoutesAndChangesNothing() throws {
        let app = try TestApp()
        let sid = app.sessionLogin()
        let scopes = app.session("PUT", "/api/admin/users/42/scopes", sid: sid, json: #"{"scopes":["admin:users"]}"#)
        #expect(scopes.status == 403)
        #expect(scopes.error == "insufficient_scope")
        let everywhere = app.session("POST", "/api/admin/users/7/logout-everywhere", sid: sid)
        #expect(everywhere.status == 403)
        #expect(app.session("GET", "/session/me", sid: sid).user["scopes"] as? [String] == Self.userScopes)
    }

    @Test func adminRoutesWithoutCredentialsOrWithADeadSessionAre401() throws {
        let app = try TestApp()
        let none = app.call("PUT", "/api/admin/users/42/scopes", json: #"{"scopes":[]}"#)
        #expect(none.status == 401)
        #expect(none.error == "no_session")
        let admin = app.sessionLogin("admin", "admin-demo")
        _ = app.session("POST", "/session/logout", sid: admin)
        let dead = app.session("POST", "/api/admin/users/42/logout-everywhere", sid: admin)
        #expect(dead.status == 401)
        #expect(dead.error == "no_session")
    }

    @Test func anUnknownScopeIs400AndLeavesTheScopes() throws {
        let app = try TestApp()
        let reply = asAdmin(app, .session, "PUT", "/api/admin/users/42/scopes", json: #"{"scopes":["write:everything"]}"#)
        #expect(reply.status == 400)
        #expect(reply.error == "invalid_request")
        let sid = app.sessionLogin()
        #expect(app.session("GET", "/session/me", sid: sid).user["scopes"] as? [String] == Self.userScopes)
    }
}
