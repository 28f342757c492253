import AppTestSupport
import Foundation
import JWT
import Testing

/// `/api/inspect` with something in every table: the exact api.md shape, and no
/// secret anywhere in the answer (only 8-hex-character SHA-256 prefixes).
@Suite struct InspectRouteTests {
    let app: TestApp
    let sid: String
    let tokens: [String]
    let json: [String: Any]
    let text: String

    /// A session with a cart, a token cart, an order, a spent and an active refresh token, and a revoked jti.
    init() throws {
        app = try TestApp { $0.revocation = .denylist }
        sid = app.sessionLogin()
        _ = app.session("POST", "/session/cart/items", sid: sid, json: #"{"book_id":1,"qty":3}"#)
        _ = app.session("GET", "/session/me", sid: sid)
        let first = app.tokenLogin()
        _ = app.token("POST", "/token/cart/items", token: first.access, json: #"{"book_id":2,"qty":1}"#)
        _ = app.token("POST", "/token/checkout", token: first.access)
        _ = app.token("POST", "/token/cart/items", token: first.access, json: #"{"book_id":3,"qty":2}"#)
        _ = app.call(
            "POST", "/token/logout", headers: [("Authorization", "Bearer \(first.access)")],
            json: #"{"refresh_token":"\#(first.refresh)"}"#)
        let second = app.tokenLogin()
        tokens = [first.access, first.refresh, second.access, second.refresh]
        let reply = app.call("GET", "/api/inspect")
        #expect(reply.status == 200)
        json = reply.json
        text = reply.text
    }

    static let rfc3339UTC = #"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?Z$"#

    static func isTime(_ value: Any?) -> Bool {
        (value as? String)?.range(of: rfc3339UTC, options: .regularExpression) != nil
    }

    static func rows(_ object: Any?, _ key: String) -> [[String: Any]] {
        ((object as? [String: Any])?[key] as? [[String: Any]]) ?? []
    }

    @Test func memoryPartShowsTheSessionByHashPrefix() throws {
        let memory = try #require(json["memory"] as? [String: Any])
        #expect(Set(memory.keys) == ["count", "approx_bytes", "sessions"])
        #expect(memory["count"] as? Int == 1)
        #expect((memory["approx_bytes"] as? Int ?? 0) > 0)
        let session = try #require(Self.rows(memory, "sessions").first)
        #expect(
            Set(session.keys) == ["sid_sha256_prefix", "user_id", "username", "cart", "last_page", "created_at", "last_seen_at"])
        #expect(session["sid_sha256_prefix"] as? String == String(SHA256.hex(Array(sid.utf8)).prefix(8)))
        #expect(session["user_id"] as? Int == 42 && session["username"] as? String == "edgaras")
        let cart = try #require(session["cart"] as? [[String: Any]])
        #expect(cart.count == 1 && cart[0]["book_id"] as? Int == 1 && cart[0]["qty"] as? Int == 3)
        #expect(Set(cart[0].keys) == ["book_id", "qty"])
        #expect(Self.isTime(session["created_at"]) && Self.isTime(session["last_seen_at"]))
    }

    @Test func databasePartHasEveryTableInApiMdShape() throws {
        let database = try #require(json["database"] as? [String: Any])
        #expect(Set(database.keys) == ["carts", "orders", "refresh_tokens", "revoked_jtis"])

        let carts = Self.rows(database, "carts")
        #expect(carts.count == 1)
        #expect(carts.allSatisfy { Set($0.keys) == ["user_id", "book_id", "qty"] })
        #expect(carts.first?["book_id"] as? Int == 3 && carts.first?["qty"] as? Int == 2)

        let orders = Self.rows(database, "orders")
        #expect(orders.count == 1)
        #expect(orders.allSatisfy { Set($0.keys) == ["id", "user_id", "total_cents", "created_at"] && Self.isTime($0["created_at"]) })

        let refresh = Self.rows(database, "refresh_tokens")
        #expect(refresh.count == 2)
        for row in refresh {
            #expect(Set(row.keys) == ["token_sha256_prefix", "family", "user_id", "expires_at", "state"])
            #expect((row["token_sha256_prefix"] as? String)?.range(of: "^[0-9a-f]{8}$", options: .regularExpression) != nil)
            #expect(Self.isTime(row["expires_at"]))
        }
        #expect(Set(refresh.compactMap { $0["state"] as? String }) == ["active", "revoked"])

        let revoked = Self.rows(database, "revoked_jtis")
        #expect(revoked.count == 1)
        #expect(revoked.allSatisfy { Set($0.keys) == ["jti", "expires_at"] && Self.isTime($0["expires_at"]) })
    }

    @Test func inspectNeverShowsASecret() {
        #expect(!sid.isEmpty && tokens.allSatisfy { !$0.isEmpty })
        #expect(!text.contains(sid), "raw session id")
        for token in tokens { #expect(!text.contains(token), "raw token") }
        #expect(!text.lowercased().contains("pbkdf2"), "password hash")
        #expect(!text.contains("PRIVATE KEY"), "key material")
        #expect(!text.contains("\"d\""), "private JWK member")
    }
}
