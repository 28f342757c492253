/// One accepted client socket and its buffers. Owned and touched only by the
/// loop thread that accepted it, so it is a plain (non-Sendable) class.
final class Connection {
    /// Which events the loop watches for this socket.
    enum Interest {
        case reading
        /// Output is waiting for the socket (reads paused: back-pressure).
        case writing
        /// A worker holds the request and nothing is left to write: neither.
        case paused
    }

    /// The request a worker is answering, as much as the loop needs to frame and log
    /// the answer when it comes back.
    struct Offloaded {
        let method: HTTPMethod
        let path: String
        let version: HTTPVersion
        let close: Bool
        /// Monotonic nanoseconds when the request was complete, for the log's duration.
        let startedAt: UInt64
    }

    let fd: Int32
    /// Unique within its loop: with `fd`, the ticket a worker's answer carries back.
    let id: UInt64
    let remoteAddress: String
    /// The TLS session over `fd`, or nil for plain HTTP (whose path never looks further).
    let tls: TLSConnection?
    var machine: HTTPConnectionStateMachine
    /// Received bytes; `input[inputStart...]` is the unconsumed part, starting at a request's first byte.
    var input: [UInt8] = []
    var inputStart = 0
    /// Serialised responses; `output[outputStart...]` is not yet accepted by the socket.
    var output: [UInt8] = []
    var outputStart = 0
    var interest = Interest.reading
    /// Set while a worker answers this connection's current request.
    var offloaded: Offloaded?
    /// After our side finished (FIN sent), unread client bytes are drained until
    /// this deadline so closing does not turn into a reset that destroys our answer.
    var lingerDeadline: UInt64?
    var isClosed = false

    /// Buffers larger than this are released once empty, so 10,000 idle connections stay small.
    static let retainedBufferBytes = 32 * 1024

    init(fd: Int32, id: UInt64, remoteAddress: String, limits: HTTPLimits, now: UInt64, tls: TLSConnection? = nil) {
        self.fd = fd
        self.id = id
        self.remoteAddress = remoteAddress
        self.tls = tls
        self.machine = HTTPConnectionStateMachine(limits: limits, now: now)
        if tls != nil { machine.handshakeStarted(now: now) }
    }

    var pendingOutput: Int { output.count - outputStart }

    func appendInput(_ bytes: UnsafeRawBufferPointer) {
        if inputStart > 0 {
            input.removeFirst(inputStart)
            inputStart = 0
        }
        input.append(contentsOf: bytes.bindMemory(to: UInt8.self))
    }

    func consumeInput(_ count: Int) {
        inputStart += count
        if inputStart == input.count { discardInput() }
    }

    func discardInput() {
        if input.capacity > Self.retainedBufferBytes {
            input = []
        } else {
            input.removeAll(keepingCapacity: true)
        }
        inputStart = 0
    }

    func outputWritten() {
        if output.capacity > Self.retainedBufferBytes {
            output = []
        } else {
            output.removeAll(keepingCapacity: true)
        }
        outputStart = 0
    }
}
