import Bookstore
import HTTPServer

/// Turns the shared domain's errors into api.md's JSON errors, in one place for
/// both routers (the Bookstore module knows nothing about HTTP).
enum DomainErrors {
    static let middleware: HTTPMiddleware = { request, next in
        do {
            return try next(request)
        } catch let error as BookstoreError {
            throw httpError(for: error)
        } catch let error as CartError {
            guard case .invalidQuantity = error else { throw error }
            throw httpError(for: .invalidQuantity)
        }
    }

    static func httpError(for error: BookstoreError) -> HTTPError {
        switch error.code {
        case BookstoreError.unknownBook.code: HTTPError(.notFound, "unknown_book", "No book has that id.")
        case BookstoreError.emptyCart.code: HTTPError(.conflict, "empty_cart", "The cart is empty: add a book first.")
        case BookstoreError.unknownUser.code: HTTPError.notFound("No user has that id.")
        case BookstoreError.invalidQuantity.code:
            HTTPError.invalidRequest(
                "qty must be a whole number from \(Cart.quantityRange.lowerBound) to \(Cart.quantityRange.upperBound).")
        case BookstoreError.invalidScope.code:
            HTTPError.invalidRequest("Unknown scope. Known scopes: \(Scope.all.joined(separator: " ")).")
        default: HTTPError.invalidRequest(error.description)
        }
    }
}
