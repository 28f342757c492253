import Glibc

/// Everything the server needs to know before `start()`; a value, so a test or
/// the command line can build one field by field.
package struct HTTPServerConfiguration: Sendable {
    /// The address to bind: IPv4 (`127.0.0.1`, `0.0.0.0`) or IPv6 (`::1`, `::`).
    package var host: String = "127.0.0.1"
    /// The TCP port; 0 asks the kernel for a free one, which `start()` returns.
    package var port: Int = 8080
    /// Event-loop threads, one epoll set each. Default: one per online core.
    package var threads: Int = HTTPServerConfiguration.defaultThreads
    package var limits = HTTPLimits()
    /// The request-log sink (`RequestLog.standardOutput`, or a test's collector);
    /// nil keeps the server quiet and skips building the line altogether.
    package var log: (@Sendable (String) -> Void)? = nil
    /// Worker threads for routes marked `offload: true` (slow CPU-bound handlers).
    /// nil: one per event loop. 0: no pool, such routes run inline on the loop.
    package var offloadThreads: Int? = nil
    /// Offloaded requests waiting for a free worker. Past it the answer is 503
    /// `overloaded` with `Retry-After`, so a login flood cannot queue without bound.
    package var offloadQueueCapacity: Int = HTTPServerConfiguration.defaultOffloadQueueCapacity

    /// Serve HTTPS with this certificate and key; nil serves plain HTTP.
    package var tls: TLSConfiguration? = nil

    package static let defaultOffloadQueueCapacity = 256

    package init(
        host: String = "127.0.0.1", port: Int = 8080, threads: Int = HTTPServerConfiguration.defaultThreads,
        limits: HTTPLimits = HTTPLimits(), log: (@Sendable (String) -> Void)? = nil, offloadThreads: Int? = nil,
        offloadQueueCapacity: Int = HTTPServerConfiguration.defaultOffloadQueueCapacity, tls: TLSConfiguration? = nil
    ) {
        self.host = host
        self.port = port
        self.threads = threads
        self.limits = limits
        self.log = log
        self.offloadThreads = offloadThreads
        self.offloadQueueCapacity = offloadQueueCapacity
        self.tls = tls
    }

    /// The worker count actually used: `offloadThreads`, else one per loop.
    var resolvedOffloadThreads: Int { max(0, offloadThreads ?? max(1, threads)) }

    package static var defaultThreads: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}
