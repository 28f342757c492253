/// The bounds every connection lives within. Each one closes a way for a client to
/// hold memory, a file descriptor or a loop's time (Go's `http.Server` fields,
/// nginx's `client_header_buffer_size` / `client_max_body_size` / timeouts).
/// Every field can be changed by a command-line flag; tests shrink the timeouts.
package struct HTTPLimits: Sendable, Equatable {
    /// Request line plus header fields, CRLFs included. Past it the answer is 431.
    package var maxHeaderBytes: Int = 16 * 1024
    /// Number of header fields in one request. Past it the answer is 431.
    package var maxHeaderCount: Int = 100
    /// Decoded request body (Content-Length or sum of chunks). Past it the answer is 413.
    package var maxBodyBytes: Int = 64 * 1024
    /// Time from the first byte of a request to its last byte. Past it: 408, then close.
    package var headerReadTimeoutSeconds: Double = 10
    /// Time a keep-alive connection may sit between requests (or a slow reader may
    /// take to drain a response). Past it the connection is closed silently.
    package var keepAliveIdleTimeoutSeconds: Double = 60
    /// Open client connections across all loops. Past it a new connection gets a
    /// fixed 503 with `Connection: close` and is closed at once.
    package var maxConnections: Int = 10_000
    /// Response bytes a connection may have queued before the loop stops parsing
    /// its pipelined requests and waits for the client to read (back-pressure).
    package var maxPendingWriteBytes: Int = 1024 * 1024
    /// How long `shutdown()` lets in-flight requests finish before closing everything.
    package var shutdownGraceSeconds: Double = 3

    package init(
        maxHeaderBytes: Int = 16 * 1024, maxHeaderCount: Int = 100, maxBodyBytes: Int = 64 * 1024,
        headerReadTimeoutSeconds: Double = 10, keepAliveIdleTimeoutSeconds: Double = 60,
        maxConnections: Int = 10_000, maxPendingWriteBytes: Int = 1024 * 1024, shutdownGraceSeconds: Double = 3
    ) {
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxBodyBytes = maxBodyBytes
        self.headerReadTimeoutSeconds = headerReadTimeoutSeconds
        self.keepAliveIdleTimeoutSeconds = keepAliveIdleTimeoutSeconds
        self.maxConnections = maxConnections
        self.maxPendingWriteBytes = maxPendingWriteBytes
        self.shutdownGraceSeconds = shutdownGraceSeconds
    }

    /// Raw chunked-body bytes (sizes, extensions, CRLFs, trailers included) allowed
    /// around `maxBodyBytes` of data, so one-byte chunks cannot grow the buffer unbounded.
    var maxEncodedBodyBytes: Int { 2 * maxBodyBytes + maxHeaderBytes }
}
