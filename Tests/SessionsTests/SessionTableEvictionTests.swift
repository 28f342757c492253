import Testing

@testable import Sessions

/// The bound on memory: least recently used sessions make room.
@Suite struct SessionTableEvictionTests {
    @Test func atTheBoundTheLeastRecentlyUsedSessionIsEvicted() {
        let table = SessionTable(maxSessions: 4)
        let ids = (1...4).map { table.create(userID: $0, username: "u\($0)").rawValue }
        #expect(table.lookup(ids[0]) != nil)  // touch the oldest: now ids[1] is least recently used
        let newest = table.create(userID: 5, username: "u5").rawValue
        #expect(table.count == 4)
        #expect(table.lookup(ids[1]) == nil)
        for id in [ids[0], ids[2], ids[3], newest] { #expect(table.lookup(id) != nil) }
    }

    @Test func updateCountsAsUseForEviction() {
        let table = SessionTable(maxSessions: 2)
        let a = table.create(userID: 1, username: "a").rawValue
        let b = table.create(userID: 2, username: "b").rawValue
        _ = table.update(a) { $0.lastPage = "/session/cart" }
        _ = table.create(userID: 3, username: "c")
        #expect(table.lookup(a) != nil)
        #expect(table.lookup(b) == nil)
    }

    @Test(arguments: [(1, 1), (4, 1), (127, 1), (128, 2), (1000, 8), (100_000, 16)])
    func smallTablesUseOneShardSoTheirLRUIsExact(maxSessions: Int, expectedShards: Int) {
        #expect(SessionTable.shardCount(forMaxSessions: maxSessions) == expectedShards)
        let table = SessionTable(maxSessions: maxSessions)
        let capacities = table.shards.map { $0.state.withLock { $0.capacity } }
        #expect(capacities.reduce(0, +) == maxSessions)
    }

    @Test func shardedTableNeverHoldsMoreThanMaxSessions() {
        let table = SessionTable(maxSessions: 1000)
        let ids = (0..<3000).map { table.create(userID: $0, username: "u").rawValue }
        #expect(table.count == 1000)
        #expect(ids.suffix(100).allSatisfy { table.lookup($0) != nil }, "the newest sessions survive")
    }

    @Test func approximateBytesGrowsWithEntriesAndTheirContents() throws {
        let table = SessionTable()
        let empty = table.approximateBytes()
        let ids = (0..<100).map { table.create(userID: $0, username: "user-with-a-long-name-\($0)").rawValue }
        let hundred = table.approximateBytes()
        #expect(hundred > empty)
        let perEntry = (hundred - empty) / 100
        #expect(perEntry >= MemoryLayout<SessionKey>.size + MemoryLayout<SessionEntry>.size)
        #expect(perEntry < 2000)
        for id in ids {
            _ = table.update(id) { entry in
                try? entry.cart.set(bookID: 1, qty: 2)
                entry.lastPage = "/session/orders/12345/details"
            }
        }
        #expect(table.approximateBytes() > hundred)
    }
}
