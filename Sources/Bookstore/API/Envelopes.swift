/// `{"order": …}`: the answer of checkout and of one order.
package struct OrderEnvelope: Sendable, Encodable {
    package var order: Order
    package init(_ order: Order) { self.order = order }
}

/// `{"orders": […]}`: a user's own orders, oldest first.
package struct OrdersEnvelope: Sendable, Encodable {
    package var orders: [Order]
    package init(_ orders: [Order]) { self.orders = orders }
}

/// `{"user": …}`: the answer of session login and of the admin scope change.
package struct UserEnvelope: Sendable, Encodable {
    package var user: User
    package init(_ user: User) { self.user = user }
}
