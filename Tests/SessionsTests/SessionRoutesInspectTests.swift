import AppTestSupport
import COpenSSL
import Foundation
import Testing

/// The memory half of `/api/inspect`: what the coat-check holds, with every
/// ticket shown only as a SHA-256 prefix, never as the cookie value itself.
@Suite struct SessionRoutesInspectTests {
    /// The first 8 hex characters of SHA-256(`text`), computed with OpenSSL
    /// independently of the server's own hashing.
    static func sha256Prefix(_ text: String) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        let bytes = Array(text.utf8)
        _ = SHA256(bytes, bytes.count, &digest)
        return digest.prefix(4).map { String(format: "%02x", $0) }.joined()
    }

    @Test func inspectShowsEachSessionByHashPrefixWithItsCartAndNeverTheRawID() throws {
        let app = try TestApp()
        let edgaras = app.sessionLogin()
        let reader = app.sessionLogin("reader", "reader-demo")
        _ = app.setLine(edgaras, book: 1, qty: 3)
        _ = app.session("POST", "/session/checkout", sid: edgaras)
        _ = app.setLine(edgaras, book: 2, qty: 1)
        _ = app.session("GET", "/session/me", sid: reader)

        let reply = app.inspect()
        #expect(reply.status == 200)
        #expect(!reply.text.contains(edgaras))
        #expect(!reply.text.contains(reader))
        let memory = try #require(reply.json["memory"] as? [String: Any])
        #expect(memory["count"] as? Int == 2)
        #expect((memory["approx_bytes"] as? Int ?? 0) > 0)
        let sessions = try #require(memory["sessions"] as? [[String: Any]])
        let byPrefix = Dictionary(uniqueKeysWithValues: sessions.map { ($0["sid_sha256_prefix"] as? String ?? "", $0) })
        #expect(Set(byPrefix.keys) == [Self.sha256Prefix(edgaras), Self.sha256Prefix(reader)])

        let mine = try #require(byPrefix[Self.sha256Prefix(edgaras)])
        #expect(mine["user_id"] as? Int == 42)
        #expect(mine["username"] as? String == "edgaras")
        #expect(mine["last_page"] as? String == "/session/cart/items")
        let cart = mine["cart"] as? [[String: Any]] ?? []
        #expect(cart.map { [$0["book_id"] as? Int, $0["qty"] as? Int] } == [[2, 1]])
        #expect(mine["created_at"] as? String != nil)
        #expect(mine["last_seen_at"] as? String != nil)
        #expect(byPrefix[Self.sha256Prefix(reader)]?["last_page"] as? String == "/session/me")
    }

    @Test func approximateBytesGrowWithTheTableAndCountFollowsLogout() throws {
        let app = try TestApp()
        let first = app.sessionLogin()
        let oneSession = app.inspectMemory["approx_bytes"] as? Int ?? 0
        let more = (0..<50).map { _ in app.sessionLogin() }
        let memory = app.inspectMemory
        #expect(memory["count"] as? Int == 51)
        #expect((memory["approx_bytes"] as? Int ?? 0) > oneSession)
        for sid in more { _ = app.session("POST", "/session/logout", sid: sid) }
        #expect(app.inspectMemory["count"] as? Int == 1)
        #expect((app.inspectMemory["sessions"] as? [[String: Any]])?.first?["sid_sha256_prefix"] as? String == Self.sha256Prefix(first))
    }
}
