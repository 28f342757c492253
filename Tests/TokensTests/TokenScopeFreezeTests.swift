import AppTestSupport
import Foundation
import Testing

/// Scopes are frozen into the token when it is issued: an admin's change
/// reaches the user only at the next refresh (contrast: sessions see it at once).
@Suite struct TokenScopeFreezeTests {
    static let withoutWriteCart = #"{"scopes":["read:books","read:orders","write:orders"]}"#

    @Test func aScopeRemovedByAnAdminStaysInTheOldTokenUntilRefresh() throws {
        let t = try TestApp()
        let admin = t.tokenLogin(Account.admin.username, Account.admin.password).access
        let user = t.tokenLogin()
        let change = t.token("PUT", "/api/admin/users/42/scopes", token: admin, json: Self.withoutWriteCart)
        #expect(change.status == 200)
        #expect(((change.json["user"] as? [String: Any])?["scopes"] as? [String])?.contains("write:cart") == false)

        let stale = t.token("POST", "/token/cart/items", token: user.access, json: #"{"book_id":1,"qty":1}"#)
        #expect(stale.status == 200)
        // /token/me shows the disagreement: the claims still grant it, the database no longer does.
        let me = t.token("GET", "/token/me", token: user.access)
        #expect(((me.json["claims"] as? [String: Any])?["scope"] as? String)?.contains("write:cart") == true)
        #expect(((me.json["user"] as? [String: Any])?["scopes"] as? [String])?.contains("write:cart") == false)

        let refreshed = t.call("POST", "/token/refresh", json: #"{"refresh_token":"\#(user.refresh)"}"#)
        #expect(refreshed.json["scope"] as? String == "read:books read:orders write:orders")
        let fresh = try #require(refreshed.json["access_token"] as? String)
        let denied = t.token("POST", "/token/cart/items", token: fresh, json: #"{"book_id":1,"qty":1}"#)
        #expect(denied.status == 403)
        #expect(denied.error == "insufficient_scope")
        #expect(denied.header("WWW-Authenticate") == #"Bearer realm="bookstore", error="insufficient_scope", scope="write:cart""#)
    }

    @Test func theAdminRoutesTakeABearerTokenWithAdminUsers() throws {
        let t = try TestApp()
        let admin = t.tokenLogin(Account.admin.username, Account.admin.password).access
        let reply = t.token("PUT", "/api/admin/users/7/scopes", token: admin, json: #"{"scopes":["read:books","read:orders"]}"#)
        #expect(reply.status == 200)
        #expect((reply.json["user"] as? [String: Any])?["scopes"] as? [String] == ["read:books", "read:orders"])
    }

    @Test func aUsersTokenOnAnAdminRouteIs403InsufficientScope() throws {
        let t = try TestApp()
        let user = t.tokenLogin().access
        let reply = t.token("PUT", "/api/admin/users/42/scopes", token: user, json: #"{"scopes":["admin:users"]}"#)
        #expect(reply.status == 403)
        #expect(reply.error == "insufficient_scope")
        #expect(reply.header("WWW-Authenticate")?.contains(#"scope="admin:users""#) == true)
        #expect((t.token("GET", "/token/me", token: user).json["user"] as? [String: Any])?["scopes"] as? [String] != ["admin:users"])
    }

    @Test func logoutEverywhereRevokesRefreshTokensButNotTheLiveAccessToken() throws {
        let t = try TestApp()
        let admin = t.tokenLogin(Account.admin.username, Account.admin.password).access
        let phone = t.tokenLogin(), laptop = t.tokenLogin()
        let reply = t.token("POST", "/api/admin/users/42/logout-everywhere", token: admin)
        #expect(reply.status == 200)
        #expect(reply.json["refresh_tokens_revoked"] as? Int == 2)
        #expect(t.call("POST", "/token/refresh", json: #"{"refresh_token":"\#(phone.refresh)"}"#).status == 401)
        #expect(t.call("POST", "/token/refresh", json: #"{"refresh_token":"\#(laptop.refresh)"}"#).status == 401)
        #expect(t.token("GET", "/token/me", token: phone.access).status == 200)
    }
}
