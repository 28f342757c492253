import Foundation
import Synchronization
import Testing

@testable import Bookstore

/// A refresh family ends 30 days after its login, however often it rotates:
/// the token side's counterpart of the session's absolute timeout.
@Suite struct RefreshFamilyDeadlineTests {
    @Test func rotationNeverOutlivesTheFamilyDeadline() throws {
        let clock = TestClock(fixedNow)
        try withBookstore(now: clock.function) { store, _ in
            let tokens = store.refreshTokens
            let day: TimeInterval = 24 * 3600
            try tokens.insert(hash: [0], family: "fam", userID: 42, expiresAt: clock.now.addingTimeInterval(14 * day))
            var current: [UInt8] = [0]
            // Rotate every 10 days: days 10 and 20 succeed, each new token capped at day 30.
            for step in 1...2 {
                clock.advance(10 * day)
                let next: [UInt8] = [UInt8(step)]
                let result = try tokens.rotate(
                    oldHash: current, newHash: next, newExpiresAt: clock.now.addingTimeInterval(14 * day), now: clock.now)
                #expect(result == .rotated(userID: 42, family: "fam"))
                current = next
            }
            let last = try #require(try tokens.find(hash: current))
            #expect(last.expiresAt == fixedNow.addingTimeInterval(30 * day))
            // Day 30: the family is over, even though the last token was issued only 10 days ago.
            clock.advance(10 * day)
            let late = try tokens.rotate(
                oldHash: current, newHash: [9], newExpiresAt: clock.now.addingTimeInterval(14 * day), now: clock.now)
            #expect(late == .expired)
        }
    }
}

/// A clock the test moves by hand.
final class TestClock: Sendable {
    private let current: Mutex<Date>
    init(_ start: Date) { current = Mutex(start) }
    var now: Date { current.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
    var function: @Sendable () -> Date { { [self] in now } }
}
