import COpenSSL
import Glibc

/// One connection's TLS state: the `SSL` over its non-blocking socket. A class only
/// because it owns that C handle (freed in `deinit`); owned by a `Connection` and
/// touched only by that connection's loop thread.
///
/// Every call reports a `TLSConnection.Outcome` instead of raw `SSL_get_error` codes,
/// so the event loop reads like its plain `recv`/`send` path: bytes, "wait for the
/// socket" (in either direction), end of stream, or failure.
final class TLSConnection {
    /// What one handshake step, read or write did.
    enum Outcome: Equatable {
        /// Bytes moved (plaintext read or written); for a handshake step, 0 means done.
        case bytes(Int)
        /// OpenSSL needs the socket readable before the call can make progress.
        case wantRead
        /// OpenSSL needs the socket writable before the call can make progress.
        case wantWrite
        /// The peer ended the stream (close_notify, or a bare FIN: see `optionIgnoreUnexpectedEOF`).
        case closed
        /// A protocol or socket error: the connection is beyond repair.
        case failed
    }

    private let ssl: OpaquePointer
    private(set) var isEstablished = false
    /// Set by a fatal error: OpenSSL forbids `SSL_shutdown` after one.
    private var isBroken = false
    private var shutdownSent = false
    /// The length of an `SSL_write` that wanted the socket: OpenSSL requires the retry
    /// to pass the same bytes and length (the bytes may move: see `TLSContext.modes`).
    var retryWriteLength: Int?
    /// An `SSL_read` needed to write first (a TLS 1.3 key update reply): read again once writable.
    var readWantsWrite = false

    init?(context: TLSContext, fd: Int32) {
        guard let ssl = context.makeSession(fd: fd) else { return nil }
        self.ssl = ssl
    }

    deinit { SSL_free(ssl) }

    /// True when OpenSSL holds bytes it read from the socket but has not handed out:
    /// the socket may be empty, so epoll would never report them.
    var hasBufferedInput: Bool { SSL_has_pending(ssl) == 1 }

    /// The negotiated ALPN protocol ("http/1.1"), or nil when the client sent no ALPN.
    var negotiatedProtocol: String? {
        var name: UnsafePointer<UInt8>?
        var length: UInt32 = 0
        SSL_get0_alpn_selected(ssl, &name, &length)
        guard let name, length > 0 else { return nil }
        return String(decoding: UnsafeBufferPointer(start: name, count: Int(length)), as: UTF8.self)
    }

    /// One step of the server handshake. `.bytes(0)` once it is complete.
    func handshake() -> Outcome {
        ERR_clear_error()
        let result = SSL_do_handshake(ssl)
        if result == 1 {
            isEstablished = true
            return .bytes(0)
        }
        let outcome = classify(result)
        // A client that hangs up mid-handshake has not "closed" a stream: it failed.
        return outcome == .closed ? .failed : outcome
    }

    /// Decrypts into `buffer`: up to `count` bytes of plaintext.
    func read(into buffer: UnsafeMutableRawPointer, count: Int) -> Outcome {
        ERR_clear_error()
        let result = SSL_read(ssl, buffer, Int32(clamping: count))
        return result > 0 ? .bytes(Int(result)) : classify(result)
    }

    /// Encrypts and sends up to `count` bytes; with partial writes on, may take fewer.
    func write(_ bytes: UnsafeRawPointer, count: Int) -> Outcome {
        ERR_clear_error()
        let result = SSL_write(ssl, bytes, Int32(clamping: count))
        return result > 0 ? .bytes(Int(result)) : classify(result)
    }

    /// Sends close_notify once, best effort: never waits for the socket or the reply.
    /// Skipped before the handshake finished and after a fatal error, as OpenSSL requires.
    func shutdown() {
        guard isEstablished, !isBroken, !shutdownSent else { return }
        shutdownSent = true
        ERR_clear_error()
        _ = SSL_shutdown(ssl)
        ERR_clear_error()
    }

    /// Turns a non-positive result into an outcome, and clears the thread's error queue
    /// so one connection's failure never shows up in the next connection's `SSL_get_error`.
    private func classify(_ result: Int32) -> Outcome {
        let error = SSL_get_error(ssl, result)
        let outcome: Outcome
        switch error {
        case SSL_ERROR_WANT_READ: outcome = .wantRead
        case SSL_ERROR_WANT_WRITE: outcome = .wantWrite
        case SSL_ERROR_ZERO_RETURN: outcome = .closed
        default:
            isBroken = true
            outcome = .failed
        }
        ERR_clear_error()
        return outcome
    }
}
