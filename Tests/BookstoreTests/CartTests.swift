import Testing

@testable import Bookstore

@Suite struct CartTests {
    @Test func settingALineTwiceReplacesItsQuantity() throws {
        var cart = Cart()
        try cart.set(bookID: 1, qty: 2)
        try cart.set(bookID: 1, qty: 5)
        #expect(cart.lines == [Cart.Line(bookID: 1, qty: 5)])
        #expect(cart.unitCount == 5)
    }

    @Test(arguments: [0, -1, 100, Int.max])
    func quantityOutsideOneToNinetyNineIsRefused(qty: Int) {
        var cart = Cart()
        #expect(throws: CartError.invalidQuantity(qty)) { try cart.set(bookID: 1, qty: qty) }
        #expect(cart.isEmpty)
    }

    @Test func totalIsInIntegerCents() throws {
        var cart = Cart()
        try cart.set(bookID: 1, qty: 3)
        try cart.set(bookID: 2, qty: 1)
        #expect(cart.totalCents(prices: [1: 1499, 2: 2999]) == 3 * 1499 + 2999)
        cart.remove(bookID: 1)
        #expect(cart.totalCents(prices: [1: 1499, 2: 2999]) == 2999)
        cart.clear()
        #expect(cart.isEmpty)
    }
}
