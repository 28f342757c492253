import AppTestSupport
import Foundation
import HTTPServer
import JWT
import Testing

/// The attack table, sent over real sockets: every forged, bent or malformed
/// token is answered 401 `invalid_token`, never 200 and never a 5xx.
@Suite struct TokenAttackTests {
    @Test("Over HTTP, a forged token is 401 invalid_token", arguments: TokenAttack.all)
    func forgedTokenIsRefused(attack: TokenAttack) throws {
        let t = try TestApp()
        let client = try t.start()
        defer { t.stop() }
        let genuine = TokenAttack.Genuine(
            access: t.tokenLogin().access, other: t.tokenLogin(Account.reader.username, Account.reader.password).access)
        // The control: the genuine token passes on this very server, so a 401 below is the attack's doing.
        #expect(try client.send("GET", "/token/me", headers: [("Authorization", "Bearer " + genuine.access)]).status == 200)

        let answer = try client.send("GET", "/token/me", headers: try attack.forge(t, genuine))
        #expect(answer.status == 401, "\(attack): \(answer.text)")
        #expect(answer.json["error"] as? String == "invalid_token")
        #expect(answer.headers["WWW-Authenticate"]?.hasPrefix(#"Bearer realm="bookstore", error="invalid_token""#) == true)
        // The same token gets nowhere near an admin-only route either.
        let admin = try client.send("POST", "/token/introspect", headers: try attack.forge(t, genuine), json: #"{"token":"x"}"#)
        #expect(admin.status == 401)
    }

    @Test func theAttackTableHasNoDuplicateRows() {
        let names = TokenAttack.all.map(\.description)
        #expect(Set(names).count == names.count)
        #expect(names.count >= 45)
    }

    @Test func a100KBTokenIsRefusedOverHTTPAndInProcess() throws {
        let t = try TestApp()
        let client = try t.start()
        defer { t.stop() }
        let access = t.tokenLogin().access
        let huge = access + String(repeating: "A", count: 100 * 1024)
        let answer = try client.send("GET", "/token/me", headers: [("Authorization", "Bearer " + huge)])
        // Past api.md's 16 KiB head limit the HTTP layer answers first.
        #expect(answer.status == 431, "got \(answer.status)")
        // Between the 8 KiB token cap and the 16 KiB head limit, the token layer refuses it.
        let large = access + "." + String(repeating: "A", count: 12 * 1024)
        let refused = try client.send("GET", "/token/me", headers: [("Authorization", "Bearer " + large)])
        #expect(refused.status == 401)
        #expect(refused.json["error"] as? String == "invalid_token")
        // The router alone (no header limit in the way) still refuses it.
        let direct = t.call("GET", "/token/me", headers: [("Authorization", "Bearer " + huge)])
        #expect(direct.status == 401)
        #expect(direct.error == "invalid_token")
        // And the server is still up.
        #expect(try client.send("GET", "/token/me", headers: [("Authorization", "Bearer " + access)]).status == 200)
    }

    @Test func aValid7KBTokenSignedByTheServerIsAcceptedSoTheCapIsNotTooTight() throws {
        let t = try TestApp()
        var claims = Forge.object(Forge.parts(t.tokenLogin().access)[1])
        claims["pad"] = String(repeating: "x", count: 5_000)
        let token = try Forge.sign(header: Forge.header(kid: t.signingKey.kid), payload: Forge.json(claims), with: t.signingKey)
        #expect(token.utf8.count > 6_900)
        #expect(t.token("GET", "/token/me", token: token).status == 200)
    }
}
