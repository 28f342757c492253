import AppTestSupport
import Foundation
import Testing

/// `POST /session/login` and `POST /session/logout`: the ticket handed out and taken back.
@Suite struct SessionRoutesLoginTests {
    /// The base64url alphabet, the only characters a ticket may hold.
    static let base64URLAlphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    @Test func loginAnswersTheUserAndSetsAnHttpOnlyLaxTicketWithoutSecureOverPlainHTTP() throws {
        let app = try TestApp()
        let reply = app.call("POST", "/session/login", json: #"{"username":"edgaras","password":"passport42"}"#)
        #expect(reply.status == 200)
        #expect(Set(reply.json.keys) == ["user"])
        #expect(reply.user["id"] as? Int == 42)
        #expect(reply.user["username"] as? String == "edgaras")
        #expect(reply.user["role"] as? String == "USER")
        #expect(reply.user["scopes"] as? [String] == ["read:books", "read:orders", "write:cart", "write:orders"])
        let field = try #require(reply.setCookieField("sid"))
        let sid = try #require(reply.cookie("sid"))
        #expect(field == "sid=\(sid); Path=/; HttpOnly; SameSite=Lax")
        #expect(sid.count == 43)
        #expect(sid.allSatisfy(Self.base64URLAlphabet.contains))
        #expect(!field.contains("Secure"))
        #expect(app.sessionCount == 1)
    }

    @Test func everyLoginIssuesANewIdEvenForTheSameUser() throws {
        let app = try TestApp()
        let ids = (0..<5).map { _ in app.sessionLogin() }
        #expect(Set(ids).count == 5)
        #expect(ids.allSatisfy { $0.count == 43 })
        #expect(app.sessionCount == 5)
        for sid in ids { #expect(app.session("GET", "/session/me", sid: sid).status == 200) }
    }

    @Test func adminLoginAnswersTheAdminRoleAndScope() throws {
        let app = try TestApp()
        let reply = app.call("POST", "/session/login", json: #"{"username":"admin","password":"admin-demo"}"#)
        #expect(reply.status == 200)
        #expect(reply.user["id"] as? Int == 1)
        #expect(reply.user["role"] as? String == "ADMIN")
        #expect((reply.user["scopes"] as? [String])?.contains("admin:users") == true)
    }

    @Test(arguments: [
        ("edgaras", "wrong"), ("edgaras", "Passport42"), ("nobody", "passport42"), ("", ""), ("edgaras", ""),
        ("admin", "passport42"), ("edgaras", String(repeating: "p", count: 2_000)),
    ])
    func badCredentialsAre401InvalidCredentialsAndCreateNoSession(username: String, password: String) throws {
        let app = try TestApp()
        let reply = app.call("POST", "/session/login", json: #"{"username":"\#(username)","password":"\#(password)"}"#)
        #expect(reply.status == 401)
        #expect(reply.error == "invalid_credentials")
        #expect(reply.setCookieField("sid") == nil)
        #expect(app.sessionCount == 0)
    }

    @Test(arguments: [
        "", "{", "not json", "[]", "null", #"{"username":"edgaras"}"#, #"{"password":"passport42"}"#,
        #"{"username":42,"password":"passport42"}"#, #"{"username":"edgaras","password":["passport42"]}"#,
        #"{"username":null,"password":"passport42"}"#, #"{"user":"edgaras","pass":"passport42"}"#,
    ])
    func malformedLoginBodiesAre400InvalidRequest(body: String) throws {
        let app = try TestApp()
        let reply = app.call("POST", "/session/login", json: body)
        #expect(reply.status == 400)
        #expect(reply.error == "invalid_request")
        #expect(app.sessionCount == 0)
    }

    @Test func aPlantedIdIsNeverAdoptedAndIsDeadAfterLogin() throws {
        let app = try TestApp()
        let planted = String(repeating: "A", count: 43)
        let reply = app.call(
            "POST", "/session/login", headers: [("Cookie", "sid=\(planted)")], json: #"{"username":"edgaras","password":"passport42"}"#)
        #expect(reply.status == 200)
        let issued = try #require(reply.cookie("sid"))
        #expect(issued != planted)
        #expect(app.session("GET", "/session/me", sid: planted).error == "no_session")
        #expect(app.session("GET", "/session/me", sid: issued).status == 200)
    }

    @Test func aLiveIdSentAtLoginIsEndedAndReplacedNotReused() throws {
        let app = try TestApp()
        let attackers = app.sessionLogin("reader", "reader-demo")
        let reply = app.call(
            "POST", "/session/login", headers: [("Cookie", "sid=\(attackers)")], json: #"{"username":"edgaras","password":"passport42"}"#)
        let issued = try #require(reply.cookie("sid"))
        #expect(issued != attackers)
        #expect(app.session("GET", "/session/me", sid: attackers).status == 401)
        #expect(app.session("GET", "/session/me", sid: issued).user["username"] as? String == "edgaras")
        #expect(app.sessionCount == 1)
    }

    @Test func logoutIs204RemovesTheEntryAndExpiresTheCookie() throws {
        let app = try TestApp()
        let sid = app.sessionLogin()
        let other = app.sessionLogin()
        #expect(app.inspectMemory["count"] as? Int == 2)
        let reply = app.session("POST", "/session/logout", sid: sid)
        #expect(reply.status == 204)
        #expect(reply.response.body.isEmpty)
        let field = try #require(reply.setCookieField("sid"))
        #expect(field.hasPrefix("sid=;"))
        #expect(field.contains("; Max-Age=0"))
        #expect(field.contains("; Path=/"))
        #expect(field.contains("; HttpOnly"))
        #expect(app.inspectMemory["count"] as? Int == 1)
        let after = app.session("GET", "/session/me", sid: sid)
        #expect(after.status == 401)
        #expect(after.error == "no_session")
        #expect(app.session("GET", "/session/me", sid: other).status == 200)
    }

    @Test func logoutWithoutASessionIs401NoSession() throws {
        let app = try TestApp()
        let none = app.call("POST", "/session/logout")
        #expect(none.status == 401)
        #expect(none.error == "no_session")
        let sid = app.sessionLogin()
        #expect(app.session("POST", "/session/logout", sid: sid).status == 204)
        let twice = app.session("POST", "/session/logout", sid: sid)
        #expect(twice.status == 401)
        #expect(twice.error == "no_session")
    }
}
