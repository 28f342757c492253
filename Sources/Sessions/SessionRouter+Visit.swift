import Bookstore
import HTTPServer

extension SessionRouter {
    /// What one request learns about its visitor on the coat-check side.
    struct Visit {
        let sid: String
        let user: User
        let cart: Cart
        /// The path of this session's previous request (api.md's `last_page`).
        let previousPage: String?
    }

    /// The lesson in one function. The cookie is only a ticket: the server looks
    /// it up in its own memory to learn who you are and what is in your cart,
    /// and notes this request as your `lastPage`. No entry, no identity.
    /// Permissions come from the database on every request, so an admin's
    /// change applies to the very next one.
    func visit(_ request: HTTPRequest, needing scope: String?) throws -> Visit {
        let sid = try ticket(request)
        let seen = table.update(sid) { entry -> (Cart, String?, Int) in
            let previous = entry.lastPage
            entry.lastPage = Self.pageForMemory(request.path)
            return (entry.cart, previous, entry.userID)
        }
        guard let (cart, previousPage, userID) = seen else { throw HTTPError.noSession }
        guard let user = try store.user(id: userID) else {
            table.remove(sid)
            throw HTTPError.noSession
        }
        if let scope, !user.hasScope(scope) { throw HTTPError.insufficientScope(scope) }
        return Visit(sid: sid, user: user, cart: cart, previousPage: previousPage)
    }

    /// The one `sid` the browser sent. Two `sid` cookies mean another site or path
    /// planted one (cookie tossing): refuse rather than guess which is the visitor's.
    func ticket(_ request: HTTPRequest) throws -> String {
        let sent = request.cookieValues(Self.cookieName)
        guard sent.count == 1 else { throw HTTPError.noSession }
        return sent[0]
    }

    /// Longest path kept as `last_page`: the table's memory must not grow with a client's 16 KiB paths.
    static let maxRememberedPathBytes = 256

    static func pageForMemory(_ path: String) -> String {
        path.utf8.count <= maxRememberedPathBytes ? path : String(decoding: path.utf8.prefix(maxRememberedPathBytes), as: UTF8.self)
    }

    /// Applies a cart change to the live entry under its lock and returns the new cart.
    func changeCart(_ sid: String, _ change: (inout Cart) throws -> Void) throws -> Cart {
        let changed = try table.update(sid) { entry -> Cart in
            try change(&entry.cart)
            return entry.cart
        }
        guard let cart = changed else { throw HTTPError.noSession }
        return cart
    }

    /// Marks the cart as being ordered and returns a copy; a second checkout meanwhile gets 409.
    func claimCart(_ sid: String) throws -> Cart {
        let claimed = table.update(sid) { entry -> Cart? in
            guard !entry.checkoutInProgress else { return nil }
            entry.checkoutInProgress = true
            return entry.cart
        }
        guard let outcome = claimed else { throw HTTPError.noSession }
        guard let cart = outcome else { throw HTTPError.checkoutInProgress }
        return cart
    }

    /// Ends the claim; after a placed order, removes exactly the lines that were ordered
    /// (a line changed meanwhile stays, as the visitor last set it).
    func releaseCart(_ sid: String, ordered: Cart?) {
        table.update(sid) { entry in
            entry.checkoutInProgress = false
            for line in ordered?.lines ?? [] where entry.cart.lines.contains(line) {
                entry.cart.remove(bookID: line.bookID)
            }
        }
    }

    /// api.md's ticket: `sid=…; Path=/; HttpOnly; SameSite=Lax`, plus `Secure` over TLS.
    /// No Max-Age: a browser-session cookie, while the server enforces the real timeouts.
    func ticketCookie(_ value: String, _ request: HTTPRequest) throws -> SetCookie {
        try SetCookie(name: Self.cookieName, value: value, path: "/", secure: request.isSecure, httpOnly: true, sameSite: .lax)
    }

    /// If the visitor holds a live ADMIN session, that user (the admin routes' hook).
    /// A cookie-authenticated admin call is state-changing, so CSRF is checked here too.
    package func adminUser(for request: HTTPRequest) throws -> User? {
        guard let sid = try? ticket(request), let entry = table.lookup(sid),
            let user = try store.user(id: entry.userID)
        else { return nil }
        guard user.isAdmin else {
            throw HTTPError(.forbidden, "insufficient_scope", "This needs an ADMIN session; this user's role is \(user.role).")
        }
        try CSRFGuard.check(request)
        return user
    }

    /// Ends every session of one user; the admin's logout-everywhere.
    package func endSessions(userID: Int) -> Int { table.removeAll(userID: userID) }
}

/// `GET /session/me`: `{"user","last_page","cart_items"}`.
struct MeResponse: Encodable {
    let user: User
    let lastPage: String?
    let cartItems: Int

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(user, forKey: .user)
        try c.encode(lastPage, forKey: .lastPage)  // login is a session's first request; null, not omitted, if ever unknown
        try c.encode(cartItems, forKey: .cartItems)
    }

    enum CodingKeys: String, CodingKey { case user, lastPage, cartItems }
}
