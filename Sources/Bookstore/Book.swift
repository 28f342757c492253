/// A catalog entry. Prices are integer cents, never floating point.
/// Encodes as `{"id","title","author","price_cents"}`.
package struct Book: Sendable, Codable, Equatable {
    package var id: Int
    package var title: String
    package var author: String
    package var priceCents: Int

    package init(id: Int, title: String, author: String, priceCents: Int) {
        self.id = id
        self.title = title
        self.author = author
        self.priceCents = priceCents
    }
}
