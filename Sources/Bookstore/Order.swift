import Foundation

/// A placed order. Titles and prices are copies taken at checkout, so a later
/// catalog change never rewrites history.
/// Encodes as `{"id","user_id","items","total_cents","created_at"}`.
package struct Order: Sendable, Codable, Equatable {
    package var id: Int
    package var userID: Int
    package var items: [OrderItem]
    package var totalCents: Int
    /// Whole seconds (the database stores Unix seconds).
    package var createdAt: Date

    package init(id: Int, userID: Int, items: [OrderItem], totalCents: Int, createdAt: Date) {
        self.id = id
        self.userID = userID
        self.items = items
        self.totalCents = totalCents
        self.createdAt = createdAt
    }
}

/// One line of an order, as it was at checkout. Encodes as `{"book_id","title","qty","price_cents"}`.
package struct OrderItem: Sendable, Codable, Equatable {
    package var bookID: Int
    package var title: String
    package var qty: Int
    package var priceCents: Int

    package init(bookID: Int, title: String, qty: Int, priceCents: Int) {
        self.bookID = bookID
        self.title = title
        self.qty = qty
        self.priceCents = priceCents
    }
}
