import Synchronization

/// What every loop of one server shares. Immutable after `start()` except the
/// two atomics (the worker pool guards its own state), so it is genuinely `Sendable` (no `@unchecked`).
final class ServerContext: Sendable {
    let configuration: HTTPServerConfiguration
    let responder: any HTTPResponder
    let listenFD: Int32
    /// The HTTPS context every loop makes its connections' `SSL`s from; nil for plain HTTP.
    let tls: TLSContext?
    /// Runs the handlers of offloaded routes; nil when `offloadThreads` is 0.
    let workers: WorkerPool?
    /// Set once by `shutdown()`; each loop checks it on every wake-up.
    let isShuttingDown = Atomic<Bool>(false)
    /// Open client connections across all loops, checked against `maxConnections` at accept.
    let connectionCount = Atomic<Int>(0)

    init(
        configuration: HTTPServerConfiguration, responder: any HTTPResponder, listenFD: Int32, workers: WorkerPool?,
        tls: TLSContext? = nil
    ) {
        self.configuration = configuration
        self.responder = responder
        self.listenFD = listenFD
        self.tls = tls
        self.workers = workers
    }
}
