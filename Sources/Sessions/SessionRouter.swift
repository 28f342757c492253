import Bookstore
import Foundation
import HTTPServer

/// The coat-check router: every `/session/…` route of api.md.
///
/// Read it beside `TokenRouter` (Sources/Tokens): the handlers have the same
/// names and the same shape. They differ only in `visit(_:needing:)`, where
/// the user and the cart come from: here, from a table in this process's
/// memory, found by the `sid` ticket the browser hands back.
package struct SessionRouter: Sendable {
    /// The cookie that carries the ticket.
    package static let cookieName = "sid"

    let store: Bookstore
    let table: SessionTable

    package init(store: Bookstore, table: SessionTable) {
        self.store = store
        self.table = table
    }

    /// Adds the `/session` routes, each behind the CSRF check.
    package func register(into routes: inout RouterBuilder) {
        routes.group("/session", middleware: [CSRFGuard.middleware]) { r in
            // Login verifies a slow password hash: run it on a worker, not the event loop.
            r.post("/login", offload: true, login)
            r.post("/logout", logout)
            r.get("/me", me)
            r.get("/cart", cart)
            r.post("/cart/items", setCartItem)
            r.delete("/cart/items/{book_id}", removeCartItem)
            r.post("/checkout", checkout)
            r.get("/orders", orders)
            r.get("/orders/{id}", order)
        }
    }

    // MARK: - Signing in and out

    /// Checks the password, then hands out a brand-new ticket. An id the client
    /// sent is never adopted (session fixation); an old session it names is ended.
    func login(_ request: HTTPRequest) throws -> HTTPResponse {
        let credentials: Credentials = try request.decodeJSON()
        guard credentials.isWithinBounds,
            let user = try store.authenticate(username: credentials.username, password: credentials.password)
        else { throw HTTPError.invalidCredentials }
        for planted in request.cookieValues(Self.cookieName) { table.remove(planted) }
        let sid = table.create(userID: user.id, username: user.username)
        table.update(sid.rawValue) { $0.lastPage = request.path }
        var response = try HTTPResponse.json(UserEnvelope(user))
        response.setCookie(try ticketCookie(sid.rawValue, request))
        return response
    }

    /// Deletes the entry: the coat is gone at once, everywhere. Then expires the cookie.
    /// An expired entry not yet swept is no session either (`remove` says so), so
    /// logging out with it is the same 401 `no_session` as every other route.
    func logout(_ request: HTTPRequest) throws -> HTTPResponse {
        guard let sid = try? ticket(request), table.remove(sid) else {
            throw HTTPError.noSession
        }
        var response = HTTPResponse(status: .noContent)
        response.setCookie(try SetCookie.expiring(name: Self.cookieName, secure: request.isSecure))
        return response
    }

    // MARK: - Who am I

    func me(_ request: HTTPRequest) throws -> HTTPResponse {
        let visit = try visit(request, needing: nil)
        return try .json(MeResponse(user: visit.user, lastPage: visit.previousPage, cartItems: visit.cart.unitCount))
    }

    // MARK: - Cart: lives in the session entry, in RAM

    func cart(_ request: HTTPRequest) throws -> HTTPResponse {
        let visit = try visit(request, needing: Scope.writeCart)
        return try .json(store.priced(visit.cart))
    }

    func setCartItem(_ request: HTTPRequest) throws -> HTTPResponse {
        let visit = try visit(request, needing: Scope.writeCart)
        let item: CartItemRequest = try request.decodeJSON()
        try store.validateLine(bookID: item.bookID, qty: item.qty)
        let cart = try changeCart(visit.sid) { try $0.set(bookID: item.bookID, qty: item.qty) }
        return try .json(store.priced(cart))
    }

    func removeCartItem(_ request: HTTPRequest) throws -> HTTPResponse {
        let visit = try visit(request, needing: Scope.writeCart)
        let bookID = try request.integerParameter("book_id")
        let cart = try changeCart(visit.sid) { $0.remove(bookID: bookID) }
        return try .json(store.priced(cart))
    }

    // MARK: - Orders: lasting data, in SQLite on both sides

    /// Writes the in-memory cart as an order, then takes the ordered lines out of it.
    /// The cart is claimed under the shard lock, but the database write happens
    /// outside it: a lock held across I/O would stall every session in the shard.
    func checkout(_ request: HTTPRequest) throws -> HTTPResponse {
        let visit = try visit(request, needing: Scope.writeOrders)
        let cart = try claimCart(visit.sid)
        let order: Order
        do {
            order = try store.checkout(userID: visit.user.id, cart: cart)
        } catch {
            releaseCart(visit.sid, ordered: nil)
            throw error
        }
        releaseCart(visit.sid, ordered: cart)
        return try .json(OrderEnvelope(order), status: .created)
    }

    func orders(_ request: HTTPRequest) throws -> HTTPResponse {
        let visit = try visit(request, needing: Scope.readOrders)
        return try .json(OrdersEnvelope(store.orders(userID: visit.user.id)))
    }

    func order(_ request: HTTPRequest) throws -> HTTPResponse {
        let visit = try visit(request, needing: Scope.readOrders)
        let id = try request.integerParameter("id")
        guard let order = try store.order(id: id, userID: visit.user.id) else { throw HTTPError.notFound("No such order.") }
        return try .json(OrderEnvelope(order))
    }
}
