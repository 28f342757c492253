import CSystem
import Glibc
import Synchronization

/// The HTTP/1.1 server: a listening socket and `threads` event loops that parse
/// requests and hand each one, synchronously, to the responder on the loop thread;
/// requests the responder marks with `runsOffLoop` go to a small worker pool instead.
/// With `configuration.tls` set it speaks HTTPS: same loops, OpenSSL in place of `recv`/`send`.
///
///     let server = HTTPServer(configuration: config, responder: router)
///     let port = try server.start()
///     ShutdownSignals.shutdownOnSignal(server)
///     server.waitUntilStopped()
package final class HTTPServer: Sendable {
    private let configuration: HTTPServerConfiguration
    private let responder: any HTTPResponder
    private let run = Mutex(RunState())

    /// Descriptors and threads of a started server; guarded by `run`.
    private struct RunState {
        var context: ServerContext?
        var wakeFDs: [Int32] = []
        /// Closed before `wakeFDs`, so a detached worker's late answer never writes to a reused descriptor.
        var mailboxes: [LoopMailbox] = []
        /// When `shutdown()` was first called (monotonic nanoseconds); the workers' stop deadline counts from it.
        var stopRequestedAt: UInt64?
        var threads: [pthread_t] = []
        var released = false
    }

    package init(configuration: HTTPServerConfiguration, responder: any HTTPResponder) {
        self.configuration = configuration
        self.responder = responder
    }

    /// Binds and starts the loops; returns the bound port (useful with port 0).
    /// Throws `TLSError` when the configured certificate or key cannot be used (checked
    /// before binding), `SystemError` (e.g. `isAddressInUse`) when the socket cannot be set up.
    package func start() throws -> Int {
        let tls = try configuration.tls.map { (tls) throws(TLSError) in try TLSContext(configuration: tls) }
        return try run.withLock { (state: inout RunState) throws(SystemError) -> Int in
            precondition(state.context == nil, "HTTPServer.start() called twice")
            ListeningSocket.raiseOpenFileLimit()
            let (listenFD, port) = try ListeningSocket.open(host: configuration.host, port: configuration.port)
            let workers: WorkerPool?
            do throws(SystemError) {
                workers =
                    configuration.resolvedOffloadThreads > 0
                    ? try WorkerPool(responder: responder, capacity: configuration.offloadQueueCapacity) : nil
            } catch {
                close(listenFD)
                throw error
            }
            let context = ServerContext(
                configuration: configuration, responder: responder, listenFD: listenFD, workers: workers, tls: tls)
            state.context = context
            do throws(SystemError) {
                try workers?.start(threads: configuration.resolvedOffloadThreads)
                for _ in 0..<max(1, configuration.threads) {
                    let wakeFD = eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC))
                    guard wakeFD >= 0 else { throw SystemError.last("eventfd") }
                    state.wakeFDs.append(wakeFD)
                    // Built here so a failure surfaces from start(), then handed to its thread.
                    let mailbox = LoopMailbox(wakeFD: wakeFD)
                    state.mailboxes.append(mailbox)
                    let loop = try EventLoop(context: context, mailbox: mailbox)
                    let transfer = LoopTransfer(loop: loop)
                    state.threads.append(
                        try LoopThread.spawn {
                            LoopThread.blockSignals()
                            transfer.take().run()
                        })
                }
            } catch {
                Self.requestStop(&state)
                for thread in state.threads { pthread_join(thread, nil) }
                workers?.stop(deadline: Self.workerStopDeadline(state))
                state.threads = []
                state.released = true
                close(listenFD)
                for mailbox in state.mailboxes { mailbox.close() }
                for fd in state.wakeFDs { close(fd) }
                throw error
            }
            return port
        }
    }

    /// Stops accepting, lets in-flight requests finish (up to `shutdownGraceSeconds`),
    /// closes idle connections. Idempotent; callable from any thread, even a handler.
    package func shutdown() {
        run.withLock { Self.requestStop(&$0) }
    }

    /// Running offloaded jobs may finish until the loops' drain deadline (shutdown time
    /// plus the grace period); after it their answers have no connection left to go to.
    private static func workerStopDeadline(_ state: RunState) -> UInt64 {
        let grace = state.context?.configuration.limits.shutdownGraceSeconds ?? 0
        return (state.stopRequestedAt ?? MonotonicClock.now()) + HTTPConnectionStateMachine.nanoseconds(grace)
    }

    private static func requestStop(_ state: inout RunState) {
        guard let context = state.context, !state.released else { return }
        guard !context.isShuttingDown.exchange(true, ordering: .acquiringAndReleasing) else { return }
        state.stopRequestedAt = MonotonicClock.now()
        // shutdown(2) on the listener refuses new connections at once, for every loop.
        Glibc.shutdown(context.listenFD, Int32(SHUT_RDWR))
        var one: UInt64 = 1
        for fd in state.wakeFDs { _ = write(fd, &one, 8) }
    }

    /// Blocks until every loop has exited (after `shutdown()`), then releases the descriptors.
    package func waitUntilStopped() {
        let threads = run.withLock { state -> [pthread_t] in
            defer { state.threads = [] }
            return state.threads
        }
        if threads.isEmpty {
            // Another caller is joining (or nothing started): wait for it to finish.
            while run.withLock({ $0.context != nil && !$0.released }) { usleep(10_000) }
            return
        }
        for thread in threads { pthread_join(thread, nil) }
        // The loops waited (within the grace period) for their requests at workers;
        // only now may the workers go, since a loop could still have handed one a job.
        // Bounded by the same grace period, so a handler that never returns cannot hold shutdown.
        let (workers, deadline) = run.withLock { ($0.context?.workers, Self.workerStopDeadline($0)) }
        workers?.stop(deadline: deadline)
        run.withLock { state in
            guard let context = state.context, !state.released else { return }
            state.released = true
            close(context.listenFD)
            for mailbox in state.mailboxes { mailbox.close() }
            for fd in state.wakeFDs { close(fd) }
        }
    }
}

extension HTTPServer {
    /// Offloaded requests waiting for a worker and being worked on; zeros without a pool (for tests).
    var offloadLoad: (queued: Int, running: Int) {
        run.withLock { $0.context?.workers?.load } ?? (0, 0)
    }

    /// Open client connections across all loops.
    var openConnections: Int {
        run.withLock { $0.context?.connectionCount.load(ordering: .relaxed) } ?? 0
    }
}

/// Moves a freshly built `EventLoop` to the one thread that will own it. The
/// loop is created on the starting thread (so errors reach `start()`), handed
/// over exactly once, and never touched by the creator again; that single
/// hand-off is why the unchecked conformance is safe.
private final class LoopTransfer: @unchecked Sendable {
    private var loop: EventLoop?
    init(loop: EventLoop) { self.loop = loop }
    func take() -> EventLoop {
        defer { loop = nil }
        return loop!
    }
}
