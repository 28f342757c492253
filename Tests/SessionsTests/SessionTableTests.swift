import Bookstore
import Foundation
import HTTPServer
import Testing

@testable import Sessions

/// The coat-check table: create, find, change, forget.
@Suite struct SessionTableTests {
    @Test func createIssuesANewIdEveryTimeEvenForTheSameUser() {
        let table = SessionTable()
        let first = table.create(userID: 42, username: "edgaras")
        let second = table.create(userID: 42, username: "edgaras")
        #expect(first != second)
        #expect(table.count == 2)
        #expect(table.lookup(first.rawValue)?.username == "edgaras")
        #expect(table.lookup(second.rawValue)?.userID == 42)
    }

    @Test func tableKeepsOnlyTheHashOfTheIdNeverTheIdItself() {
        let table = SessionTable()
        let id = table.create(userID: 42, username: "edgaras")
        let snapshot = table.snapshot()
        #expect(snapshot.count == 1)
        #expect(snapshot[0].sidSHA256Prefix == SessionKey(hashing: id.rawValue).hexPrefix(8))
        #expect(snapshot[0].sidSHA256Prefix.count == 8)
        var memoryDump = ""
        for locked in table.shards { _ = locked.state.withLock { dump($0, to: &memoryDump) } }
        #expect(!memoryDump.contains(id.rawValue))
        #expect(!String(describing: snapshot).contains(id.rawValue))
    }

    @Test(arguments: [
        "", "not-a-session", String(repeating: "A", count: 43), "\(String(repeating: "x", count: 42))=",
        String(repeating: "A", count: 10_000),
    ])
    func missingOrMalformedIdsFindNothing(rawID: String) {
        let table = SessionTable()
        let live = table.create(userID: 42, username: "edgaras")
        var bodyRan = false
        #expect(table.lookup(rawID) == nil)
        #expect(table.update(rawID) { _ in bodyRan = true } == nil)
        #expect(!bodyRan)
        #expect(!table.remove(rawID))
        #expect(table.lookup(live.rawValue) != nil)
    }

    @Test func neverIssuedRandomIdFindsNothing() {
        let table = SessionTable()
        _ = table.create(userID: 42, username: "edgaras")
        #expect(table.lookup(SessionID.random().rawValue) == nil)
    }

    @Test func updateChangesTheEntryInPlaceAndReturnsTheBodyResult() throws {
        let clock = SessionTableTestClock()
        let table = SessionTable(clock: clock.clock)
        let id = table.create(userID: 42, username: "edgaras").rawValue
        clock.advance(seconds: 5)
        let units = try table.update(id) { (entry) throws(CartError) -> Int in
            try entry.cart.set(bookID: 1, qty: 3)
            entry.lastPage = "/session/checkout"
            return entry.cart.unitCount
        }
        #expect(units == 3)
        let entry = try #require(table.lookup(id))
        #expect(entry.cart.lines == [Cart.Line(bookID: 1, qty: 3)])
        #expect(entry.lastPage == "/session/checkout")
        #expect(entry.lastSeenAt == clock.now())
        #expect(entry.createdAt == clock.now() - 5)
    }

    @Test func updateRethrowsTheBodysTypedError() {
        let table = SessionTable()
        let id = table.create(userID: 42, username: "edgaras").rawValue
        #expect(throws: CartError.invalidQuantity(0)) {
            try table.update(id) { (entry) throws(CartError) in try entry.cart.set(bookID: 1, qty: 0) }
        }
        #expect(table.lookup(id)?.cart.isEmpty == true)
    }

    @Test func removeEndsOneSession() {
        let table = SessionTable()
        let a = table.create(userID: 42, username: "edgaras").rawValue
        let b = table.create(userID: 42, username: "edgaras").rawValue
        #expect(table.remove(a))
        #expect(!table.remove(a))
        #expect(table.lookup(a) == nil)
        #expect(table.lookup(b) != nil)
    }

    @Test func removeAllEndsEverySessionOfOneUserOnly() {
        let table = SessionTable()
        let mine = (0..<3).map { _ in table.create(userID: 42, username: "edgaras").rawValue }
        let other = table.create(userID: 7, username: "reader").rawValue
        #expect(table.removeAll(userID: 42) == 3)
        #expect(table.count == 1)
        #expect(mine.allSatisfy { table.lookup($0) == nil })
        #expect(table.lookup(other)?.username == "reader")
        #expect(table.removeAll(userID: 42) == 0)
    }

    @Test func snapshotEncodesToTheInspectShape() throws {
        let clock = SessionTableTestClock(Date(timeIntervalSince1970: 0))
        let table = SessionTable(clock: clock.clock)
        let id = table.create(userID: 42, username: "edgaras").rawValue
        try table.update(id) { (entry) throws(CartError) in try entry.cart.set(bookID: 1, qty: 3) }
        let json = String(decoding: try JSONCoding.makeEncoder().encode(table.snapshot()), as: UTF8.self)
        let prefix = SessionKey(hashing: id).hexPrefix()
        #expect(
            json == """
                [{"cart":[{"book_id":1,"qty":3}],"created_at":"1970-01-01T00:00:00Z","last_page":null,\
                "last_seen_at":"1970-01-01T00:00:00Z","sid_sha256_prefix":"\(prefix)","user_id":42,"username":"edgaras"}]
                """)
    }

    @Test func snapshotListsMostRecentlySeenFirstAndHonoursTheLimit() {
        let clock = SessionTableTestClock()
        let table = SessionTable(clock: clock.clock)
        for user in 1...5 {
            _ = table.create(userID: user, username: "u\(user)")
            clock.advance(seconds: 1)
        }
        #expect(table.snapshot().map(\.userID) == [5, 4, 3, 2, 1])
        #expect(table.snapshot(limit: 2).map(\.userID) == [5, 4])
    }
}
