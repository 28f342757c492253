import AppTestSupport
import Bookstore
import Foundation
import HTTPServer
import Testing

@testable import App

/// The app's conformances for Bookstore's response types write exactly what `JSONEncoder` did.
@Suite struct JSONWritableTests {
    static let users: [User] = JSONWriterCheck.hostileStrings.enumerated().map { index, name in
        User(
            id: index == 0 ? Int.max : index, username: name, role: index.isMultiple(of: 2) ? User.userRole : name,
            scopes: index == 1 ? [] : Array(Scope.all.prefix(index % 6)) + (index == 3 ? [name] : []))
    }

    static let items: [OrderItem] = JSONWriterCheck.hostileStrings.enumerated().map { index, title in
        OrderItem(bookID: index + 1, title: title, qty: index % 3 + 1, priceCents: index * 1_299)
    }

    static let orders: [Order] = [
        Order(id: 1, userID: 2, items: [], totalCents: 0, createdAt: Date(timeIntervalSince1970: 1_796_400_219)),
        Order(id: 2, userID: 3, items: Array(items.prefix(3)), totalCents: 12_345, createdAt: Date(timeIntervalSince1970: 0)),
        Order(id: Int.max, userID: 1, items: items, totalCents: -1, createdAt: Date(timeIntervalSince1970: 951_868_799.75)),
        // Before 1970: the writer hands the date to the encoder, and the bytes still agree.
        Order(id: 4, userID: 4, items: [items[1]], totalCents: 5, createdAt: Date(timeIntervalSince1970: -86_401)),
    ]

    static let books: [Book] = JSONWriterCheck.hostileStrings.enumerated().map { index, text in
        Book(id: index, title: text, author: String(text.reversed()), priceCents: index * 999)
    }

    @Test(arguments: users)
    func userBytesMatchTheEncoder(_ user: User) throws {
        try expectIdenticalBytes(user)
        try expectIdenticalBytes(UserEnvelope(user))
    }

    @Test(arguments: orders)
    func orderBytesMatchTheEncoder(_ order: Order) throws {
        try expectIdenticalBytes(order)
        try expectIdenticalBytes(OrderEnvelope(order))
    }

    @Test(arguments: [[], Array(orders.prefix(1)), orders])
    func ordersEnvelopeBytesMatchTheEncoder(_ list: [Order]) throws {
        try expectIdenticalBytes(OrdersEnvelope(list))
    }

    @Test(arguments: [[], Array(items.prefix(1)), items])
    func pricedCartBytesMatchTheEncoder(_ lines: [OrderItem]) throws {
        try expectIdenticalBytes(PricedCart(items: lines, totalCents: lines.reduce(0) { $0 + $1.qty * $1.priceCents }))
    }

    @Test(arguments: [[], Array(books.prefix(1)), books])
    func booksEnvelopeBytesMatchTheEncoder(_ list: [Book]) throws {
        try expectIdenticalBytes(BooksEnvelope(books: list))
    }

    @Test func liveCatalogAnswerIsUnchanged() throws {
        let app = try TestApp()
        let books = try app.app.store.books()
        #expect(!books.isEmpty)
        #expect(try JSONWriterCheck.responseText(BooksEnvelope(books: books)) == JSONWriterCheck.encoderText(BooksEnvelope(books: books)))
    }

    /// Writer, encoder and the response body all agree, and the response took the writer's path.
    private func expectIdenticalBytes<T: JSONWritable>(_ value: T) throws {
        let expected = try JSONWriterCheck.encoderText(value)
        #expect(try JSONWriterCheck.writerText(value) == expected)
        #expect(try JSONWriterCheck.responseText(value) == expected)
        #expect(JSONWriterCheck.takesWriterPath(value))
    }
}
