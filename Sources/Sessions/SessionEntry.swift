import Bookstore
import Foundation

/// What the coat-check keeps for one signed-in browser: the whole point of the
/// lesson is that all of this lives in this process's memory, so a restart
/// forgets it and a second instance never knew it.
package struct SessionEntry: Sendable, Equatable {
    package var userID: Int
    package var username: String
    /// The cart lives only here on the session side (orders go to SQLite).
    package var cart: Cart
    /// The path of this session's previous request (`/session/me` reports it).
    package var lastPage: String?
    package var createdAt: Date
    package var lastSeenAt: Date
    /// Set while this session's cart is being written as an order, so a second
    /// checkout cannot order the same cart twice.
    package var checkoutInProgress = false

    package init(
        userID: Int, username: String, cart: Cart = Cart(), lastPage: String? = nil, createdAt: Date, lastSeenAt: Date
    ) {
        self.userID = userID
        self.username = username
        self.cart = cart
        self.lastPage = lastPage
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
    }
}
