import AppTestSupport
import Bookstore
import Foundation
import Synchronization
import Testing

@testable import Sessions

/// Findings of the code review, each pinned by a test.
@Suite struct SessionRoutesHardeningTests {
    @Test func twoSidCookiesAreRefusedRatherThanGuessed() throws {
        let app = try TestApp()
        let victim = app.sessionLogin()
        let planted = app.sessionLogin("reader", "reader-demo")
        let reply = app.call("GET", "/session/me", headers: [("Cookie", "sid=\(planted); sid=\(victim)")])
        #expect(reply.status == 401)
        #expect(reply.error == "no_session")
        #expect(app.session("GET", "/session/me", sid: victim).status == 200)
    }

    @Test func lastPageKeepsAtMost256Bytes() throws {
        let app = try TestApp()
        let sid = app.sessionLogin()
        let long = "/session/orders/" + String(repeating: "A", count: 4_000)
        _ = app.session("GET", long, sid: sid)
        let page = app.session("GET", "/session/me", sid: sid).json["last_page"] as? String
        #expect(page?.utf8.count == SessionRouter.maxRememberedPathBytes)
        #expect(page.map { long.hasPrefix($0) } == true)
    }

    @Test func aSecondCheckoutWhileTheFirstIsWritingGets409() throws {
        let app = try TestApp()
        let router = SessionRouter(store: app.app.store, table: app.app.sessions)
        let sid = app.sessionLogin()
        #expect(app.session("POST", "/session/cart/items", sid: sid, json: #"{"book_id":1,"qty":2}"#).status == 200)
        let claimed = try router.claimCart(sid)
        let second = app.session("POST", "/session/checkout", sid: sid)
        #expect(second.status == 409)
        #expect(second.error == "checkout_in_progress")
        router.releaseCart(sid, ordered: nil)
        #expect(claimed.unitCount == 2)
        #expect(app.session("POST", "/session/checkout", sid: sid).status == 201)
    }

    @Test func aLineChangedDuringCheckoutStaysInTheCart() throws {
        let app = try TestApp()
        let router = SessionRouter(store: app.app.store, table: app.app.sessions)
        let sid = app.sessionLogin()
        _ = app.session("POST", "/session/cart/items", sid: sid, json: #"{"book_id":1,"qty":2}"#)
        _ = app.session("POST", "/session/cart/items", sid: sid, json: #"{"book_id":2,"qty":1}"#)
        let ordered = try router.claimCart(sid)
        // Meanwhile the visitor changes book 2 in another tab.
        _ = app.app.sessions.update(sid) { try? $0.cart.set(bookID: 2, qty: 5) }
        router.releaseCart(sid, ordered: ordered)
        let lines = app.app.sessions.lookup(sid)?.cart.lines ?? []
        #expect(lines == [Cart.Line(bookID: 2, qty: 5)])
    }

    @Test func sweeperRunsTheExtraHousekeepingEachTime() async throws {
        let table = SessionTable()
        let counter = Counter()
        let sweeper = SessionSweeper(table: table, intervalSeconds: 1) { counter.increment() }
        sweeper.start()
        for _ in 0..<100 where sweeper.completedSweeps == 0 { try await Task.sleep(for: .milliseconds(100)) }
        sweeper.stop()
        #expect(counter.value >= 1)
        #expect(counter.value == sweeper.completedSweeps)
    }
}

/// A thread-safe counter for the sweeper test.
final class Counter: Sendable {
    private let count = Mutex(0)
    func increment() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}
