import SQLiteStore

extension Bookstore {
    /// The whole catalog, by id.
    package func books() throws -> [Book] {
        try pool.read { db in try db.query("SELECT id, title, author, price_cents FROM books ORDER BY id").map(Self.book) }
    }

    package func book(id: Int) throws -> Book? {
        try pool.read { db in try Self.book(id: id, in: db) }
    }

    /// Checks a cart change before anyone applies it: `.invalidQuantity` for a
    /// qty outside 1...99, `.unknownBook` for a book not in the catalog. The
    /// session side calls this before changing its in-memory cart.
    package func validateLine(bookID: Int, qty: Int) throws {
        guard Cart.quantityRange.contains(qty) else { throw BookstoreError.invalidQuantity }
        guard try book(id: bookID) != nil else { throw BookstoreError.unknownBook }
    }

    /// The cart with current titles and unit prices, and its total in cents.
    /// A line whose book has left the catalog is `.unknownBook`.
    package func priced(_ cart: Cart) throws -> PricedCart {
        try pool.read { db in try Self.priced(cart, in: db) }
    }

    static func priced(_ cart: Cart, in db: Connection) throws -> PricedCart {
        var items: [PricedCartItem] = []
        for line in cart.lines {
            guard let book = try book(id: line.bookID, in: db) else { throw BookstoreError.unknownBook }
            items.append(PricedCartItem(bookID: book.id, title: book.title, qty: line.qty, priceCents: book.priceCents))
        }
        return PricedCart(items: items, totalCents: items.reduce(0) { $0 + $1.qty * $1.priceCents })
    }

    static func book(id: Int, in db: Connection) throws -> Book? {
        try db.queryFirst("SELECT id, title, author, price_cents FROM books WHERE id = ?", [id]).map(book)
    }

    static func book(_ row: Row) throws -> Book {
        Book(id: try row.int(0), title: try row.text(1), author: try row.text(2), priceCents: try row.int(3))
    }
}
