/// One accepted client socket and its buffers. Owned and touched only by the
/// loop thread that accepted it, so it is a plain (non-Sendable) class.
final class Connection {
    let fd: Int32
    let remoteAddress: String
    var machine: HTTPConnectionStateMachine
    /// Received bytes; `input[inputStart...]` is the unconsumed part, starting at a request's first byte.
    var input: [UInt8] = []
    var inputStart = 0
    /// Serialised responses; `output[outputStart...]` is not yet accepted by the socket.
    var output: [UInt8] = []
    var outputStart = 0
    /// True while registered for EPOLLOUT (reads paused).
    var awaitingWritable = false
    /// After our side finished (FIN sent), unread client bytes are drained until
    /// this deadline so closing does not turn into a reset that destroys our answer.
    var lingerDeadline: UInt64?
    var isClosed = false

    /// Buffers larger than this are released once empty, so 10,000 idle connections stay small.
    static let retainedBufferBytes = 32 * 1024

    init(fd: Int32, remoteAddress: String, limits: HTTPLimits, now: UInt64) {
        self.fd = fd
        self.remoteAddress = remoteAddress
        self.machine = HTTPConnectionStateMachine(limits: limits, now: now)
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
