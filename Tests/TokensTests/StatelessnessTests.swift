import AppTestSupport
import Foundation
import JWT
import Testing

/// The passport side keeps nothing per user in memory, and `/api/inspect`
/// never shows a usable secret.
@Suite struct StatelessnessTests {
    @Test func aBurstOfTokenTrafficLeavesTheMemoryEmptyAndSecretsHashed() throws {
        let t = try TestApp()
        var refreshTokens: [String] = []
        var accessTokens: [String] = []
        for (username, password) in [Account.edgaras, Account.admin, Account.edgaras] {
            let pair = t.tokenLogin(username, password)
            accessTokens.append(pair.access)
            #expect(t.token("POST", "/token/cart/items", token: pair.access, json: #"{"book_id":2,"qty":2}"#).status == 200)
            #expect(t.token("POST", "/token/checkout", token: pair.access).status == 201)
            #expect(t.token("GET", "/token/me", token: pair.access).status == 200)
            #expect(t.token("GET", "/token/orders", token: pair.access).status == 200)
            let next = t.call("POST", "/token/refresh", json: #"{"refresh_token":"\#(pair.refresh)"}"#).json
            refreshTokens += [pair.refresh, next["refresh_token"] as? String ?? ""]
            accessTokens.append(next["access_token"] as? String ?? "")
        }
        let inspect = t.call("GET", "/api/inspect")
        let memory = try #require(inspect.json["memory"] as? [String: Any])
        #expect(memory["count"] as? Int == 0)
        #expect((memory["sessions"] as? [Any])?.isEmpty == true)

        let rows = try #require((inspect.json["database"] as? [String: Any])?["refresh_tokens"] as? [[String: Any]])
        #expect(rows.count == 6)
        let prefixes = Set(rows.compactMap { $0["token_sha256_prefix"] as? String })
        #expect(prefixes.allSatisfy { $0.count == 8 && $0.allSatisfy(\.isHexDigit) && $0 == $0.lowercased() })
        #expect(prefixes == Set(refreshTokens.map { String(SHA256.hex(Array($0.utf8)).prefix(8)) }))
        for secret in refreshTokens + accessTokens {
            #expect(!secret.isEmpty)
            #expect(!inspect.text.contains(secret))
            #expect(!inspect.text.contains(String(secret.prefix(16))))
        }
        #expect(inspect.header("Cache-Control") == "no-store")
    }
}
