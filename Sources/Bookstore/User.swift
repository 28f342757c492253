/// A user as the routers see it: who they are and what they may do right now.
/// `scopes` are read from the database on every lookup (sorted), so an admin's
/// change shows on the next request. Encodes as api.md's `{"id","username","role","scopes"}`.
package struct User: Sendable, Codable, Equatable {
    package static let userRole = "USER"
    package static let adminRole = "ADMIN"

    package var id: Int
    package var username: String
    /// "USER" or "ADMIN" (the schema's CHECK allows nothing else).
    package var role: String
    package var scopes: [String]

    package init(id: Int, username: String, role: String, scopes: [String]) {
        self.id = id
        self.username = username
        self.role = role
        self.scopes = scopes.sorted()
    }

    package var isAdmin: Bool { role == Self.adminRole }

    package func hasScope(_ scope: String) -> Bool { scopes.contains(scope) }
}

/// The scopes this server knows; `setScopes` accepts no others.
package enum Scope {
    package static let readBooks = "read:books"
    package static let readOrders = "read:orders"
    package static let writeCart = "write:cart"
    package static let writeOrders = "write:orders"
    package static let adminUsers = "admin:users"

    /// Every scope, in a stable order.
    package static let all = [readBooks, readOrders, writeCart, writeOrders, adminUsers]
    /// What a USER account is seeded with.
    package static let userDefaults = [readBooks, readOrders, writeCart, writeOrders]
}
