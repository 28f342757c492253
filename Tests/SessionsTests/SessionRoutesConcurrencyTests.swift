import AppTestSupport
import Foundation
import Synchronization
import Testing

/// Many threads through the router at once: logins, cart edits, reads and
/// logouts, with one session shared by all of them. No update may be lost.
@Suite struct SessionRoutesConcurrencyTests {
    static let threadCount = 8
    static let operationsPerThread = 100
    /// Each thread logs in a private session this often and logs it out at the end of the stretch.
    static let loginEveryOperations = 25

    /// The quantity thread `t` leaves on its own line of the shared cart.
    static func finalQuantity(thread t: Int) -> Int { 50 + t }

    @Test func concurrentCartEditsInOneSharedSessionLoseNothing() throws {
        let app = try TestApp()
        let shared = app.sessionLogin()
        let failures = FailureLog()
        let finished = DispatchSemaphore(value: 0)

        for t in 0..<Self.threadCount {
            let thread = Thread {
                Self.work(app: app, shared: shared, thread: t, failures: failures)
                finished.signal()
            }
            thread.start()
        }
        for _ in 0..<Self.threadCount { finished.wait() }

        let problems = failures.messages.withLock { $0 }
        #expect(problems.isEmpty, "\(problems.prefix(10))")
        let expected = Dictionary(uniqueKeysWithValues: (0..<Self.threadCount).map { ($0 + 1, Self.finalQuantity(thread: $0)) })
        #expect(app.cartLines(shared) == expected)
        #expect(app.sessionCount == 1)
        let units = (0..<Self.threadCount).reduce(0) { $0 + Self.finalQuantity(thread: $1) }
        #expect(app.session("GET", "/session/me", sid: shared).json["cart_items"] as? Int == units)
    }

    /// One thread's run: its own line in the shared cart (book `t + 1`), read back
    /// at once, plus a private session it signs in, edits and signs out.
    static func work(app: TestApp, shared: String, thread t: Int, failures: FailureLog) {
        let book = t + 1
        var mine = ""
        func fail(_ message: String) { failures.messages.withLock { $0.append("thread \(t): \(message)") } }

        for i in 0..<operationsPerThread {
            if i % loginEveryOperations == 0 {
                mine = app.sessionLogin()
                if mine.count != 43 { fail("login \(i) gave no ticket") }
            }
            let qty = i == operationsPerThread - 1 ? finalQuantity(thread: t) : i % 99 + 1
            let set = app.setLine(shared, book: book, qty: qty)
            if set.status != 200 { fail("set \(i): \(set.status)") }
            let seen = app.cartLines(shared)[book]
            if seen != qty { fail("read \(i): own line is \(String(describing: seen)), expected \(qty)") }
            let privateSet = app.setLine(mine, book: i % 8 + 1, qty: 1)
            if privateSet.status != 200 { fail("private set \(i): \(privateSet.status)") }
            if i % loginEveryOperations == loginEveryOperations - 1 {
                let out = app.session("POST", "/session/logout", sid: mine)
                if out.status != 204 { fail("logout \(i): \(out.status)") }
            }
        }
    }
}

/// What went wrong on the worker threads, gathered under a lock and checked by
/// the test afterwards (an `#expect` on a plain `Thread` has no test to report to).
final class FailureLog: Sendable {
    let messages = Mutex<[String]>([])
}
