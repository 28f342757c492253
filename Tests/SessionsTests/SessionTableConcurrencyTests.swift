import Bookstore
import Dispatch
import Testing

@testable import Sessions

/// Many threads at once: no lost update, no crash.
@Suite struct SessionTableConcurrencyTests {
    static let threadCount = 8
    static let opsPerThread = 500

    /// Adds one unit to the cart, as a counter: bump the last line, or start a
    /// new one when it reaches the 99 cap. `unitCount` then equals the number of calls.
    static func addOneUnit(_ cart: inout Cart) {
        if let last = cart.lines.last, last.qty < Cart.quantityRange.upperBound {
            try? cart.set(bookID: last.bookID, qty: last.qty + 1)
        } else {
            try? cart.set(bookID: cart.lines.count + 1, qty: 1)
        }
    }

    @Test func concurrentCreatesUpdatesLookupsAndRemovesLoseNoUpdate() {
        let table = SessionTable()
        let shared = table.create(userID: 1, username: "shared").rawValue
        let own = (0..<Self.threadCount).map { table.create(userID: 100 + $0, username: "t\($0)").rawValue }

        DispatchQueue.concurrentPerform(iterations: Self.threadCount) { thread in
            for op in 0..<Self.opsPerThread {
                _ = table.update(shared) { Self.addOneUnit(&$0.cart) }
                _ = table.update(own[thread]) { Self.addOneUnit(&$0.cart) }
                let temporary = table.create(userID: 1000 + thread, username: "temp").rawValue
                _ = table.lookup(temporary)
                _ = table.update(temporary) { $0.lastPage = "/session/cart" }
                #expect(table.remove(temporary))
                if op % 100 == 0 {
                    _ = table.sweep()
                    _ = table.snapshot(limit: 5)
                    _ = table.approximateBytes()
                }
            }
        }

        #expect(table.lookup(shared)?.cart.unitCount == Self.threadCount * Self.opsPerThread)
        for id in own { #expect(table.lookup(id)?.cart.unitCount == Self.opsPerThread) }
        #expect(table.count == 1 + Self.threadCount)
    }
}
