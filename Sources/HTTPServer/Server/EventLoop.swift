import CSystem
import Glibc

/// One event-loop thread: its own epoll set, its own eventfd for wake-ups, its
/// own connections. Created on, and only ever used by, that thread.
final class EventLoop {
    let context: ServerContext
    let limits: HTTPLimits
    let epollFD: Int32
    let wakeFD: Int32
    /// Where workers leave the answers to this loop's offloaded requests.
    let mailbox: LoopMailbox
    var connections: [Int32: Connection] = [:]
    /// The last `Connection.id` handed out.
    var nextConnectionID: UInt64 = 0
    /// One receive buffer per loop, reused by every read.
    let readBuffer: UnsafeMutableRawBufferPointer
    var date = DateHeaderCache()
    var isListening = false
    /// Set after EMFILE/ENFILE: accepting resumes at this time.
    var acceptPausedUntil: UInt64?
    var drainDeadline: UInt64?
    var nextSweep: UInt64 = 0
    /// TLS connections to read again before the next wait (see `resumeTLSReads`); empty on plain HTTP.
    var tlsReadsToResume: [Connection] = []

    static let readBufferBytes = 64 * 1024
    static let maxEventsPerWait: Int32 = 256
    /// How often deadlines are checked; timeouts fire within this much of their due time.
    static let sweepIntervalNanoseconds: UInt64 = 50_000_000
    /// How long a closing connection's unread input is drained (nginx's lingering close).
    static let lingerNanoseconds: UInt64 = 2_000_000_000

    init(context: ServerContext, mailbox: LoopMailbox) throws(SystemError) {
        self.context = context
        self.limits = context.configuration.limits
        self.mailbox = mailbox
        self.wakeFD = mailbox.wakeFD
        epollFD = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard epollFD >= 0 else { throw SystemError.last("epoll_create1") }
        readBuffer = .allocate(byteCount: Self.readBufferBytes, alignment: 16)
        guard register(wakeFD, events: csystem_epollin()) else {
            readBuffer.deallocate()
            close(epollFD)
            throw SystemError.last("epoll_ctl")
        }
        startListening()
    }

    deinit {
        readBuffer.deallocate()
        close(epollFD)
    }

    /// Runs until shutdown has drained every connection (or the grace period ran out).
    func run() {
        var events = [epoll_event](repeating: epoll_event(), count: Int(Self.maxEventsPerWait))
        while true {
            let timeout: Int32 = connections.isEmpty && acceptPausedUntil == nil && drainDeadline == nil ? -1 : 50
            let count = epoll_wait(epollFD, &events, Self.maxEventsPerWait, timeout)
            if count < 0, errno != EINTR { break }
            let now = MonotonicClock.now()
            date.refresh()
            for i in 0..<Int(max(count, 0)) {
                let token = EpollToken(raw: events[i].data.u64)
                let fd = token.fd
                let flags = events[i].events
                if fd == wakeFD {
                    var value: UInt64 = 0
                    _ = read(wakeFD, &value, 8)  // reset first, then take: see `LoopMailbox.post`
                    deliverOffloadedResponses(now: now)
                } else if fd == context.listenFD {
                    acceptConnections(now: now)
                } else if let connection = connections[fd], token.belongs(to: connection) {
                    // A mismatched ID is a stale event for a closed connection whose descriptor was reused.
                    handle(connection, flags: flags, now: now)
                }
            }
            if !tlsReadsToResume.isEmpty { resumeTLSReads(now: now) }
            if drainDeadline == nil, context.isShuttingDown.load(ordering: .acquiring) { beginDrain(now: now) }
            if now >= nextSweep {
                sweep(now: now)
                nextSweep = now + Self.sweepIntervalNanoseconds
            }
            if let deadline = drainDeadline, connections.isEmpty || now >= deadline { break }
        }
        for connection in Array(connections.values) { closeConnection(connection) }
    }

    private func handle(_ connection: Connection, flags: UInt32, now: UInt64) {
        // A hang-up while paused (a worker has the request) cannot be read away: the peer is gone.
        if flags & csystem_epollerr() != 0 || (connection.interest == .paused && flags & csystem_epollhup() != 0) {
            closeConnection(connection)
            return
        }
        if let tls = connection.tls, !tls.isEstablished {
            continueHandshake(connection, tls, now: now)
            return
        }
        if flags & csystem_epollout() != 0 {
            if flush(connection, now: now) { drive(connection, now: now) }
            if connection.isClosed { return }
        }
        if flags & (csystem_epollin() | csystem_epollhup() | csystem_epollrdhup()) != 0, connection.interest == .reading {
            readable(connection, now: now)
        }
    }

    private func readable(_ connection: Connection, now: UInt64) {
        // TLS decrypts through OpenSSL; a lingering close (either kind) discards raw bytes below.
        if let tls = connection.tls, connection.lingerDeadline == nil {
            readTLS(connection, tls, now: now)
            return
        }
        let n = recv(connection.fd, readBuffer.baseAddress, readBuffer.count, 0)
        if n > 0 {
            if connection.lingerDeadline != nil { return }  // draining a closed exchange: discard
            connection.appendInput(UnsafeRawBufferPointer(rebasing: readBuffer[0..<n]))
            drive(connection, now: now)
        } else if n == 0 {
            if connection.lingerDeadline != nil || connection.machine.peerClosed() == .close { closeConnection(connection) }
        } else if errno != EAGAIN, errno != EWOULDBLOCK, errno != EINTR {
            closeConnection(connection)
        }
    }

    /// Parses and answers what the input holds, writes, and repeats while
    /// pipelined requests were held back only by the output bound.
    func drive(_ connection: Connection, now: UInt64) {
        while !connection.isClosed {
            let outputFull = processInput(connection, now: now)
            guard flush(connection, now: now), outputFull else { return }
        }
    }

    /// Writes pending output. Returns true when the connection may read again.
    @discardableResult
    func flush(_ connection: Connection, now: UInt64) -> Bool {
        if let tls = connection.tls {
            guard writeTLS(connection, tls) else { return false }
        } else {
            guard writePlain(connection) else { return false }
        }
        if connection.pendingOutput == 0 { connection.outputWritten() }
        switch connection.machine.flushed(pending: connection.pendingOutput > 0, now: now) {
        case .close:
            lingeringClose(connection, now: now)
            return false
        case .awaitWritable:
            setInterest(connection, .writing)
            return false
        case .resumeReading:
            setInterest(connection, .reading)
            return true
        case .pauseReading:
            setInterest(connection, .paused)
            return false
        }
    }

    /// `send`s the pending output until the socket is full. Returns false when the connection was closed.
    private func writePlain(_ connection: Connection) -> Bool {
        while connection.pendingOutput > 0 {
            let n = connection.output.withUnsafeBytes { raw in
                send(connection.fd, raw.baseAddress! + connection.outputStart, connection.pendingOutput, Int32(MSG_NOSIGNAL))
            }
            if n > 0 {
                connection.outputStart += n
            } else if n < 0, errno == EINTR {
                continue
            } else if n < 0, errno == EAGAIN || errno == EWOULDBLOCK {
                break
            } else {
                closeConnection(connection)
                return false
            }
        }
        return true
    }

    func setInterest(_ connection: Connection, _ interest: Connection.Interest) {
        guard connection.interest != interest else { return }
        connection.interest = interest
        if interest == .reading, let tls = connection.tls, tls.hasBufferedInput || tls.readWantsWrite {
            tlsReadsToResume.append(connection)
        }
        var event = epoll_event()
        switch interest {
        case .reading: event.events = csystem_epollin() | csystem_epollrdhup()
        case .writing: event.events = csystem_epollout()
        case .paused: event.events = 0  // EPOLLERR and EPOLLHUP are reported regardless
        }
        event.data.u64 = EpollToken(fd: connection.fd, connectionID: connection.id).raw
        _ = epoll_ctl(epollFD, EPOLL_CTL_MOD, connection.fd, &event)
    }

    /// Adds `fd` to the epoll set, tagged with its connection's ID (see `EpollToken`).
    func register(_ fd: Int32, events: UInt32, connectionID: UInt64 = 0) -> Bool {
        var event = epoll_event()
        event.events = events
        event.data.u64 = EpollToken(fd: fd, connectionID: connectionID).raw
        return epoll_ctl(epollFD, EPOLL_CTL_ADD, fd, &event) == 0
    }

    /// Half-closes our side and drains the client's unread bytes before the real
    /// close, so the kernel sends FIN after our answer rather than a reset.
    func lingeringClose(_ connection: Connection, now: UInt64) {
        guard !connection.isClosed, connection.lingerDeadline == nil else { return }
        connection.tls?.shutdown()  // close_notify first, so the client knows the answer is whole
        Glibc.shutdown(connection.fd, Int32(SHUT_WR))
        connection.lingerDeadline = now + Self.lingerNanoseconds
        connection.discardInput()
        setInterest(connection, .reading)
    }

    func closeConnection(_ connection: Connection) {
        guard !connection.isClosed else { return }
        connection.isClosed = true
        connection.tls?.shutdown()
        close(connection.fd)
        connections[connection.fd] = nil
        context.connectionCount.subtract(1, ordering: .relaxed)
    }
}
