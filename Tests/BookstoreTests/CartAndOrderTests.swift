import Foundation
import SQLiteStore
import Testing

@testable import Bookstore

@Suite struct CartAndOrderTests {
    @Test func validateLineRefusesUnknownBooksAndQuantitiesOutsideOneToNinetyNine() throws {
        try withBookstore { store, _ in
            try store.validateLine(bookID: 1, qty: 99)
            #expect(throws: BookstoreError.unknownBook) { try store.validateLine(bookID: 9999, qty: 1) }
            #expect(throws: BookstoreError.invalidQuantity) { try store.validateLine(bookID: 1, qty: 0) }
            #expect(throws: BookstoreError.invalidQuantity) { try store.validateLine(bookID: 1, qty: 100) }
        }
    }

    @Test func aStoredCartKeepsLinesInFirstAddedOrderAndPricesThemInCents() throws {
        try withBookstore { store, _ in
            _ = try store.setStoredCartLine(userID: 42, bookID: 2, qty: 1)
            _ = try store.setStoredCartLine(userID: 42, bookID: 1, qty: 1)
            let cart = try store.setStoredCartLine(userID: 42, bookID: 2, qty: 3)
            #expect(cart.lines == [Cart.Line(bookID: 2, qty: 3), Cart.Line(bookID: 1, qty: 1)])
            let priced = try store.priced(cart)
            #expect(priced.totalCents == 3 * BookstoreSeed.books[1].priceCents + 1499)
            #expect(try store.removeStoredCartLine(userID: 42, bookID: 2).lines == [Cart.Line(bookID: 1, qty: 1)])
            #expect(try store.removeStoredCartLine(userID: 42, bookID: 2).lines == [Cart.Line(bookID: 1, qty: 1)])
            #expect(try store.storedCart(userID: 7).isEmpty)
        }
    }

    @Test func storedCartChangesRefuseBadInputAndChangeNothing() throws {
        try withBookstore { store, _ in
            #expect(throws: BookstoreError.unknownBook) { try store.setStoredCartLine(userID: 42, bookID: 9999, qty: 1) }
            #expect(throws: BookstoreError.invalidQuantity) { try store.setStoredCartLine(userID: 42, bookID: 1, qty: 0) }
            #expect(throws: BookstoreError.unknownUser) { try store.setStoredCartLine(userID: 9999, bookID: 1, qty: 1) }
            let cart = try store.storedCart(userID: 42)
            #expect(cart.isEmpty)
        }
    }

    @Test func checkingOutThreeOfBookOneMakesApiMdsExampleOrder() throws {
        try withBookstore { store, _ in
            let order = try store.checkout(userID: 42, cart: Cart(lines: [Cart.Line(bookID: 1, qty: 3)]))
            #expect(order.totalCents == 4497)
            #expect(order.items == [OrderItem(bookID: 1, title: "The Pragmatic Programmer", qty: 3, priceCents: 1499)])
            #expect(order.createdAt == fixedNow)
            #expect(try store.orders(userID: 42) == [order])
            #expect(try store.order(id: order.id, userID: 42) == order)
        }
    }

    @Test func checkoutCopiesPricesSoLaterCatalogChangesDoNotRewriteOrders() throws {
        try withBookstore { store, _ in
            let order = try store.checkout(userID: 42, cart: Cart(lines: [Cart.Line(bookID: 1, qty: 1)]))
            try store.pool.write { try $0.execute("UPDATE books SET price_cents = ?, title = ? WHERE id = 1", [1, "New"]) }
            #expect(try store.order(id: order.id, userID: 42)?.items.first?.priceCents == 1499)
            #expect(try store.order(id: order.id, userID: 42)?.items.first?.title == "The Pragmatic Programmer")
        }
    }

    @Test func anEmptyCartCannotBeCheckedOut() throws {
        try withBookstore { store, _ in
            #expect(throws: BookstoreError.emptyCart) { try store.checkout(userID: 42, cart: Cart()) }
            #expect(throws: BookstoreError.emptyCart) { try store.checkoutStoredCart(userID: 42) }
            let orders = try store.orders(userID: 42)
            #expect(orders.isEmpty)
        }
    }

    @Test func anotherUsersOrderIsNotReachable() throws {
        try withBookstore { store, _ in
            let order = try store.checkout(userID: 42, cart: Cart(lines: [Cart.Line(bookID: 1, qty: 1)]))
            #expect(try store.order(id: order.id, userID: 7) == nil)
            #expect(try store.orders(userID: 7).isEmpty)
            #expect(try store.order(id: order.id + 1, userID: 42) == nil)
        }
    }

    @Test func storedCheckoutPlacesTheOrderAndEmptiesTheCartTogether() throws {
        try withBookstore { store, _ in
            _ = try store.setStoredCartLine(userID: 42, bookID: 1, qty: 3)
            let order = try store.checkoutStoredCart(userID: 42)
            #expect(order.totalCents == 4497)
            #expect(try store.storedCart(userID: 42).isEmpty)
        }
    }

    /// A trigger makes the second order_items insert fail, halfway through checkout.
    @Test func aCheckoutFailingHalfwayLeavesNoPartialOrderAndTheCartIntact() throws {
        try withBookstore { store, _ in
            _ = try store.setStoredCartLine(userID: 42, bookID: 1, qty: 2)
            _ = try store.setStoredCartLine(userID: 42, bookID: 2, qty: 1)
            try store.pool.withConnection { db in
                try db.execute(
                    """
                    CREATE TRIGGER fail_second_item BEFORE INSERT ON order_items WHEN NEW.book_id = 2
                    BEGIN SELECT RAISE(ABORT, 'injected failure'); END
                    """)
            }
            let error = try #require(throws: SQLiteError.self) { try store.checkoutStoredCart(userID: 42) }
            #expect(error.message.contains("injected failure"))
            let counts = try store.pool.read { db in
                (
                    try db.queryFirst("SELECT count(*) FROM orders")!.int(0),
                    try db.queryFirst("SELECT count(*) FROM order_items")!.int(0)
                )
            }
            #expect(counts == (0, 0))
            #expect(try store.storedCart(userID: 42).lines == [Cart.Line(bookID: 1, qty: 2), Cart.Line(bookID: 2, qty: 1)])
        }
    }
}
