/// The TLS transport of a connection: the handshake, `SSL_read` and `SSL_write` in
/// place of `recv` and `send`. The plain path never enters this file; a TLS
/// connection enters it at exactly three places (`handle`, `readable`, `flush`),
/// and each OpenSSL "want read / want write" becomes the matching epoll interest.
extension EventLoop {
    /// One handshake step, on whichever readiness OpenSSL asked for. Done: reading
    /// starts at once, since the client's first request may have arrived with its Finished.
    func continueHandshake(_ connection: Connection, _ tls: TLSConnection, now: UInt64) {
        switch tls.handshake() {
        case .bytes:
            connection.machine.handshakeFinished(now: now)
            setInterest(connection, .reading)
            readTLS(connection, tls, now: now)
        case .wantRead:
            setInterest(connection, .reading)
        case .wantWrite:
            setInterest(connection, .writing)
        case .closed, .failed:
            // Nothing is logged: a port scanner or a client that distrusts our certificate is routine.
            closeConnection(connection)
        }
    }

    /// Reads plaintext while the connection is reading, a buffer at a time, and drives
    /// each buffer through the state machine. Also drains what OpenSSL already holds
    /// (`hasBufferedInput`), which no epoll event would announce.
    func readTLS(_ connection: Connection, _ tls: TLSConnection, now: UInt64) {
        tls.readWantsWrite = false
        while connection.interest == .reading, !connection.isClosed, connection.lingerDeadline == nil {
            var filled = 0
            var outcome = TLSConnection.Outcome.wantRead
            while filled < readBuffer.count {
                outcome = tls.read(into: readBuffer.baseAddress! + filled, count: readBuffer.count - filled)
                guard case .bytes(let n) = outcome else { break }
                filled += n
            }
            if filled > 0 {
                connection.appendInput(UnsafeRawBufferPointer(rebasing: readBuffer[0..<filled]))
                drive(connection, now: now)
                if connection.isClosed { return }
            }
            switch outcome {
            case .bytes:
                continue  // the buffer filled up: more may be waiting
            case .wantRead:
                return
            case .wantWrite:
                tls.readWantsWrite = true
                if connection.interest == .reading { setInterest(connection, .writing) }
                return
            case .closed:
                if connection.machine.peerClosed() == .close { closeConnection(connection) }
                return
            case .failed:
                closeConnection(connection)
                return
            }
        }
    }

    /// `SSL_write`s the pending output. Returns false when the connection was closed.
    /// A write that wanted the socket is retried with the same length, as OpenSSL requires.
    func writeTLS(_ connection: Connection, _ tls: TLSConnection) -> Bool {
        while connection.pendingOutput > 0 {
            let length = tls.retryWriteLength ?? connection.pendingOutput
            let outcome = connection.output.withUnsafeBytes { raw in
                tls.write(raw.baseAddress! + connection.outputStart, count: length)
            }
            switch outcome {
            case .bytes(let n):
                tls.retryWriteLength = nil
                connection.outputStart += n
            case .wantWrite:
                tls.retryWriteLength = length
                return true
            case .wantRead, .closed, .failed:
                // With renegotiation off, only a broken peer makes a write wait for a read.
                closeConnection(connection)
                return false
            }
        }
        return true
    }

    /// Connections whose reading resumed (after back-pressure, a worker's answer, or a
    /// read that needed a write) while OpenSSL held input for them: read it now.
    func resumeTLSReads(now: UInt64) {
        while let connection = tlsReadsToResume.popLast() {
            guard let tls = connection.tls, !connection.isClosed, connection.interest == .reading,
                connection.lingerDeadline == nil
            else { continue }
            readTLS(connection, tls, now: now)
        }
    }
}
