import AppTestSupport
import Foundation
import Testing

/// The cart, checkout and order routes under `/token`: the same bodies and
/// errors as under `/session`, but the cart lives in SQLite, keyed by `sub`.
@Suite struct TokenCartRouteTests {
    @Test func meShowsTheClaimsBesideTheUserAsTheDatabaseKnowsThem() throws {
        let t = try TestApp()
        let reply = t.token("GET", "/token/me", token: t.tokenLogin().access)
        #expect(reply.status == 200)
        let claims = try #require(reply.json["claims"] as? [String: Any])
        let user = try #require(reply.json["user"] as? [String: Any])
        #expect(claims["sub"] as? String == "42")
        #expect(user["id"] as? Int == 42)
        #expect(user["username"] as? String == "edgaras")
        #expect(user["role"] as? String == "USER")
        #expect(user["scopes"] as? [String] == ["read:books", "read:orders", "write:cart", "write:orders"])
    }

    @Test func theCartIsStoredInSQLiteUnderTheTokensSubject() throws {
        let t = try TestApp()
        let access = t.tokenLogin().access
        let set = t.token("POST", "/token/cart/items", token: access, json: #"{"book_id":1,"qty":3}"#)
        #expect(set.status == 200)
        let items = try #require(set.json["items"] as? [[String: Any]])
        #expect(items.count == 1)
        #expect(items.first?["book_id"] as? Int == 1)
        #expect(items.first?["qty"] as? Int == 3)
        #expect(items.first?["title"] is String)
        let price = try #require(items.first?["price_cents"] as? Int)
        #expect(set.json["total_cents"] as? Int == 3 * price)
        let carts = try #require(t.inspectedDatabase["carts"] as? [[String: Any]])
        #expect(carts.count == 1)
        #expect(carts.first?["user_id"] as? Int == 42)
        #expect(carts.first?["book_id"] as? Int == 1)
        #expect(carts.first?["qty"] as? Int == 3)
        // A second login (a new token, no shared memory) sees the same cart.
        let again = t.token("GET", "/token/cart", token: t.tokenLogin().access)
        #expect(again.text == set.text)
    }

    @Test func settingALineAgainReplacesItsQuantityAndDeleteRemovesIt() throws {
        let t = try TestApp()
        let access = t.tokenLogin().access
        _ = t.token("POST", "/token/cart/items", token: access, json: #"{"book_id":1,"qty":3}"#)
        _ = t.token("POST", "/token/cart/items", token: access, json: #"{"book_id":2,"qty":1}"#)
        let replaced = t.token("POST", "/token/cart/items", token: access, json: #"{"book_id":1,"qty":5}"#)
        let lines = try #require(replaced.json["items"] as? [[String: Any]])
        #expect(lines.map { $0["qty"] as? Int } == [5, 1])
        let removed = t.token("DELETE", "/token/cart/items/1", token: access)
        #expect(removed.status == 200)
        #expect((removed.json["items"] as? [[String: Any]])?.map { $0["book_id"] as? Int } == [2])
    }

    @Test(
        "Cart errors match the session side",
        arguments: [
            (#"{"book_id":9999,"qty":1}"#, 404, "unknown_book"), (#"{"book_id":1,"qty":0}"#, 400, "invalid_request"),
            (#"{"book_id":1,"qty":100}"#, 400, "invalid_request"), (#"{"book_id":1,"qty":-1}"#, 400, "invalid_request"),
            (#"{"book_id":1,"qty":"3"}"#, 400, "invalid_request"), (#"{"book_id":1}"#, 400, "invalid_request"),
            ("not json", 400, "invalid_request"),
        ])
    func cartErrorsMatchTheSessionSide(body: String, status: Int, code: String) throws {
        let t = try TestApp()
        let tokenReply = t.token("POST", "/token/cart/items", token: t.tokenLogin().access, json: body)
        let sessionReply = t.session("POST", "/session/cart/items", sid: t.sessionLogin(), json: body)
        #expect(tokenReply.status == status)
        #expect(tokenReply.error == code)
        #expect(sessionReply.status == tokenReply.status)
        #expect(sessionReply.error == tokenReply.error)
        #expect((t.inspectedDatabase["carts"] as? [Any])?.isEmpty == true)
    }

    @Test func checkoutWritesAnOrderEmptiesTheCartAndListsItForTheOwnerOnly() throws {
        let t = try TestApp()
        let access = t.tokenLogin().access
        _ = t.token("POST", "/token/cart/items", token: access, json: #"{"book_id":1,"qty":2}"#)
        let checkout = t.token("POST", "/token/checkout", token: access)
        #expect(checkout.status == 201)
        let order = try #require(checkout.json["order"] as? [String: Any])
        let id = try #require(order["id"] as? Int)
        #expect((order["items"] as? [[String: Any]])?.first?["qty"] as? Int == 2)
        #expect(order["total_cents"] is Int)
        #expect(order["created_at"] is String)
        #expect((t.token("GET", "/token/cart", token: access).json["items"] as? [Any])?.isEmpty == true)
        let listed = t.token("GET", "/token/orders", token: access)
        #expect((listed.json["orders"] as? [[String: Any]])?.map { $0["id"] as? Int } == [id])
        let one = t.token("GET", "/token/orders/\(id)", token: access)
        #expect(one.status == 200)
        #expect((one.json["order"] as? [String: Any])?["id"] as? Int == id)
        let orders = try #require(t.inspectedDatabase["orders"] as? [[String: Any]])
        #expect(orders.first?["user_id"] as? Int == 42)

        let other = t.tokenLogin(Account.admin.username, Account.admin.password).access
        let foreign = t.token("GET", "/token/orders/\(id)", token: other)
        #expect(foreign.status == 404)
        #expect(foreign.error == "not_found")
        #expect((t.token("GET", "/token/orders", token: other).json["orders"] as? [Any])?.isEmpty == true)
        #expect(t.token("GET", "/token/orders/99999", token: access).status == 404)
    }

    @Test func checkoutOfAnEmptyCartIs409() throws {
        let t = try TestApp()
        let reply = t.token("POST", "/token/checkout", token: t.tokenLogin().access)
        #expect(reply.status == 409)
        #expect(reply.error == "empty_cart")
    }

    @Test func theSameStepsGiveTheSameBodiesOnBothSides() throws {
        let t = try TestApp()
        let access = t.tokenLogin().access
        let sid = t.sessionLogin()
        let steps: [(String, String, String?)] = [
            ("POST", "/cart/items", #"{"book_id":3,"qty":2}"#), ("POST", "/cart/items", #"{"book_id":1,"qty":1}"#),
            ("DELETE", "/cart/items/3", nil), ("GET", "/cart", nil), ("POST", "/cart/items", #"{"book_id":2,"qty":4}"#),
        ]
        for (method, path, body) in steps {
            let viaToken = t.token(method, "/token" + path, token: access, json: body)
            let viaSession = t.session(method, "/session" + path, sid: sid, json: body)
            #expect(viaToken.status == viaSession.status, "\(method) \(path)")
            #expect(viaToken.text == viaSession.text, "\(method) \(path)")
        }
        let tokenOrder = t.token("POST", "/token/checkout", token: access).json["order"] as? [String: Any]
        let sessionOrder = t.session("POST", "/session/checkout", sid: sid).json["order"] as? [String: Any]
        #expect(tokenOrder?["total_cents"] as? Int == sessionOrder?["total_cents"] as? Int)
        #expect((tokenOrder?["items"] as? [[String: Any]])?.count == (sessionOrder?["items"] as? [[String: Any]])?.count)
    }
}
