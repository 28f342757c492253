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

    package init(
        host: String = "127.0.0.1", port: Int = 8080, threads: Int = HTTPServerConfiguration.defaultThreads,
        limits: HTTPLimits = HTTPLimits(), log: (@Sendable (String) -> Void)? = nil
    ) {
        self.host = host
        self.port = port
        self.threads = threads
        self.limits = limits
        self.log = log
    }

    package static var defaultThreads: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}
