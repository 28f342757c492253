import AppTestSupport
import Foundation
import Testing

/// `POST /token/introspect` (RFC 7662): the stateless token becomes a lookup again.
@Suite struct IntrospectionTests {
    static func adminToken(_ t: TestApp) -> String { t.tokenLogin(Account.admin.username, Account.admin.password).access }

    static func introspect(_ t: TestApp, _ token: String, admin: String? = nil) -> Reply {
        t.token("POST", "/token/introspect", token: admin ?? adminToken(t), json: #"{"token":"\#(token)"}"#)
    }

    @Test func aValidAccessTokenIsActiveWithItsClaims() throws {
        let t = try TestApp()
        let access = t.tokenLogin().access
        let reply = Self.introspect(t, access)
        #expect(reply.status == 200)
        #expect(reply.header("Cache-Control") == "no-store")
        let claims = Forge.object(Forge.parts(access)[1])
        #expect(reply.json["active"] as? Bool == true)
        #expect(reply.json["token_type"] as? String == "access_token")
        #expect(reply.json["sub"] as? String == "42")
        #expect(reply.json["username"] as? String == "edgaras")
        #expect(reply.json["scope"] as? String == claims["scope"] as? String)
        #expect(reply.json["jti"] as? String == claims["jti"] as? String)
        #expect(reply.json["exp"] as? Int == claims["exp"] as? Int)
        #expect(reply.json["iss"] as? String == "sessions-vs-tokens")
    }

    @Test func theTokenMayComeAsAFormField() throws {
        let t = try TestApp()
        let access = t.tokenLogin().access
        let reply = t.call(
            "POST", "/token/introspect",
            headers: [("Authorization", "Bearer " + Self.adminToken(t)), ("Content-Type", "application/x-www-form-urlencoded")],
            body: Array("token=\(access)".utf8))
        #expect(reply.status == 200)
        #expect(reply.json["active"] as? Bool == true)
        #expect(reply.json["sub"] as? String == "42")
    }

    @Test func anExpiredTokenIsInactive() throws {
        let t = try TestApp()
        let access = t.tokenLogin().access
        t.clock.advance(seconds: 331)
        let reply = Self.introspect(t, access)
        #expect(reply.status == 200)
        #expect(reply.text == #"{"active":false}"#)
    }

    @Test func aTamperedTokenIsInactive() throws {
        let t = try TestApp()
        let parts = Forge.parts(t.tokenLogin().access)
        var claims = Forge.object(parts[1])
        claims["scope"] = "admin:users"
        let reply = Self.introspect(t, parts[0] + "." + Forge.encode(Forge.json(claims)) + "." + parts[2])
        #expect(reply.text == #"{"active":false}"#)
    }

    @Test func aDenylistedTokenIsInactive() throws {
        let t = try TestApp { $0.revocation = .denylist }
        let pair = t.tokenLogin()
        #expect(Self.introspect(t, pair.access).json["active"] as? Bool == true)
        _ = t.call(
            "POST", "/token/logout", headers: [("Authorization", "Bearer " + pair.access)], json: #"{"refresh_token":"\#(pair.refresh)"}"#)
        #expect(Self.introspect(t, pair.access).text == #"{"active":false}"#)
    }

    @Test func aTokenWhoseUserWasDeletedIsInactiveThoughItStillVerifies() throws {
        let t = try TestApp()
        let reader = t.tokenLogin(Account.reader.username, Account.reader.password)
        let admin = Self.adminToken(t)
        #expect(Self.introspect(t, reader.access, admin: admin).json["active"] as? Bool == true)
        try t.app.store.pool.write { db in
            try db.execute("DELETE FROM order_items WHERE order_id IN (SELECT id FROM orders WHERE user_id = 7)")
            try db.execute("DELETE FROM orders WHERE user_id = 7")
            try db.execute("DELETE FROM users WHERE id = 7")
        }
        #expect(Self.introspect(t, reader.access, admin: admin).text == #"{"active":false}"#)
        #expect(Self.introspect(t, reader.refresh, admin: admin).text == #"{"active":false}"#)
        // The plain stateless check still passes: only introspection looked the user up.
        let me = t.token("GET", "/token/me", token: reader.access)
        #expect(me.status == 200)
        #expect(me.json["user"] is NSNull)
    }

    @Test func refreshTokensIntrospectUntilSpent() throws {
        let t = try TestApp()
        let pair = t.tokenLogin()
        let active = Self.introspect(t, pair.refresh)
        #expect(active.json["active"] as? Bool == true)
        #expect(active.json["token_type"] as? String == "refresh_token")
        #expect(active.json["sub"] as? String == "42")
        _ = t.call("POST", "/token/refresh", json: #"{"refresh_token":"\#(pair.refresh)"}"#)
        #expect(Self.introspect(t, pair.refresh).text == #"{"active":false}"#)
        #expect(Self.introspect(t, "no-such-token").text == #"{"active":false}"#)
    }

    @Test func aTokenWithoutAdminUsersGets403() throws {
        let t = try TestApp()
        let user = t.tokenLogin().access
        let reply = Self.introspect(t, user, admin: user)
        #expect(reply.status == 403)
        #expect(reply.error == "insufficient_scope")
        #expect(reply.header("WWW-Authenticate")?.contains(#"scope="admin:users""#) == true)
    }

    @Test(
        "A request without a token to introspect is 400", arguments: ["{}", #"{"token":5}"#, "token"])
    func missingTokenFieldIs400(body: String) throws {
        let t = try TestApp()
        let reply = t.token("POST", "/token/introspect", token: Self.adminToken(t), json: body)
        #expect(reply.status == 400)
        #expect(reply.error == "invalid_request")
    }
}
