import CSystem
import Glibc

extension EventLoop {
    /// Connections accepted per wake-up before the loop serves its other sockets again.
    static let maxAcceptsPerWake = 64

    func startListening() {
        guard !isListening else { return }
        // EPOLLEXCLUSIVE (1 << 28): one loop is woken per incoming connection, not all of them.
        isListening = register(context.listenFD, events: csystem_epollin() | (1 << 28))
    }

    func stopListening() {
        guard isListening else { return }
        isListening = false
        _ = epoll_ctl(epollFD, EPOLL_CTL_DEL, context.listenFD, nil)
    }

    func acceptConnections(now: UInt64) {
        for _ in 0..<Self.maxAcceptsPerWake {
            var storage = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let fd = withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    accept(context.listenFD, $0, &length)
                }
            }
            guard fd >= 0 else {
                switch errno {
                case EAGAIN, EWOULDBLOCK: return
                case EINTR, ECONNABORTED, EPROTO: continue
                case EMFILE, ENFILE, ENOBUFS, ENOMEM:
                    // Out of descriptors: stop polling the listener briefly instead of spinning on it.
                    stopListening()
                    acceptPausedUntil = now + 100_000_000
                    return
                default:  // EINVAL once shutdown() has closed the listener
                    stopListening()
                    return
                }
            }
            // accept4 needs _GNU_SOURCE, which Glibc's module does not define: set the flags by hand.
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            let open = context.connectionCount.wrappingAdd(1, ordering: .relaxed).newValue
            guard open <= limits.maxConnections else {
                refuseOverLimit(fd)
                continue
            }
            var one: Int32 = 1
            _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            // On HTTPS the socket gets its `SSL` now; the handshake waits for the ClientHello.
            var tls: TLSConnection? = nil
            if let tlsContext = context.tls {
                tls = TLSConnection(context: tlsContext, fd: fd)
                if tls == nil {
                    close(fd)
                    context.connectionCount.subtract(1, ordering: .relaxed)
                    continue
                }
            }
            nextConnectionID &+= 1
            guard register(fd, events: csystem_epollin() | csystem_epollrdhup(), connectionID: nextConnectionID) else {
                close(fd)
                context.connectionCount.subtract(1, ordering: .relaxed)
                continue
            }
            connections[fd] = Connection(
                fd: fd, id: nextConnectionID, remoteAddress: ListeningSocket.describe(storage), limits: limits, now: now, tls: tls)
        }
    }

    /// Over `maxConnections`: a best-effort fixed 503, then close. Costs no loop state.
    /// On HTTPS just the close: plaintext bytes would only be a garbled handshake to the client.
    private func refuseOverLimit(_ fd: Int32) {
        if context.tls == nil {
            var bytes: [UInt8] = []
            ResponseWriter.appendRejection(.serviceUnavailable, to: &bytes, date: date.line)
            _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        }
        close(fd)
        context.connectionCount.subtract(1, ordering: .relaxed)
    }
}
