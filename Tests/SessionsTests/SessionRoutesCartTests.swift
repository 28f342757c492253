import AppTestSupport
import Foundation
import Testing

/// `/session/me`, the cart held in the session entry, checkout and orders.
@Suite struct SessionRoutesCartTests {
    @Test func meShowsTheUserThePreviousPathAndTheUnitCount() throws {
        let app = try TestApp()
        let sid = app.sessionLogin()
        let first = app.session("GET", "/session/me", sid: sid)
        #expect(first.status == 200)
        #expect(first.user["id"] as? Int == 42)
        #expect(first.json["last_page"] as? String == "/session/login")
        #expect(first.json["cart_items"] as? Int == 0)
        #expect(app.setLine(sid, book: 1, qty: 3).status == 200)
        #expect(app.setLine(sid, book: 2, qty: 2).status == 200)
        let me = app.session("GET", "/session/me", sid: sid)
        #expect(me.json["last_page"] as? String == "/session/cart/items")
        #expect(me.json["cart_items"] as? Int == 5)
        #expect(app.session("POST", "/session/checkout", sid: sid).status == 201)
        let afterCheckout = app.session("GET", "/session/me", sid: sid)
        #expect(afterCheckout.json["last_page"] as? String == "/session/checkout")
        #expect(afterCheckout.json["cart_items"] as? Int == 0)
        #expect(app.session("GET", "/session/me", sid: sid).json["last_page"] as? String == "/session/me")
    }

    @Test func lastPageIsThePathWithoutTheQuery() throws {
        let app = try TestApp()
        let sid = app.sessionLogin()
        _ = app.session("GET", "/session/orders?secret=do-not-keep", sid: sid)
        let me = app.session("GET", "/session/me", sid: sid)
        #expect(me.json["last_page"] as? String == "/session/orders")
        #expect(!app.inspect().text.contains("do-not-keep"))
    }

    @Test func lastPageIsPerSessionNotPerUser() throws {
        let app = try TestApp()
        let phone = app.sessionLogin()
        let laptop = app.sessionLogin()
        _ = app.session("GET", "/session/orders", sid: phone)
        _ = app.session("GET", "/session/cart", sid: laptop)
        #expect(app.session("GET", "/session/me", sid: phone).json["last_page"] as? String == "/session/orders")
        #expect(app.session("GET", "/session/me", sid: laptop).json["last_page"] as? String == "/session/cart")
    }

    @Test func setLineSetsTheQuantityAndAnswersThePricedCart() throws {
        let app = try TestApp()
        let sid = app.sessionLogin()
        #expect(app.session("GET", "/session/cart", sid: sid).json["items"] as? [Any] != nil)
        #expect(app.session("GET", "/session/cart", sid: sid).json["total_cents"] as? Int == 0)
        let books = app.call("GET", "/api/books").json["books"] as? [[String: Any]] ?? []
        let price = try #require(books.first { $0["id"] as? Int == 1 }?["price_cents"] as? Int)
        let added = app.setLine(sid, book: 1, qty: 2)
        #expect(added.status == 200)
        let items = try #require(added.json["items"] as? [[String: Any]])
        #expect(items.count == 1)
        #expect(items[0]["book_id"] as? Int == 1)
        #expect(items[0]["qty"] as? Int == 2)
        #expect(items[0]["price_cents"] as? Int == price)
        #expect(items[0]["title"] as? String == books.first { $0["id"] as? Int == 1 }?["title"] as? String)
        #expect(added.json["total_cents"] as? Int == 2 * price)
        #expect(app.setLine(sid, book: 1, qty: 5).status == 200)
        #expect(app.cartLines(sid) == [1: 5])
        #expect(app.setLine(sid, book: 1, qty: 99).status == 200)
        #expect(app.setLine(sid, book: 3, qty: 1).status == 200)
        #expect(app.cartLines(sid) == [1: 99, 3: 1])
    }

    @Test func anUnknownBookIs404UnknownBookAndLeavesTheCart() throws {
        let app = try TestApp()
        let sid = app.sessionLogin()
        #expect(app.setLine(sid, book: 1, qty: 1).status == 200)
        let reply = app.setLine(sid, book: 9_999, qty: 1)
        #expect(reply.status == 404)
        #expect(reply.error == "unknown_book")
        #expect(app.cartLines(sid) == [1: 1])
    }

    @Test(arguments: [
        #"{"book_id":1,"qty":0}"#, #"{"book_id":1,"qty":100}"#, #"{"book_id":1,"qty":-1}"#, #"{"book_id":1,"qty":"3"}"#,
        #"{"book_id":1}"#, #"{"qty":3}"#, #"{"book_id":"1","qty":3}"#, #"{"book_id":1,"qty":2.5}"#, #"{"book_id":1,"qty":null}"#,
        "{", "",
    ])
    func aBadLineBodyIs400InvalidRequestAndLeavesTheCart(body: String) throws {
        let app = try TestApp()
        let sid = app.sessionLogin()
        #expect(app.setLine(sid, book: 1, qty: 4).status == 200)
        let reply = app.session("POST", "/session/cart/items", sid: sid, json: body)
        #expect(reply.status == 400)
        #expect(reply.error == "invalid_request")
        #expect(app.cartLines(sid) == [1: 4])
    }

    @Test func deleteRemovesTheLineAndIsIdempotent() throws {
        let app = try TestApp()
        let sid = app.sessionLogin()
        _ = app.setLine(sid, book: 1, qty: 2)
        _ = app.setLine(sid, book: 2, qty: 1)
        let reply = app.session("DELETE", "/session/cart/items/1", sid: sid)
        #expect(reply.status == 200)
        #expect((reply.json["items"] as? [[String: Any]])?.map { $0["book_id"] as? Int } == [2])
        #expect(app.session("DELETE", "/session/cart/items/1", sid: sid).status == 200)
        #expect(app.cartLines(sid) == [2: 1])
    }

    @Test(arguments: ["abc", "1x", "-1", "99999999999999999999999"])
    func deleteWithANonNumericIdIs404(id: String) throws {
        let app = try TestApp()
        let sid = app.sessionLogin()
        _ = app.setLine(sid, book: 1, qty: 2)
        #expect(app.session("DELETE", "/session/cart/items/\(id)", sid: sid).status == 404)
        #expect(app.cartLines(sid) == [1: 2])
    }

    @Test func checkoutIs201WritesTheOrderToSQLiteAndEmptiesTheCart() throws {
        let app = try TestApp()
        let sid = app.sessionLogin()
        let cart = app.setLine(sid, book: 1, qty: 3)
        _ = app.setLine(sid, book: 2, qty: 1)
        let total = app.session("GET", "/session/cart", sid: sid).json["total_cents"] as? Int
        #expect(cart.status == 200)
        let reply = app.session("POST", "/session/checkout", sid: sid)
        #expect(reply.status == 201)
        let id = try #require(reply.order["id"] as? Int)
        #expect(reply.order["total_cents"] as? Int == total)
        #expect((reply.order["items"] as? [Any])?.count == 2)
        #expect(reply.order["created_at"] as? String != nil)
        #expect(app.cartLines(sid).isEmpty)
        let stored = app.inspectOrders
        #expect(stored.count == 1)
        #expect(stored.first?["id"] as? Int == id)
        #expect(stored.first?["user_id"] as? Int == 42)
        #expect(stored.first?["total_cents"] as? Int == total)
    }

    @Test func checkoutOfAnEmptyCartIs409EmptyCart() throws {
        let app = try TestApp()
        let sid = app.sessionLogin()
        let reply = app.session("POST", "/session/checkout", sid: sid)
        #expect(reply.status == 409)
        #expect(reply.error == "empty_cart")
        #expect(app.inspectOrders.isEmpty)
    }

    @Test func ordersListOnlyThisUsersOrdersAndAnotherUsersOrderIs404() throws {
        let app = try TestApp()
        let edgaras = app.sessionLogin()
        let admin = app.sessionLogin("admin", "admin-demo")
        _ = app.setLine(edgaras, book: 1, qty: 1)
        let mine = try #require(app.session("POST", "/session/checkout", sid: edgaras).order["id"] as? Int)
        _ = app.setLine(admin, book: 2, qty: 2)
        let theirs = try #require(app.session("POST", "/session/checkout", sid: admin).order["id"] as? Int)
        let list = app.session("GET", "/session/orders", sid: edgaras)
        #expect(list.status == 200)
        #expect((list.json["orders"] as? [[String: Any]])?.map { $0["id"] as? Int } == [mine])
        let own = app.session("GET", "/session/orders/\(mine)", sid: edgaras)
        #expect(own.status == 200)
        #expect(own.order["id"] as? Int == mine)
        for id in ["\(theirs)", "12345", "abc"] {
            let reply = app.session("GET", "/session/orders/\(id)", sid: edgaras)
            #expect(reply.status == 404)
            #expect(reply.error == "not_found")
        }
    }
}
