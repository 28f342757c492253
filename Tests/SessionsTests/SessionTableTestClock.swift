import Foundation
import Synchronization

/// A clock the tests move by hand, so expiry is tested without sleeping.
final class SessionTableTestClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_700_000_000)) { current = Mutex(start) }

    func now() -> Date { current.withLock { $0 } }

    func advance(seconds: Int) { current.withLock { $0 += TimeInterval(seconds) } }

    /// The closure the table takes.
    var clock: @Sendable () -> Date { { [self] in now() } }
}
