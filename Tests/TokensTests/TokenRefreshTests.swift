import AppTestSupport
import Foundation
import Testing

/// Refresh-token rotation with reuse detection, and logout in both revocation modes.
@Suite struct TokenRefreshTests {
    static func body(_ refresh: String) -> String { #"{"refresh_token":"\#(refresh)"}"# }

    /// States of edgaras's refresh tokens in `/api/inspect`, oldest first.
    static func states(_ t: TestApp) -> [String] {
        ((t.inspectedDatabase["refresh_tokens"] as? [[String: Any]]) ?? []).compactMap { $0["state"] as? String }.sorted()
    }

    @Test func refreshRotatesToANewPairAndSpendsTheOldRefreshToken() throws {
        let t = try TestApp()
        let first = t.tokenLogin()
        t.clock.advance(seconds: 10)
        let reply = t.call("POST", "/token/refresh", json: Self.body(first.refresh))
        #expect(reply.status == 200)
        #expect(reply.header("Cache-Control") == "no-store")
        let access = try #require(reply.json["access_token"] as? String)
        let refresh = try #require(reply.json["refresh_token"] as? String)
        #expect(access != first.access)
        #expect(refresh != first.refresh)
        #expect(reply.json["token_type"] as? String == "Bearer")
        #expect(reply.json["expires_in"] as? Int == 300)
        #expect(t.token("GET", "/token/me", token: access).status == 200)
        #expect(Self.states(t) == ["active", "spent"])
        // The new refresh token works in turn.
        #expect(t.call("POST", "/token/refresh", json: Self.body(refresh)).status == 200)
    }

    @Test func replayingASpentRefreshTokenRevokesTheWholeFamily() throws {
        let t = try TestApp()
        let first = t.tokenLogin()
        let second = t.call("POST", "/token/refresh", json: Self.body(first.refresh)).json["refresh_token"] as? String ?? ""
        let third = t.call("POST", "/token/refresh", json: Self.body(second)).json["refresh_token"] as? String ?? ""
        #expect(!third.isEmpty)

        let replay = t.call("POST", "/token/refresh", json: Self.body(first.refresh))
        #expect(replay.status == 401)
        #expect(replay.error == "invalid_grant")
        // The thief's newest token dies with the family.
        let newest = t.call("POST", "/token/refresh", json: Self.body(third))
        #expect(newest.status == 401)
        #expect(newest.error == "invalid_grant")
        #expect(Self.states(t) == ["revoked", "spent", "spent"])
    }

    @Test func anotherLoginsFamilySurvivesAReplayInThisOne() throws {
        let t = try TestApp()
        let phone = t.tokenLogin(), laptop = t.tokenLogin()
        _ = t.call("POST", "/token/refresh", json: Self.body(phone.refresh))
        #expect(t.call("POST", "/token/refresh", json: Self.body(phone.refresh)).status == 401)
        #expect(t.call("POST", "/token/refresh", json: Self.body(laptop.refresh)).status == 200)
    }

    @Test(
        "An unknown or malformed refresh token is refused",
        arguments: [
            (#"{"refresh_token":"not-a-token"}"#, 401, "invalid_grant"), (#"{"refresh_token":""}"#, 401, "invalid_grant"),
            ("{}", 400, "invalid_request"), ("nope", 400, "invalid_request"),
        ])
    func unknownRefreshTokenIsRefused(body: String, status: Int, code: String) throws {
        let t = try TestApp()
        _ = t.tokenLogin()
        let reply = t.call("POST", "/token/refresh", json: body)
        #expect(reply.status == status)
        #expect(reply.error == code)
        #expect(Self.states(t) == ["active"])
    }

    @Test func anAccessTokenIsNotARefreshToken() throws {
        let t = try TestApp()
        let pair = t.tokenLogin()
        #expect(t.call("POST", "/token/refresh", json: Self.body(pair.access)).status == 401)
    }

    @Test(
        "A refresh token lives fourteen days",
        arguments: [(1_209_599, 200), (1_209_601, 401)] as [(Double, Int)])
    func refreshTokenExpires(advanceSeconds: Double, status: Int) throws {
        let t = try TestApp()
        let pair = t.tokenLogin()
        t.clock.advance(seconds: advanceSeconds)
        let reply = t.call("POST", "/token/refresh", json: Self.body(pair.refresh))
        #expect(reply.status == status)
        if status == 401 { #expect(reply.error == "invalid_grant") }
    }

    @Test func logoutRevokesTheFamilyButTheAccessTokenLivesUntilExp() throws {
        let t = try TestApp()
        let pair = t.tokenLogin()
        let logout = t.call("POST", "/token/logout", headers: [("Authorization", "Bearer " + pair.access)], json: Self.body(pair.refresh))
        #expect(logout.status == 204)
        #expect(logout.response.body.isEmpty)
        #expect(t.call("POST", "/token/refresh", json: Self.body(pair.refresh)).status == 401)
        // Stateless: nothing can recall the access token before it expires.
        #expect(t.token("GET", "/token/me", token: pair.access).status == 200)
        t.clock.advance(seconds: 200)
        #expect(t.token("POST", "/token/cart/items", token: pair.access, json: #"{"book_id":1,"qty":1}"#).status == 200)
        t.clock.advance(seconds: 131)
        #expect(t.token("GET", "/token/me", token: pair.access).status == 401)
        #expect((t.inspectedDatabase["revoked_jtis"] as? [Any])?.isEmpty == true)
    }

    @Test func logoutWithAnUnknownRefreshTokenIs401InvalidGrant() throws {
        let t = try TestApp()
        let reply = t.call("POST", "/token/logout", json: Self.body("unknown"))
        #expect(reply.status == 401)
        #expect(reply.error == "invalid_grant")
    }

    @Test func withTheDenylistLogoutKillsTheAccessTokenAtOnce() throws {
        let t = try TestApp { $0.revocation = .denylist }
        let pair = t.tokenLogin(), other = t.tokenLogin()
        #expect(t.token("GET", "/token/me", token: pair.access).status == 200)
        let logout = t.call("POST", "/token/logout", headers: [("Authorization", "Bearer " + pair.access)], json: Self.body(pair.refresh))
        #expect(logout.status == 204)
        let after = t.token("GET", "/token/me", token: pair.access)
        #expect(after.status == 401)
        #expect(after.error == "invalid_token")
        #expect(after.header("WWW-Authenticate")?.contains(#"error="invalid_token""#) == true)
        let jti = Forge.object(Forge.parts(pair.access)[1])["jti"] as? String
        let revoked = try #require(t.inspectedDatabase["revoked_jtis"] as? [[String: Any]])
        #expect(revoked.map { $0["jti"] as? String } == [jti])
        // Only that token: another login's token still works.
        #expect(t.token("GET", "/token/me", token: other.access).status == 200)
    }

    @Test func withTheDenylistLogoutWithoutTheAccessTokenDenylistsNothing() throws {
        let t = try TestApp { $0.revocation = .denylist }
        let pair = t.tokenLogin()
        #expect(t.call("POST", "/token/logout", json: Self.body(pair.refresh)).status == 204)
        #expect(t.token("GET", "/token/me", token: pair.access).status == 200)
        #expect((t.inspectedDatabase["revoked_jtis"] as? [Any])?.isEmpty == true)
    }
}
