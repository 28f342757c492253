/// The life of one client connection as pure transitions, in the manner of
/// async-http-client's `HTTP1ConnectionStateMachine`: the event loop reports what
/// happened (bytes, a queued response, a flush, EOF, a clock tick, shutdown) and
/// carries out the action it gets back. No sockets and no clock inside, so every
/// transition is testable with plain values (`now` is monotonic nanoseconds).
package struct HTTPConnectionStateMachine: Sendable {
    package enum State: Equatable, Sendable {
        /// Between requests, no byte of the next one yet: the idle timeout runs.
        case idle
        /// Part of a request has arrived: the header-read timeout runs.
        case readingRequest
        /// A complete request is with a worker thread (an offloaded route). Reads
        /// are paused, so later pipelined requests wait their turn in the socket,
        /// and no client timeout runs: the wait is the server's, bounded by its handlers.
        case awaitingResponse
        /// Response bytes are waiting for the socket to accept them; reads are paused.
        case writing
        case closed
    }

    /// What the loop should do with the bytes it holds.
    package enum ParseAction: Sendable {
        /// Nothing complete yet: keep reading.
        case wait
        /// Write `100 Continue`, then keep reading the body.
        case sendContinue
        /// Call the responder; `consumed` bytes belong to this request. `close` says
        /// whether the answer carries `Connection: close` and the connection ends after it.
        case handle(HTTPRequest, consumed: Int, close: Bool)
        /// Framing failed: write the fixed answer with this status, stop reading, close after the flush.
        case reject(HTTPStatus)
    }

    /// What the loop should do after trying to write.
    package enum FlushAction: Equatable, Sendable {
        case awaitWritable
        case resumeReading
        /// Everything is written but a worker still holds the request: watch neither
        /// reads nor writes until its answer arrives (errors and hang-ups still wake the loop).
        case pauseReading
        case close
    }

    /// What a clock tick or shutdown requires.
    package enum TimerAction: Equatable, Sendable {
        case none
        case close
        /// A request was started but not finished in time: answer 408 and close.
        case reject(HTTPStatus)
    }

    package private(set) var state = State.idle
    /// When the running timeout fires, in monotonic nanoseconds.
    package private(set) var deadline: UInt64
    package private(set) var closeAfterWrite = false
    private var draining = false
    private var continueSent = false
    private var parser: HTTPRequestParser
    private let limits: HTTPLimits

    package init(limits: HTTPLimits, now: UInt64) {
        self.limits = limits
        self.parser = HTTPRequestParser(limits: limits)
        self.deadline = now &+ Self.nanoseconds(limits.keepAliveIdleTimeoutSeconds)
    }

    static func nanoseconds(_ seconds: Double) -> UInt64 { UInt64(max(0, seconds) * 1_000_000_000) }

    /// Offers the unconsumed input, which starts at the current request's first byte.
    package mutating func parse(_ buffer: UnsafeBufferPointer<UInt8>, now: UInt64) -> ParseAction {
        guard state == .idle || state == .readingRequest, !closeAfterWrite, !buffer.isEmpty else { return .wait }
        if state == .idle {
            state = .readingRequest
            deadline = now &+ Self.nanoseconds(limits.headerReadTimeoutSeconds)
        }
        switch parser.parse(buffer) {
        case .needMore:
            guard parser.isAwaitingContinue, !continueSent else { return .wait }
            continueSent = true
            return .sendContinue
        case .error(let status):
            closeAfterWrite = true
            return .reject(status)
        case .complete(let parsed, let consumed):
            parser.reset()
            continueSent = false
            let close = !parsed.keepAlive || draining
            if close { closeAfterWrite = true }
            return .handle(parsed.request, consumed: consumed, close: close)
        }
    }

    /// A TLS connection was accepted: its handshake counts against the header-read
    /// timeout (not the idle one), so a client that opens a socket and never finishes
    /// the handshake is closed as soon as one that never finishes its headers.
    package mutating func handshakeStarted(now: UInt64) {
        guard state == .idle else { return }
        deadline = now &+ Self.nanoseconds(limits.headerReadTimeoutSeconds)
    }

    /// The handshake is done: the connection now waits for its first request like any
    /// kept-alive one, under the idle timeout.
    package mutating func handshakeFinished(now: UInt64) {
        guard state == .idle else { return }
        deadline = now &+ Self.nanoseconds(limits.keepAliveIdleTimeoutSeconds)
    }

    /// The request just parsed went to a worker thread instead of being answered
    /// inline. Its answer is reported later with `responseQueued(forceClose:now:)`.
    package mutating func responseDeferred() {
        guard state == .readingRequest else { return }
        state = .awaitingResponse
        deadline = .max
    }

    /// The answer to the request just handled (inline or by a worker) is queued.
    /// `forceClose` is a handler's own `Connection: close`.
    package mutating func responseQueued(forceClose: Bool = false, now: UInt64) {
        if forceClose { closeAfterWrite = true }
        if state == .readingRequest || state == .awaitingResponse {
            state = .idle
            deadline = now &+ Self.nanoseconds(limits.keepAliveIdleTimeoutSeconds)
        }
    }

    /// Reports whether queued bytes remain after a write attempt.
    package mutating func flushed(pending: Bool, now: UInt64) -> FlushAction {
        guard state != .closed else { return .close }
        if state == .awaitingResponse { return pending ? .awaitWritable : .pauseReading }
        if pending {
            if state != .writing {
                state = .writing
                deadline = now &+ Self.nanoseconds(limits.keepAliveIdleTimeoutSeconds)  // a reader that never reads
            }
            return .awaitWritable
        }
        if closeAfterWrite {
            state = .closed
            return .close
        }
        if state == .writing {
            state = .idle
            deadline = now &+ Self.nanoseconds(limits.keepAliveIdleTimeoutSeconds)
        }
        return .resumeReading
    }

    /// The peer sent EOF. Anything complete was handled already; a partial request is dropped.
    /// A half-closed client still gets the answer being written or worked on, then the close.
    package mutating func peerClosed() -> FlushAction {
        if state == .writing || state == .awaitingResponse {
            closeAfterWrite = true
            return .awaitWritable
        }
        state = .closed
        return .close
    }

    /// Checks the running timeout against the clock.
    package mutating func tick(now: UInt64) -> TimerAction {
        // A request with a worker has no client timeout (its deadline is `.max` too).
        guard state != .closed, state != .awaitingResponse, now >= deadline else { return .none }
        switch state {
        case .readingRequest where !closeAfterWrite:
            closeAfterWrite = true
            return .reject(.requestTimeout)
        default:
            state = .closed
            return .close
        }
    }

    /// The server is draining: idle connections close now; a request in progress
    /// finishes and its answer carries `Connection: close`.
    package mutating func shutdownRequested() -> TimerAction {
        draining = true
        switch state {
        case .idle:
            state = .closed
            return .close
        case .writing, .awaitingResponse:
            closeAfterWrite = true
            return .none
        case .readingRequest, .closed:
            return .none
        }
    }
}
