import COpenSSL

/// The server's one `SSL_CTX`: protocol floor, ciphers, options, certificate chain and
/// key, ALPN. Built once by `HTTPServer.start()` before the port is bound, so a bad
/// certificate stops the server with a clear `TLSError` instead of failing every handshake.
///
/// `@unchecked Sendable` is safe because every setting is made in `init` on one thread
/// and never changed afterwards; from then on the loops only call `SSL_new` on it,
/// which OpenSSL documents as thread-safe for a fully configured context (its
/// reference count and session cache take their own locks).
final class TLSContext: @unchecked Sendable {
    let handle: OpaquePointer

    /// TLS 1.2 is the floor: 1.0 and 1.1 are deprecated by RFC 8996.
    static let minimumProtocolVersion = TLS1_2_VERSION
    /// TLS 1.2 suites: forward secret (ECDHE) and AEAD only, Mozilla's "intermediate"
    /// list without the slow finite-field DHE. TLS 1.3 keeps OpenSSL's defaults, all modern.
    static let tls12Ciphers =
        "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:"
        + "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305"

    // `SSL_OP_BIT(n)` is a function-like macro, which Swift cannot import: the bits by hand.
    /// `SSL_OP_NO_COMPRESSION`: TLS compression leaks secrets (CRIME).
    static let optionNoCompression: UInt64 = 1 << 17
    /// `SSL_OP_NO_RENEGOTIATION`: a client-started renegotiation is refused (a CPU-cost
    /// attack, and a write that would need a read in the middle of an HTTP exchange).
    static let optionNoRenegotiation: UInt64 = 1 << 30
    /// `SSL_OP_CIPHER_SERVER_PREFERENCE`: our order of the TLS 1.2 suites wins.
    static let optionServerPreference: UInt64 = 1 << 22
    /// `SSL_OP_IGNORE_UNEXPECTED_EOF`: a FIN without close_notify reads as a clean end of
    /// stream, as the plain path's EOF. HTTP framing (Content-Length) detects truncation.
    static let optionIgnoreUnexpectedEOF: UInt64 = 1 << 7

    /// `SSL_set_mode` bits: a write may finish record by record (partial), the retry of a
    /// write that wanted the socket may come from a moved buffer (our output array can
    /// grow while it waits), and idle connections give their 34 KiB of buffers back.
    static let modes = Int(SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_RELEASE_BUFFERS)

    /// Loads and checks the certificate chain and key of `configuration`.
    init(configuration: TLSConfiguration) throws(TLSError) {
        ERR_clear_error()
        guard let context = SSL_CTX_new(TLS_server_method()) else {
            throw .drainingOpenSSL(.contextSetup, "cannot create a TLS context")
        }
        handle = context
        // From here on `deinit` frees the context when a later step throws.
        try configureProtocol()
        try loadIdentity(configuration)
        SSL_CTX_set_alpn_select_cb(handle, TLSContext.selectALPN, nil)
    }

    deinit { SSL_CTX_free(handle) }

    private func configureProtocol() throws(TLSError) {
        guard SSL_CTX_ctrl(handle, SSL_CTRL_SET_MIN_PROTO_VERSION, Int(Self.minimumProtocolVersion), nil) == 1 else {
            throw .drainingOpenSSL(.contextSetup, "cannot set TLS 1.2 as the minimum version")
        }
        _ = SSL_CTX_set_options(
            handle, Self.optionNoCompression | Self.optionNoRenegotiation | Self.optionServerPreference | Self.optionIgnoreUnexpectedEOF)
        guard SSL_CTX_set_cipher_list(handle, Self.tls12Ciphers) == 1 else {
            throw .drainingOpenSSL(.contextSetup, "cannot set the TLS 1.2 cipher list")
        }
        _ = SSL_CTX_ctrl(handle, SSL_CTRL_MODE, Self.modes, nil)
        // Read ahead: one read(2) takes several records, instead of a header then a body each.
        _ = SSL_CTX_ctrl(handle, SSL_CTRL_SET_READ_AHEAD, 1, nil)
    }

    private func loadIdentity(_ configuration: TLSConfiguration) throws(TLSError) {
        let certificate = configuration.certificateChainPath
        let key = configuration.privateKeyPath
        if let reason = TLSError.unreadableReason(certificate) {
            throw TLSError(.certificateUnusable, "cannot read the TLS certificate file \(certificate): \(reason)")
        }
        guard SSL_CTX_use_certificate_chain_file(handle, certificate) == 1 else {
            throw .drainingOpenSSL(.certificateUnusable, "the TLS certificate file \(certificate) holds no usable PEM certificate chain")
        }
        if let reason = TLSError.unreadableReason(key) {
            throw TLSError(.privateKeyUnusable, "cannot read the TLS private key file \(key): \(reason)")
        }
        guard SSL_CTX_use_PrivateKey_file(handle, key, SSL_FILETYPE_PEM) == 1 else {
            // OpenSSL also lands here when the key parses but does not fit the certificate.
            let reasons = TLSError.drainErrorQueue()
            if reasons.contains(where: { $0.contains("values mismatch") || $0.contains("key values mismatch") }) {
                throw Self.mismatch(certificate, key, reasons)
            }
            throw TLSError(.privateKeyUnusable, "the TLS private key file \(key) holds no usable PEM private key", openSSLReasons: reasons)
        }
        guard SSL_CTX_check_private_key(handle) == 1 else {
            throw Self.mismatch(certificate, key, TLSError.drainErrorQueue())
        }
    }

    private static func mismatch(_ certificate: String, _ key: String, _ reasons: [String]) -> TLSError {
        TLSError(
            .keyMismatch, "the TLS private key \(key) does not match the certificate \(certificate)", openSSLReasons: reasons)
    }

    /// A fresh `SSL` for one accepted socket, in server mode; nil when OpenSSL is out of memory.
    func makeSession(fd: Int32) -> OpaquePointer? {
        guard let ssl = SSL_new(handle) else {
            ERR_clear_error()
            return nil
        }
        guard SSL_set_fd(ssl, fd) == 1 else {
            ERR_clear_error()
            SSL_free(ssl)
            return nil
        }
        SSL_set_accept_state(ssl)
        return ssl
    }
}
