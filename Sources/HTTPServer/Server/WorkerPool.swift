import CSystem
import Glibc
import Synchronization

/// A few threads that run the handlers of offloaded routes (slow CPU-bound work
/// such as a PBKDF2 password check), so an event loop never waits for one. A loop
/// submits a request with the ticket of its connection; the worker answers it with
/// the shared responder and posts the response to that loop's mailbox.
///
/// Bounded: at most `capacity` requests wait for a worker; past that `submit`
/// refuses and the loop answers 503 at once, which is kinder than a growing queue
/// whose answers come after every client has given up.
final class WorkerPool: Sendable {
    /// One unit of work: the request, and where its answer goes.
    struct Job: Sendable {
        let request: HTTPRequest
        let ticket: OffloadTicket
        let mailbox: LoopMailbox
    }

    private struct Queue {
        var jobs: [Job] = []
        var stopping = false
        /// Jobs taken by a worker and not yet posted back.
        var running = 0
    }

    let capacity: Int
    private let responder: any HTTPResponder
    private let queue = Mutex(Queue())
    private let threads = Mutex<[pthread_t]>([])
    /// An eventfd in semaphore mode: one count per queued job (and one per worker at
    /// stop). A worker blocks in `read`, which takes exactly one count.
    private let signalFD: Int32

    init(responder: any HTTPResponder, capacity: Int) throws(SystemError) {
        self.responder = responder
        self.capacity = max(1, capacity)
        signalFD = eventfd(0, Int32(EFD_SEMAPHORE | EFD_CLOEXEC))
        guard signalFD >= 0 else { throw SystemError.last("eventfd") }
    }

    deinit { close(signalFD) }

    /// Starts `count` worker threads.
    func start(threads count: Int) throws(SystemError) {
        for _ in 0..<count {
            let thread = try LoopThread.spawn { [self] in
                LoopThread.blockSignals()
                work()
            }
            threads.withLock { $0.append(thread) }
        }
    }

    /// Queues a job; false when the queue is full or the pool is stopping.
    func submit(_ job: Job) -> Bool {
        let accepted = queue.withLock { queue in
            guard !queue.stopping, queue.jobs.count < capacity else { return false }
            queue.jobs.append(job)
            return true
        }
        if accepted {
            var one: UInt64 = 1
            _ = write(signalFD, &one, 8)
        }
        return accepted
    }

    /// Jobs waiting for a worker plus jobs being worked on (for tests and diagnostics).
    var load: (queued: Int, running: Int) { queue.withLock { ($0.jobs.count, $0.running) } }

    /// How often `stop` checks whether the running jobs have finished.
    static let stopPollMicroseconds: UInt32 = 1_000

    /// Called after the loops have exited: a job still queued has lost its connection,
    /// so it is dropped; a running one may finish until `deadline` (monotonic
    /// nanoseconds), then every worker exits and is joined. A job still running at the
    /// deadline would hold shutdown past its budget, so its worker is detached instead:
    /// it ends on its own, and its late post meets a closed mailbox. Idempotent.
    func stop(deadline: UInt64) {
        let count = threads.withLock { $0.count }
        queue.withLock { queue in
            queue.stopping = true
            queue.jobs = []
        }
        var wakeAll = UInt64(max(1, count))
        _ = write(signalFD, &wakeAll, 8)
        let stopping = threads.withLock { threads in
            defer { threads = [] }
            return threads
        }
        while queue.withLock({ $0.running > 0 }), MonotonicClock.now() < deadline { usleep(Self.stopPollMicroseconds) }
        // Re-checked under the lock: a worker past its last job only reads the wake-up count and returns.
        let idle = queue.withLock { $0.running == 0 }
        for thread in stopping {
            if idle { pthread_join(thread, nil) } else { pthread_detach(thread) }
        }
    }

    private func work() {
        while true {
            var count: UInt64 = 0
            let n = read(signalFD, &count, 8)
            if n < 0, errno == EINTR { continue }
            guard n == 8 else { return }
            let next: Job?? = queue.withLock { queue in
                guard !queue.jobs.isEmpty else { return queue.stopping ? .some(nil) : nil }
                queue.running += 1
                return queue.jobs.removeFirst()
            }
            guard let next else { continue }  // a count whose job was dropped at stop
            guard let job = next else { return }
            let response = responder.respond(to: job.request)
            job.mailbox.post(OffloadCompletion(ticket: job.ticket, response: response))
            queue.withLock { $0.running -= 1 }
        }
    }
}
