import AppTestSupport
import Foundation
import Testing

/// The admin routes, through the router: who may change a user's scopes or end
/// their sign-ins (an ADMIN session or a token with `admin:users`), and what the
/// answer says. Permissions live in the database, so a change shows in the next read.
@Suite struct AdminRoutesTests {
    let app: TestApp
    init() throws { app = try TestApp() }

    static let readOnly = #"{"scopes":["read:books","read:orders"]}"#

    /// User 42's scopes as the database holds them now.
    func scopes(of userID: Int) throws -> [String] { try #require(try app.app.store.user(id: userID)).scopes }

    @Test func adminSessionSetsScopesAndGetsTheUserBack() throws {
        let sid = app.sessionLogin("admin", "admin-demo")
        let reply = app.session("PUT", "/api/admin/users/42/scopes", sid: sid, json: Self.readOnly)
        #expect(reply.status == 200)
        let user = try #require(reply.json["user"] as? [String: Any])
        #expect(user["id"] as? Int == 42 && user["username"] as? String == "edgaras" && user["role"] as? String == "USER")
        #expect(user["scopes"] as? [String] == ["read:books", "read:orders"])
        #expect(try scopes(of: 42) == ["read:books", "read:orders"])
    }

    @Test func adminBearerTokenSetsScopes() throws {
        let admin = app.tokenLogin("admin", "admin-demo").access
        let reply = app.token("PUT", "/api/admin/users/7/scopes", token: admin, json: #"{"scopes":["read:books","write:cart"]}"#)
        #expect(reply.status == 200)
        #expect((reply.json["user"] as? [String: Any])?["scopes"] as? [String] == ["read:books", "write:cart"])
        #expect(try scopes(of: 7) == ["read:books", "write:cart"])
    }

    /// A request that must be refused, and how.
    struct Refusal: Sendable, CustomTestStringConvertible {
        let name: String
        let path: String
        let credential: Credential
        let body: String
        let status: Int
        let error: String?
        var testDescription: String { name }
    }

    enum Credential: Sendable { case none, adminSession, userSession, adminToken, userToken }

    static let refusals: [Refusal] = [
        Refusal(
            name: "unknown scope", path: "/api/admin/users/42/scopes", credential: .adminToken, body: #"{"scopes":["root"]}"#,
            status: 400, error: "invalid_request"),
        Refusal(
            name: "unknown user", path: "/api/admin/users/999/scopes", credential: .adminToken, body: readOnly, status: 404,
            error: "not_found"),
        Refusal(
            name: "non-numeric id", path: "/api/admin/users/abc/scopes", credential: .adminSession, body: readOnly, status: 404,
            error: "not_found"),
        Refusal(name: "no credentials", path: "/api/admin/users/42/scopes", credential: .none, body: readOnly, status: 401, error: nil),
        Refusal(
            name: "USER session", path: "/api/admin/users/42/scopes", credential: .userSession, body: readOnly, status: 403,
            error: nil),
        Refusal(
            name: "USER token", path: "/api/admin/users/42/scopes", credential: .userToken, body: readOnly, status: 403,
            error: "insufficient_scope"),
        Refusal(
            name: "body not JSON", path: "/api/admin/users/42/scopes", credential: .adminSession, body: "scopes=read:books",
            status: 400, error: "invalid_request"),
        Refusal(
            name: "scopes not an array", path: "/api/admin/users/42/scopes", credential: .adminToken,
            body: #"{"scopes":"read:books"}"#, status: 400, error: "invalid_request"),
    ]

    func headers(_ credential: Credential) -> [(String, String)] {
        switch credential {
        case .none: []
        case .adminSession: [("Cookie", "sid=" + app.sessionLogin("admin", "admin-demo"))]
        case .userSession: [("Cookie", "sid=" + app.sessionLogin())]
        case .adminToken: [("Authorization", "Bearer " + app.tokenLogin("admin", "admin-demo").access)]
        case .userToken: [("Authorization", "Bearer " + app.tokenLogin().access)]
        }
    }

    @Test(arguments: refusals)
    func scopeChangeIsRefusedAndChangesNothing(_ refusal: Refusal) throws {
        let before = try scopes(of: 42)
        let reply = app.call("PUT", refusal.path, headers: headers(refusal.credential), json: refusal.body)
        #expect(reply.status == refusal.status)
        if let error = refusal.error { #expect(reply.error == error) }
        #expect(reply.json["error_description"] is String)
        #expect(try scopes(of: 42) == before)
    }

    @Test func missingCredentialsAskForBearerAuthentication() {
        let reply = app.call("PUT", "/api/admin/users/42/scopes", json: Self.readOnly)
        #expect(reply.header("WWW-Authenticate")?.hasPrefix("Bearer") == true)
    }

    @Test func logoutEverywhereEndsSessionsAndRevokesRefreshTokensWithCounts() throws {
        let sids = [app.sessionLogin(), app.sessionLogin()]
        let pairs = [app.tokenLogin(), app.tokenLogin(), app.tokenLogin()]
        let otherSid = app.sessionLogin("reader", "reader-demo")
        let admin = app.tokenLogin("admin", "admin-demo").access

        let reply = app.token("POST", "/api/admin/users/42/logout-everywhere", token: admin)
        #expect(reply.status == 200)
        #expect(reply.json.count == 2)
        #expect(reply.json["sessions_ended"] as? Int == 2)
        #expect(reply.json["refresh_tokens_revoked"] as? Int == 3)

        for sid in sids { #expect(app.session("GET", "/session/me", sid: sid).status == 401) }
        #expect(app.session("GET", "/session/me", sid: otherSid).status == 200, "another user's session survives")
        let refresh = app.call("POST", "/token/refresh", json: #"{"refresh_token":"\#(pairs[0].refresh)"}"#)
        #expect(refresh.status == 401)
        #expect(app.token("GET", "/token/me", token: pairs[0].access).status == 200, "access tokens live to exp")

        let again = app.token("POST", "/api/admin/users/42/logout-everywhere", token: admin)
        #expect(again.json["sessions_ended"] as? Int == 0 && again.json["refresh_tokens_revoked"] as? Int == 0)
    }

    @Test func logoutEverywhereWithAdminSessionAndItsRefusals() {
        let sid = app.sessionLogin("admin", "admin-demo")
        #expect(app.session("POST", "/api/admin/users/7/logout-everywhere", sid: sid).status == 200)
        #expect(app.session("POST", "/api/admin/users/999/logout-everywhere", sid: sid).status == 404)
        #expect(app.session("POST", "/api/admin/users/x/logout-everywhere", sid: sid).status == 404)
        #expect(app.call("POST", "/api/admin/users/7/logout-everywhere").status == 401)
        #expect(app.session("POST", "/api/admin/users/7/logout-everywhere", sid: app.sessionLogin()).status == 403)
        #expect(app.token("POST", "/api/admin/users/7/logout-everywhere", token: app.tokenLogin().access).error == "insufficient_scope")
    }

    @Test func explicitAuthorizationWinsOverTheAdminCookie() throws {
        let adminCookie = ("Cookie", "sid=" + app.sessionLogin("admin", "admin-demo"))
        let userToken = ("Authorization", "Bearer " + app.tokenLogin().access)
        let reply = app.call("PUT", "/api/admin/users/42/scopes", headers: [adminCookie, userToken], json: Self.readOnly)
        #expect(reply.status == 403)
        #expect(reply.error == "insufficient_scope")
        let basic = app.call(
            "PUT", "/api/admin/users/42/scopes", headers: [adminCookie, ("Authorization", "Basic YWRtaW46YWRtaW4tZGVtbw==")],
            json: Self.readOnly)
        #expect(basic.status == 401)
        #expect(try scopes(of: 42).contains("write:cart"))
    }

    @Test func crossSiteAdminSessionRequestIsRejected() throws {
        let sid = app.sessionLogin("admin", "admin-demo")
        let reply = app.session(
            "PUT", "/api/admin/users/42/scopes", sid: sid, json: Self.readOnly, headers: [("Origin", "https://evil.example")])
        #expect(reply.status == 403)
        #expect(reply.error == "csrf_rejected")
        #expect(try scopes(of: 42).contains("write:cart"))
    }
}
