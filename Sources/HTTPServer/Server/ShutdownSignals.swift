import Glibc

/// Turns SIGINT (Ctrl-C) and SIGTERM (docker stop, systemd) into a graceful
/// `shutdown()`. The signals are blocked and received with `sigwait` on one
/// dedicated thread, so no handler ever runs at an arbitrary point of a loop.
package enum ShutdownSignals {
    /// Blocks SIGINT and SIGTERM in the calling thread and every thread it creates
    /// later. Call it first thing in `main`, before `start()`.
    package static func block() {
        var set = signals()
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    /// Starts a thread that waits for SIGINT or SIGTERM, calls `onSignal` (say, to
    /// print a line) and then `server.shutdown()`. Also blocks the signals in the
    /// calling thread. Returns at once; pair it with `server.waitUntilStopped()`.
    package static func shutdownOnSignal(_ server: HTTPServer, onSignal: (@Sendable (Int32) -> Void)? = nil) {
        block()
        let thread = try? LoopThread.spawn {
            let signal = waitForSignal()
            onSignal?(signal)
            server.shutdown()
        }
        if let thread { pthread_detach(thread) }
    }

    /// Blocks the calling thread until SIGINT or SIGTERM, shuts the server down
    /// and returns the signal number. For a `main` that has nothing else to do.
    @discardableResult
    package static func waitThenShutdown(_ server: HTTPServer) -> Int32 {
        block()
        let signal = waitForSignal()
        server.shutdown()
        return signal
    }

    private static func waitForSignal() -> Int32 {
        var set = signals()
        var signal: Int32 = 0
        while sigwait(&set, &signal) != 0 {}
        return signal
    }

    private static func signals() -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        return set
    }
}
