import Foundation
import SQLiteStore

extension Bookstore {
    /// Session side: turns the in-memory cart into an order in one write
    /// transaction, copying each book's current title and price. Errors:
    /// `.emptyCart`, `.unknownBook`, `.invalidQuantity`, `.unknownUser`.
    /// The caller empties its in-memory cart only after this returns.
    package func checkout(userID: Int, cart: Cart) throws -> Order {
        try pool.write { db in try Self.placeOrder(userID: userID, cart: cart, at: now(), in: db) }
    }

    /// Token side: reads the stored cart, places the order and clears the cart,
    /// all in one transaction, so a failure anywhere leaves the cart as it was.
    package func checkoutStoredCart(userID: Int) throws -> Order {
        try pool.write { db in
            let cart = try Self.storedCart(userID: userID, in: db)
            let order = try Self.placeOrder(userID: userID, cart: cart, at: now(), in: db)
            try db.execute("DELETE FROM carts WHERE user_id = ?", [userID])
            return order
        }
    }

    /// This user's orders, oldest first.
    package func orders(userID: Int) throws -> [Order] {
        try pool.read { db in
            let items = try db.query(
                """
                SELECT oi.order_id, oi.book_id, oi.title, oi.qty, oi.price_cents
                FROM order_items oi JOIN orders o ON o.id = oi.order_id
                WHERE o.user_id = ? ORDER BY oi.order_id, oi.rowid
                """, [userID])
            var itemsByOrder: [Int: [OrderItem]] = [:]
            for row in items { itemsByOrder[try row.int(0), default: []].append(try Self.orderItem(row)) }
            let rows = try db.query("SELECT id, user_id, total_cents, created_at FROM orders WHERE user_id = ? ORDER BY id", [userID])
            return try rows.map { try Self.order($0, items: itemsByOrder[try $0.int(0)] ?? []) }
        }
    }

    /// One order, only if it belongs to `userID`: another user's order is
    /// indistinguishable from a missing one (both nil).
    package func order(id: Int, userID: Int) throws -> Order? {
        try pool.read { db in
            guard
                let row = try db.queryFirst(
                    "SELECT id, user_id, total_cents, created_at FROM orders WHERE id = ? AND user_id = ?", [id, userID])
            else { return nil }
            let items = try db.query(
                "SELECT order_id, book_id, title, qty, price_cents FROM order_items WHERE order_id = ? ORDER BY rowid", [id])
            return try Self.order(row, items: items.map(Self.orderItem))
        }
    }

    /// Writes the order and its items; must run inside a write transaction so
    /// that a failure on any item leaves no partial order.
    static func placeOrder(userID: Int, cart: Cart, at date: Date, in db: Connection) throws -> Order {
        guard !cart.isEmpty else { throw BookstoreError.emptyCart }
        guard cart.lines.allSatisfy({ Cart.quantityRange.contains($0.qty) }) else { throw BookstoreError.invalidQuantity }
        try requireUser(userID, in: db)
        let priced = try priced(cart, in: db)
        let createdAt = date.unixSeconds
        try db.execute(
            "INSERT INTO orders(user_id, total_cents, created_at) VALUES (?, ?, ?)", [userID, priced.totalCents, createdAt])
        let orderID = db.lastInsertRowID
        for item in priced.items {
            try db.execute(
                "INSERT INTO order_items(order_id, book_id, title, qty, price_cents) VALUES (?, ?, ?, ?, ?)",
                [orderID, item.bookID, item.title, item.qty, item.priceCents])
        }
        let items = priced.items.map { OrderItem(bookID: $0.bookID, title: $0.title, qty: $0.qty, priceCents: $0.priceCents) }
        return Order(
            id: orderID, userID: userID, items: items, totalCents: priced.totalCents, createdAt: Date(unixSeconds: createdAt))
    }

    static func order(_ row: Row, items: [OrderItem]) throws -> Order {
        Order(
            id: try row.int(0), userID: try row.int(1), items: items, totalCents: try row.int(2),
            createdAt: Date(unixSeconds: try row.int(3)))
    }

    /// Reads `order_id, book_id, title, qty, price_cents`.
    static func orderItem(_ row: Row) throws -> OrderItem {
        OrderItem(bookID: try row.int(1), title: try row.text(2), qty: try row.int(3), priceCents: try row.int(4))
    }
}
