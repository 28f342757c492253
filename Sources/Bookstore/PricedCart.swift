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

/// One priced cart line: the same shape as an order line (`{"book_id","title","qty","price_cents"}`,
/// `priceCents` the unit price), priced at today's catalog price instead of the price at checkout.
package typealias PricedCartItem = OrderItem
