import COpenSSL
import Glibc

@testable import HTTPServer

/// A blocking HTTPS test client on libssl: connects, handshakes (trusting only the
/// fixture's certificate, for 127.0.0.1, unless told to verify nothing), sends raw
/// request bytes and reads responses, like `TestClient` does for plain HTTP.
final class TLSTestClient {
    private let socket: TestClient
    private let context: OpaquePointer
    private let ssl: OpaquePointer
    private var buffer: [UInt8] = []

    /// `alpn` is offered in order; `maxVersion` caps the client (e.g. `TLS1_2_VERSION`);
    /// `recordBytes` makes the client's records smaller than the usual 16 KiB;
    /// `receiveBufferBytes` shrinks the socket's receive buffer, so the server's writes must wait.
    init(
        port: Int, trusting certificatePath: String?, alpn: [String] = ["http/1.1"], maxVersion: Int32? = nil, recordBytes: Int? = nil,
        receiveBufferBytes: Int? = nil
    ) throws {
        // SSL_write uses write(2): a server that hung up must not kill the test process.
        signal(SIGPIPE, SIG_IGN)
        socket = try TestClient(port: port)
        if let receiveBufferBytes {
            var bytes = Int32(receiveBufferBytes)
            setsockopt(socket.fd, SOL_SOCKET, SO_RCVBUF, &bytes, socklen_t(MemoryLayout<Int32>.size))
        }
        guard let context = SSL_CTX_new(TLS_client_method()) else { throw Self.failure("SSL_CTX_new") }
        self.context = context
        guard let ssl = SSL_new(context) else {
            SSL_CTX_free(context)
            throw Self.failure("SSL_new")
        }
        self.ssl = ssl
        if let certificatePath {
            SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
            guard SSL_CTX_load_verify_locations(context, certificatePath, nil) == 1 else { throw Self.failure("load_verify_locations") }
            X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), "127.0.0.1")
        } else {
            SSL_set_verify(ssl, SSL_VERIFY_NONE, nil)
        }
        if let recordBytes { _ = SSL_ctrl(ssl, SSL_CTRL_SET_MAX_SEND_FRAGMENT, recordBytes, nil) }
        if let maxVersion { _ = SSL_ctrl(ssl, SSL_CTRL_SET_MAX_PROTO_VERSION, Int(maxVersion), nil) }
        if !alpn.isEmpty {
            let wire = alpn.flatMap { [UInt8($0.utf8.count)] + Array($0.utf8) }
            guard SSL_set_alpn_protos(ssl, wire, UInt32(wire.count)) == 0 else { throw Self.failure("set_alpn_protos") }
        }
        SSL_set_fd(ssl, socket.fd)
        guard SSL_connect(ssl) == 1 else { throw Self.failure("handshake") }
    }

    deinit {
        SSL_free(ssl)
        SSL_CTX_free(context)
    }

    private static func failure(_ step: String) -> TestClientError {
        TestClientError(description: "TLS \(step) failed: \(TLSError.drainErrorQueue().joined(separator: "; "))")
    }

    var negotiatedProtocol: String? {
        var name: UnsafePointer<UInt8>?
        var length: UInt32 = 0
        SSL_get0_alpn_selected(ssl, &name, &length)
        guard let name, length > 0 else { return nil }
        return String(decoding: UnsafeBufferPointer(start: name, count: Int(length)), as: UTF8.self)
    }

    var protocolVersion: String { String(cString: SSL_get_version(ssl)) }
    var cipher: String { String(cString: SSL_CIPHER_get_name(SSL_get_current_cipher(ssl))) }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { SSL_write(ssl, $0.baseAddress! + offset, Int32(bytes.count - offset)) }
            guard n > 0 else { throw Self.failure("write") }
            offset += Int(n)
        }
    }

    /// Reads more plaintext into the buffer; false on close, error or the socket timeout.
    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = chunk.withUnsafeMutableBytes { SSL_read(ssl, $0.baseAddress, Int32($0.count)) }
        guard n > 0 else {
            ERR_clear_error()
            return false
        }
        buffer.append(contentsOf: chunk[0..<Int(n)])
        return true
    }

    /// Reads one response (Content-Length framed, as this server always frames).
    func readResponse() throws -> TestResponse {
        var headEnd: Int?
        while headEnd == nil {
            headEnd = find([13, 10, 13, 10], in: buffer).map { $0 + 4 }
            if headEnd == nil, !fill() { throw TestClientError(description: "closed before a response head") }
        }
        let head = String(decoding: buffer[0..<headEnd!], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw TestClientError(description: "bad status line") }
        let headers = lines.filter { !$0.isEmpty }.map { line -> (name: String, value: String) in
            let colon = line.firstIndex(of: ":")!
            return (String(line[..<colon]), String(line[line.index(after: colon)...].drop { $0 == " " }))
        }
        buffer.removeFirst(headEnd!)
        let length = status == 204 || status == 304 ? 0 : Int(headers.first { $0.name == "Content-Length" }?.value ?? "0") ?? 0
        while buffer.count < length {
            if !fill() { throw TestClientError(description: "closed inside a body") }
        }
        let response = TestResponse(status: status, headers: headers, body: Array(buffer[0..<length]))
        buffer.removeFirst(length)
        return response
    }

    /// True when the server ended the TLS stream (close_notify, FIN or reset) with nothing
    /// more to read; false when a byte arrives or the socket's receive timeout passes.
    func isClosedByServer() -> Bool {
        guard buffer.isEmpty else { return false }
        var byte: UInt8 = 0
        let n = SSL_read(ssl, &byte, 1)
        let saved = errno
        if n > 0 {
            buffer.append(byte)
            return false
        }
        let error = SSL_get_error(ssl, n)
        ERR_clear_error()
        if error == SSL_ERROR_SYSCALL { return saved != EAGAIN && saved != EWOULDBLOCK }
        return error == SSL_ERROR_ZERO_RETURN || error == SSL_ERROR_SSL
    }
}
