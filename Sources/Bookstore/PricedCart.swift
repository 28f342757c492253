/// A cart with current titles and prices: the JSON both cart routes answer,
/// `{"items":[{"book_id","title","qty","price_cents"}],"total_cents"}`.
package struct PricedCart: Sendable, Codable, Equatable {
    package var items: [PricedCartItem]
    package var totalCents: Int

    package init(items: [PricedCartItem], totalCents: Int) {
        self.items = items
        self.totalCents = totalCents
    }
}

/// One priced cart line; `priceCents` is the unit price.
package struct PricedCartItem: Sendable, Codable, Equatable {
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
