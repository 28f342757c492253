import Dispatch
import Foundation
import Synchronization

/// A background thread that calls ``SessionTable/sweep()`` every
/// `intervalSeconds`, so expired sessions leave memory even if their browsers
/// never come back, without the request path paying for it.
///
/// The App starts one after building the table and calls ``stop()`` on
/// shutdown; `stop()` wakes the thread at once and waits for it to finish,
/// so no sweep runs after it returns.
package final class SessionSweeper: Sendable {
    /// Default pause between sweeps.
    package static let defaultIntervalSeconds = 60

    private let table: SessionTable
    private let intervalSeconds: Int
    /// Other periodic housekeeping run after each sweep (the App purges expired token rows here).
    private let alsoEachSweep: (@Sendable () -> Void)?
    /// Signalled by `stop()` to end the wait early.
    private let wakeUp = DispatchSemaphore(value: 0)
    /// Signalled by the thread when its loop has ended.
    private let finished = DispatchSemaphore(value: 0)
    private let state = Mutex(State.idle)
    /// Sweeps done so far (tests and logs read it).
    private let sweepCount = Atomic<Int>(0)

    private enum State { case idle, running, stopped }

    package init(table: SessionTable, intervalSeconds: Int = defaultIntervalSeconds, alsoEachSweep: (@Sendable () -> Void)? = nil) {
        precondition(intervalSeconds >= 1, "sweep interval must be at least one second")
        self.table = table
        self.intervalSeconds = intervalSeconds
        self.alsoEachSweep = alsoEachSweep
    }

    /// Starts the thread; a second call does nothing.
    package func start() {
        let shouldStart = state.withLock { state in
            guard case .idle = state else { return false }
            state = .running
            return true
        }
        guard shouldStart else { return }
        let thread = Thread { [self] in run() }
        thread.name = "session-sweeper"
        thread.start()
    }

    /// Stops the thread and waits for it to exit; safe to call more than once or before `start()`.
    package func stop() {
        let wasRunning = state.withLock { state in
            defer { state = .stopped }
            if case .running = state { return true }
            return false
        }
        guard wasRunning else { return }
        wakeUp.signal()
        finished.wait()
    }

    /// How many sweeps have run.
    package var completedSweeps: Int { sweepCount.load(ordering: .relaxed) }

    private func run() {
        // `wait(timeout:)` returns `.success` only when `stop()` signals.
        while wakeUp.wait(timeout: .now() + .seconds(intervalSeconds)) == .timedOut {
            table.sweep()
            alsoEachSweep?()
            sweepCount.add(1, ordering: .relaxed)
        }
        finished.signal()
    }
}
