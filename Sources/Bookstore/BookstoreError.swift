/// A domain rule refused the request. A struct with a code (not an enum), so
/// new cases do not break the routers that switch on it. Two errors are equal
/// when their codes are. Router mapping (api.md): unknown_book → 404,
/// invalid_quantity → 400 `invalid_request`, empty_cart → 409,
/// unknown_user → 404, invalid_scope → 400 `invalid_request`.
package struct BookstoreError: Error, Equatable, Sendable, CustomStringConvertible {
    package let code: String
    package let description: String

    package init(code: String, description: String) {
        self.code = code
        self.description = description
    }

    package static let unknownBook = BookstoreError(code: "unknown_book", description: "no book has that id")
    package static let invalidQuantity = BookstoreError(
        code: "invalid_quantity", description: "qty must be an integer from 1 to 99")
    package static let emptyCart = BookstoreError(code: "empty_cart", description: "the cart is empty")
    package static let unknownUser = BookstoreError(code: "unknown_user", description: "no user has that id")
    package static let invalidScope = BookstoreError(
        code: "invalid_scope",
        description: "scopes must be among read:books read:orders write:cart write:orders admin:users")

    package static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }
}
