/// The body of `POST /…/cart/items`: `{"book_id","qty"}`. Explicit keys because the
/// API decoder's snake_case conversion would look for `bookId`, not `bookID`.
package struct CartItemRequest: Sendable, Decodable {
    package var bookID: Int
    package var qty: Int

    enum CodingKeys: String, CodingKey {
        case bookID = "book_id"
        case qty
    }
}
