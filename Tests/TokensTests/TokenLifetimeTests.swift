import AppTestSupport
import Foundation
import Testing

/// Time checks with the injected clock: a token lives `exp` plus 30 s of leeway, no longer.
@Suite struct TokenLifetimeTests {
    @Test(
        "A token is good until exp + leeway and refused after",
        arguments: [(0, 200), (299, 200), (329, 200), (330, 401), (331, 401), (86_400, 401)] as [(Double, Int)])
    func expiryHonoursTheLeeway(advanceSeconds: Double, status: Int) throws {
        let t = try TestApp()
        let access = t.tokenLogin().access
        t.clock.advance(seconds: advanceSeconds)
        let reply = t.token("GET", "/token/me", token: access)
        #expect(reply.status == status)
        if status == 401 {
            #expect(reply.error == "invalid_token")
            #expect(reply.header("WWW-Authenticate")?.contains("expired") == true)
        }
    }

    @Test func theLeewayFollowsTheConfiguration() throws {
        let t = try TestApp { $0.leewaySeconds = 0 }
        let access = t.tokenLogin().access
        t.clock.advance(seconds: 299)
        #expect(t.token("GET", "/token/me", token: access).status == 200)
        t.clock.advance(seconds: 1)
        #expect(t.token("GET", "/token/me", token: access).status == 401)
    }

    @Test(
        "nbf in the future is refused beyond the leeway",
        arguments: [(-10, 200), (20, 200), (29, 200), (31, 401), (3_600, 401)] as [(Double, Int)])
    func notBeforeHonoursTheLeeway(nbfOffsetSeconds: Double, status: Int) throws {
        let t = try TestApp()
        var claims = t.claims()
        claims.nbf = t.clock.now.addingTimeInterval(nbfOffsetSeconds)
        let reply = t.token("GET", "/token/me", token: try t.sign(claims))
        #expect(reply.status == status)
        if status == 401 { #expect(reply.header("WWW-Authenticate")?.contains("not valid yet") == true) }
    }

    @Test func aTokenWeSignOurselvesWithTheServersKeyIsAcceptedSoTheForgeryTestsCanFail() throws {
        let t = try TestApp()
        let reply = t.token("GET", "/token/me", token: try t.sign(t.claims()))
        #expect(reply.status == 200)
        #expect((reply.json["user"] as? [String: Any])?["username"] as? String == "edgaras")
    }

    @Test func aTokenForADeletedUserIsRefusedOnRoutesThatNeedTheUser() throws {
        let t = try TestApp()
        let token = try t.sign(t.claims(sub: "999"))
        let cart = t.token("POST", "/token/cart/items", token: token, json: #"{"book_id":1,"qty":1}"#)
        #expect(cart.status != 200)
        #expect(cart.status < 500)
    }
}
