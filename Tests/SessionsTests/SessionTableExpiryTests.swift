import Testing

@testable import Sessions

/// Idle and absolute timeouts, and the sweep, all on an injected clock.
@Suite struct SessionTableExpiryTests {
    @Test func idleSessionExpiresAfterIdleTimeoutButActivityKeepsItAlive() {
        let clock = SessionTableTestClock()
        let table = SessionTable(idleTimeoutSeconds: 1800, clock: clock.clock)
        let id = table.create(userID: 42, username: "edgaras").rawValue
        clock.advance(seconds: 1799)
        #expect(table.lookup(id) != nil)
        clock.advance(seconds: 1799)
        #expect(table.lookup(id) != nil, "the previous lookup refreshed lastSeen")
        clock.advance(seconds: 1800)
        #expect(table.lookup(id) == nil)
        #expect(table.count == 0, "an expired entry found by a lookup is dropped")
    }

    @Test func activeSessionStillExpiresAtTheAbsoluteTimeout() {
        let clock = SessionTableTestClock()
        let table = SessionTable(idleTimeoutSeconds: 1800, absoluteTimeoutSeconds: 3600, clock: clock.clock)
        let id = table.create(userID: 42, username: "edgaras").rawValue
        for _ in 0..<3 {
            clock.advance(seconds: 1000)
            #expect(table.lookup(id) != nil)
        }
        clock.advance(seconds: 599)
        #expect(table.update(id) { $0.userID } == 42)
        clock.advance(seconds: 1)
        #expect(table.update(id) { $0.userID } == nil)
    }

    @Test func sweepRemovesExpiredEntriesOnly() {
        let clock = SessionTableTestClock()
        let table = SessionTable(idleTimeoutSeconds: 1800, absoluteTimeoutSeconds: 28_800, clock: clock.clock)
        let old = (0..<3).map { _ in table.create(userID: 42, username: "edgaras").rawValue }
        clock.advance(seconds: 1000)
        let fresh = (0..<2).map { _ in table.create(userID: 7, username: "reader").rawValue }
        clock.advance(seconds: 800)
        #expect(table.count == 5)
        #expect(table.sweep() == 3)
        #expect(table.count == 2)
        #expect(fresh.allSatisfy { table.lookup($0) != nil })
        #expect(old.allSatisfy { table.lookup($0) == nil })
        #expect(table.sweep() == 0)
    }

    @Test func sweeperStopsPromptlyAndIsSafeToStopTwice() {
        let table = SessionTable()
        let sweeper = SessionSweeper(table: table, intervalSeconds: 3600)
        sweeper.stop()  // before start: a no-op
        let started = ContinuousClock.now
        sweeper.start()
        sweeper.start()
        sweeper.stop()
        sweeper.stop()
        #expect(ContinuousClock.now - started < .seconds(5), "stop wakes the thread instead of waiting an hour")
        #expect(sweeper.completedSweeps == 0)
    }
}
