import Glibc

extension EventLoop {
    /// Feeds the connection's input to its state machine and runs the responder for
    /// each complete request, in order, appending each answer to the output.
    /// Returns true if it stopped only because the output bound was reached.
    func processInput(_ connection: Connection, now: UInt64) -> Bool {
        while connection.pendingOutput < limits.maxPendingWriteBytes {
            let action = connection.input.withUnsafeBufferPointer { buffer in
                connection.machine.parse(UnsafeBufferPointer(rebasing: buffer[connection.inputStart...]), now: now)
            }
            switch action {
            case .wait:
                return false
            case .sendContinue:
                connection.output.append(contentsOf: ResponseWriter.continueLine)
                return false
            case .handle(var request, let consumed, let close):
                connection.consumeInput(consumed)
                request.remoteAddress = connection.remoteAddress
                request.isSecure = connection.tls != nil
                // The one check the inline path pays for offloading (see `HTTPResponder.runsOffLoop`).
                if context.responder.runsOffLoop(request), offload(request, close: close, on: connection, now: now) {
                    if connection.offloaded != nil { return false }  // later pipelined requests wait for this answer
                    continue  // refused with 503: on to the next request
                }
                respond(to: request, close: close, on: connection, now: now)
            case .reject(let status):
                reject(connection, status: status)
                return false
            }
        }
        return true
    }

    private func respond(to request: HTTPRequest, close: Bool, on connection: Connection, now: UInt64) {
        let response = context.responder.respond(to: request)
        queue(
            response, method: request.method, path: request.path, version: request.version, close: close, on: connection,
            startedAt: now, now: now)
    }

    /// Serialises the answer to the connection's current request (inline or from a
    /// worker), tells the state machine, and writes the log line with the full duration.
    func queue(
        _ response: HTTPResponse, method: HTTPMethod, path: String, version: HTTPVersion, close: Bool, on connection: Connection,
        startedAt: UInt64, now: UInt64
    ) {
        // A shutdown that began while the handler ran still gets `Connection: close` on this answer.
        let forceClose = ResponseWriter.requestsClose(response) || context.isShuttingDown.load(ordering: .relaxed)
        let sent = ResponseWriter.append(
            response, to: &connection.output, isHEAD: method == .HEAD, close: close || forceClose,
            keepAliveHeader: version.minor == 0, date: date.line)
        connection.machine.responseQueued(forceClose: forceClose, now: now)
        if let log = context.configuration.log {
            let elapsed = MonotonicClock.now() &- startedAt
            log(RequestLog.line(method: method.rawValue, path: path, status: response.status.code, bodyBytes: sent, nanoseconds: elapsed))
        }
    }

    /// The fixed answer to input that could not be framed; nothing more is read from it.
    func reject(_ connection: Connection, status: HTTPStatus) {
        connection.discardInput()
        ResponseWriter.appendRejection(status, to: &connection.output, date: date.line)
        if let log = context.configuration.log {
            log(RequestLog.line(method: "-", path: "-", status: status.code, bodyBytes: 0, nanoseconds: 0))
        }
    }

    /// Applies timeouts: idle and slow clients are closed, a stalled request gets 408,
    /// a lingering close ends. Runs every `sweepIntervalNanoseconds`.
    func sweep(now: UInt64) {
        if let until = acceptPausedUntil, now >= until {
            acceptPausedUntil = nil
            if drainDeadline == nil { startListening() }
        }
        var expired: [Connection] = []
        for connection in connections.values {
            if let linger = connection.lingerDeadline {
                if now >= linger { expired.append(connection) }
            } else if now >= connection.machine.deadline {
                expired.append(connection)
            }
        }
        for connection in expired {
            if connection.lingerDeadline != nil {
                closeConnection(connection)
                continue
            }
            switch connection.machine.tick(now: now) {
            case .none: break
            case .close: closeConnection(connection)
            case .reject(let status):
                reject(connection, status: status)
                flush(connection, now: now)
            }
        }
    }

    /// Stops accepting and closes idle connections; busy ones finish their request.
    func beginDrain(now: UInt64) {
        drainDeadline = now + HTTPConnectionStateMachine.nanoseconds(limits.shutdownGraceSeconds)
        stopListening()
        for connection in Array(connections.values) where connection.lingerDeadline == nil {
            if connection.machine.shutdownRequested() == .close { closeConnection(connection) }
        }
    }
}
