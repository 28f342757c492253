import SQLiteStore

/// The token side's cart, stored in SQLite by user id (the JWT's `sub`).
extension Bookstore {
    package func storedCart(userID: Int) throws -> Cart {
        try pool.read { db in try Self.storedCart(userID: userID, in: db) }
    }

    /// Sets a book's line to `qty` (adding it if absent) in one write
    /// transaction and returns the whole cart. Errors: `.invalidQuantity`,
    /// `.unknownBook`, `.unknownUser`.
    package func setStoredCartLine(userID: Int, bookID: Int, qty: Int) throws -> Cart {
        guard Cart.quantityRange.contains(qty) else { throw BookstoreError.invalidQuantity }
        let addedAt = now().unixSeconds
        return try pool.write { db in
            try Self.requireUser(userID, in: db)
            guard try Self.book(id: bookID, in: db) != nil else { throw BookstoreError.unknownBook }
            // The upsert keeps the line's rowid and added_at, so lines stay in first-added order.
            try db.execute(
                """
                INSERT INTO carts(user_id, book_id, qty, added_at) VALUES (?, ?, ?, ?)
                ON CONFLICT(user_id, book_id) DO UPDATE SET qty = excluded.qty
                """, [userID, bookID, qty, addedAt])
            return try Self.storedCart(userID: userID, in: db)
        }
    }

    /// Removes a line; removing an absent line is not an error (DELETE is idempotent).
    package func removeStoredCartLine(userID: Int, bookID: Int) throws -> Cart {
        try pool.write { db in
            try db.execute("DELETE FROM carts WHERE user_id = ? AND book_id = ?", [userID, bookID])
            return try Self.storedCart(userID: userID, in: db)
        }
    }

    static func storedCart(userID: Int, in db: Connection) throws -> Cart {
        let rows = try db.query("SELECT book_id, qty FROM carts WHERE user_id = ? ORDER BY added_at, rowid", [userID])
        return Cart(lines: try rows.map { Cart.Line(bookID: try $0.int(0), qty: try $0.int(1)) })
    }

    static func requireUser(_ userID: Int, in db: Connection) throws {
        guard try db.queryFirst("SELECT 1 FROM users WHERE id = ?", [userID]) != nil else {
            throw BookstoreError.unknownUser
        }
    }
}
