import Bookstore
import Foundation
import HTTPServer
import JWT

/// The passport router: every `/token/…` route of api.md.
///
/// Read it beside `SessionRouter` (Sources/Sessions): the handlers have the
/// same names and the same shape. They differ only in `visit(_:needing:)`,
/// where the user comes from the verified claims of the token the client
/// carries, and in where the cart lives: SQLite, keyed by `sub`. This type
/// holds nothing about any user between requests.
package struct TokenRouter: Sendable {
    let store: Bookstore
    let issuer: TokenIssuer
    let verifier: TokenVerifier

    package init(store: Bookstore, issuer: TokenIssuer, verifier: TokenVerifier) {
        self.store = store
        self.issuer = issuer
        self.verifier = verifier
    }

    /// Adds the `/token` routes. No CSRF check: a browser never attaches a bearer token by itself.
    package func register(into routes: inout RouterBuilder) {
        routes.group("/token") { r in
            // Login verifies a slow password hash: run it on a worker, not the event loop.
            r.post("/login", offload: true, login)
            r.post("/refresh", refresh)
            r.post("/logout", logout)
            r.get("/me", me)
            r.get("/cart", cart)
            r.post("/cart/items", setCartItem)
            r.delete("/cart/items/{book_id}", removeCartItem)
            r.post("/checkout", checkout)
            r.get("/orders", orders)
            r.get("/orders/{id}", order)
            r.post("/introspect", introspect)
        }
    }

    // MARK: - Signing in and out

    /// Checks the password, then issues a passport: scopes are read now and frozen in the token.
    func login(_ request: HTTPRequest) throws -> HTTPResponse {
        let credentials: Credentials = try request.decodeJSON()
        guard credentials.isWithinBounds,
            let user = try store.authenticate(username: credentials.username, password: credentials.password)
        else { throw HTTPError.invalidCredentials }
        return try .json(issuer.issue(for: user), headers: Self.noStore)
    }

    /// Spends a refresh token for a new pair in the same family, with the user's
    /// CURRENT scopes. Presenting a spent token again revokes the whole family:
    /// someone else has a copy.
    func refresh(_ request: HTTPRequest) throws -> HTTPResponse {
        let body: RefreshRequest = try request.decodeJSON()
        let next = SecureRandom.token(TokenPolicy.refreshTokenBytes)
        let rotation = try store.refreshTokens.rotate(
            oldHash: TokenIssuer.hash(body.refreshToken), newHash: TokenIssuer.hash(next),
            newExpiresAt: issuer.refreshExpiry(), now: verifier.clock())
        guard case .rotated(let userID, _) = rotation, let user = try store.user(id: userID) else { throw HTTPError.invalidGrant }
        return try .json(issuer.pair(for: user, refreshToken: next), headers: Self.noStore)
    }

    /// Revokes the refresh family. The access token lives on until `exp`, unless
    /// the server keeps a denylist (state again): then its `jti` goes on it.
    func logout(_ request: HTTPRequest) throws -> HTTPResponse {
        let body: RefreshRequest = try request.decodeJSON()
        guard try store.refreshTokens.revokeFamily(of: TokenIssuer.hash(body.refreshToken)) > 0 else { throw HTTPError.invalidGrant }
        try verifier.denylistPresentedToken(request)
        return HTTPResponse(status: .noContent)
    }

    // MARK: - Who am I

    /// The claims the token carries beside the user as the database knows them now:
    /// after an admin's change the two disagree until the token is refreshed.
    func me(_ request: HTTPRequest) throws -> HTTPResponse {
        let visit = try visit(request, needing: nil)
        return try .json(MeResponse(claims: visit.claims, user: store.user(id: visit.userID)))
    }

    // MARK: - Cart: lives in SQLite, keyed by sub

    func cart(_ request: HTTPRequest) throws -> HTTPResponse {
        let visit = try visit(request, needing: Scope.writeCart)
        return try .json(store.priced(store.storedCart(userID: visit.userID)))
    }

    func setCartItem(_ request: HTTPRequest) throws -> HTTPResponse {
        let visit = try visit(request, needing: Scope.writeCart)
        let item: CartItemRequest = try request.decodeJSON()
        let cart = try store.setStoredCartLine(userID: visit.userID, bookID: item.bookID, qty: item.qty)
        return try .json(store.priced(cart))
    }

    func removeCartItem(_ request: HTTPRequest) throws -> HTTPResponse {
        let visit = try visit(request, needing: Scope.writeCart)
        let bookID = try request.integerParameter("book_id")
        let cart = try store.removeStoredCartLine(userID: visit.userID, bookID: bookID)
        return try .json(store.priced(cart))
    }

    // MARK: - Orders: lasting data, in SQLite on both sides

    /// Reads the stored cart, writes the order and empties the cart in one transaction.
    func checkout(_ request: HTTPRequest) throws -> HTTPResponse {
        let visit = try visit(request, needing: Scope.writeOrders)
        let order = try store.checkoutStoredCart(userID: visit.userID)
        return try .json(OrderEnvelope(order), status: .created)
    }

    func orders(_ request: HTTPRequest) throws -> HTTPResponse {
        let visit = try visit(request, needing: Scope.readOrders)
        return try .json(OrdersEnvelope(store.orders(userID: visit.userID)))
    }

    func order(_ request: HTTPRequest) throws -> HTTPResponse {
        let visit = try visit(request, needing: Scope.readOrders)
        let id = try request.integerParameter("id")
        guard let order = try store.order(id: id, userID: visit.userID) else { throw HTTPError.notFound("No such order.") }
        return try .json(OrderEnvelope(order))
    }

    /// Token responses must not be cached (RFC 6749 §5.1).
    static let noStore: HTTPHeaders = ["Cache-Control": "no-store", "Pragma": "no-cache"]
}
