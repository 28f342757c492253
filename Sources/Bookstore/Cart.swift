/// A shopping cart: the same value type on both sides of the lesson. The
/// coat-check keeps it in its in-memory session entry; the passport side keeps
/// it in SQLite by `sub`. Only where it lives differs.
package struct Cart: Sendable, Equatable, Codable {
    /// One book and how many of it.
    package struct Line: Sendable, Equatable, Codable {
        package var bookID: Int
        package var qty: Int
        package init(bookID: Int, qty: Int) {
            self.bookID = bookID
            self.qty = qty
        }
    }

    /// Allowed quantity per line (api.md: qty 1..99).
    package static let quantityRange = 1...99

    /// Lines in the order they were first added.
    package private(set) var lines: [Line] = []

    package init(lines: [Line] = []) { self.lines = lines }

    /// Sets a book's line to `qty`, adding the line if absent.
    package mutating func set(bookID: Int, qty: Int) throws(CartError) {
        guard Self.quantityRange.contains(qty) else { throw .invalidQuantity(qty) }
        if let i = lines.firstIndex(where: { $0.bookID == bookID }) {
            lines[i].qty = qty
        } else {
            lines.append(Line(bookID: bookID, qty: qty))
        }
    }

    /// Removes a book's line; removing an absent line is not an error (DELETE is idempotent).
    package mutating func remove(bookID: Int) {
        lines.removeAll { $0.bookID == bookID }
    }

    package mutating func clear() { lines.removeAll() }

    package var isEmpty: Bool { lines.isEmpty }

    /// The number of units, as `/session/me` reports in `cart_items`.
    package var unitCount: Int { lines.reduce(0) { $0 + $1.qty } }

    /// The total in integer cents, given each book's price. Books missing from `prices` count as 0.
    package func totalCents(prices: [Int: Int]) -> Int {
        lines.reduce(0) { $0 + $1.qty * (prices[$1.bookID] ?? 0) }
    }
}

/// Why a cart change was refused.
package enum CartError: Error, Equatable, Sendable {
    case invalidQuantity(Int)
}
