import Foundation
import Testing

@testable import Bookstore

@Suite struct SnapshotEncodingTests {
    /// The API's JSON style (HTTPServer's JSONCoding), rebuilt here because Bookstore must not import HTTPServer.
    func encode(_ value: some Encodable) throws -> [String: Any] {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        return try JSONSerialization.jsonObject(with: encoder.encode(value)) as! [String: Any]
    }

    @Test func theSnapshotEncodesWithApiMdsKeysAndHashPrefixesOnly() throws {
        try withBookstore { store, _ in
            _ = try store.setStoredCartLine(userID: 42, bookID: 1, qty: 3)
            _ = try store.checkoutStoredCart(userID: 42)
            _ = try store.setStoredCartLine(userID: 42, bookID: 2, qty: 1)
            try store.refreshTokens.insert(hash: [0x9F, 0x2C, 0x01, 0xAA, 0xFF], family: "fam", userID: 42, expiresAt: fixedNow)
            try store.revokedJTIs.add(jti: "j1", expiresAt: fixedNow.addingTimeInterval(60))
            let json = try encode(try store.databaseSnapshot(now: fixedNow))
            #expect(Set(json.keys) == ["carts", "orders", "refresh_tokens", "revoked_jtis"])
            let cart = try #require((json["carts"] as? [[String: Any]])?.first)
            #expect(Set(cart.keys) == ["user_id", "book_id", "qty"])
            let order = try #require((json["orders"] as? [[String: Any]])?.first)
            #expect(Set(order.keys) == ["id", "user_id", "total_cents", "created_at"])
            #expect(order["total_cents"] as? Int == 4497)
            let token = try #require((json["refresh_tokens"] as? [[String: Any]])?.first)
            #expect(Set(token.keys) == ["token_sha256_prefix", "family", "user_id", "expires_at", "state"])
            #expect(token["token_sha256_prefix"] as? String == "9f2c01aa")
            #expect(token["state"] as? String == "active")
            let jti = try #require((json["revoked_jtis"] as? [[String: Any]])?.first)
            #expect(Set(jti.keys) == ["jti", "expires_at"])
        }
    }

    @Test func domainValuesEncodeWithSnakeCaseKeys() throws {
        let item = try encode(PricedCartItem(bookID: 1, title: "t", qty: 1, priceCents: 5))
        #expect(Set(item.keys) == ["book_id", "title", "qty", "price_cents"])
        let order = try encode(Order(id: 1, userID: 42, items: [], totalCents: 0, createdAt: fixedNow))
        #expect(Set(order.keys) == ["id", "user_id", "items", "total_cents", "created_at"])
        #expect(order["created_at"] as? String == "2025-06-15T15:06:40Z")
        let user = try encode(User(id: 1, username: "u", role: "USER", scopes: ["b", "a"]))
        #expect(Set(user.keys) == ["id", "username", "role", "scopes"])
        #expect(user["scopes"] as? [String] == ["a", "b"])
    }
}
