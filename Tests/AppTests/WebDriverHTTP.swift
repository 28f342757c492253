import Foundation
import HTTPServer

#if canImport(Glibc)
    import Glibc
#endif

/// One HTTP/1.1 exchange with chromedriver on loopback, framed by `Content-Length`.
///
/// `LoopbackClient` reads until the server closes, but chromedriver answers
/// `Connection: close` and then keeps the socket open, so reading to EOF would
/// wait for the receive timeout on every command. This reads exactly the
/// announced body instead.
enum WebDriverHTTP {
    /// Gives up on a silent chromedriver after this long (starting Chromium is the slowest command).
    static let receiveTimeoutSeconds = 30
    /// Largest answer accepted: a full-page screenshot in base64 fits easily.
    static let maxResponseBytes = 32 * 1024 * 1024

    /// Sends `method path` with an optional JSON body; returns the status and the JSON body (or nil).
    static func send(port: Int, _ method: String, _ path: String, json: Any? = nil) throws -> (status: Int, json: Any?) {
        let body = try json.map { try JSONSerialization.data(withJSONObject: $0) } ?? Data()
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        if json != nil { head += "Content-Type: application/json; charset=utf-8\r\n" }
        head += "Content-Length: \(body.count)\r\n\r\n"
        let fd = try connectToLoopback(port: port)
        defer { close(fd) }
        try write(fd, Array(head.utf8) + Array(body))
        let (status, responseBody) = try readResponse(fd)
        let parsed = responseBody.isEmpty ? nil : try? JSONSerialization.jsonObject(with: Data(responseBody), options: [.fragmentsAllowed])
        return (status, parsed)
    }

    private static func connectToLoopback(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SystemError(errno: errno, call: "socket") }
        var timeout = timeval(tv_sec: receiveTimeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let error = SystemError(errno: errno, call: "connect")
            close(fd)
            throw error
        }
        return fd
    }

    private static func write(_ fd: Int32, _ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw SystemError(errno: errno, call: "send") }
            sent += n
        }
    }

    /// Reads the head, then exactly `Content-Length` body bytes.
    private static func readResponse(_ fd: Int32) throws -> (Int, [UInt8]) {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var framing: (bodyStart: Int, length: Int, status: Int)?
        while framing.map({ received.count < $0.bodyStart + $0.length }) ?? true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw SystemError(errno: n == 0 ? EPIPE : errno, call: "recv from chromedriver") }
            received += buffer[..<n]
            guard received.count <= maxResponseBytes else { throw SystemError(errno: EMSGSIZE, call: "recv from chromedriver") }
            if framing == nil { framing = try parseHead(received) }
        }
        guard let framing else { throw SystemError(errno: EPROTO, call: "parse chromedriver answer") }
        return (framing.status, Array(received[framing.bodyStart..<(framing.bodyStart + framing.length)]))
    }

    /// Status and body framing once the whole head has arrived; nil before that.
    private static func parseHead(_ bytes: [UInt8]) throws -> (bodyStart: Int, length: Int, status: Int)? {
        guard let end = bytes.firstRange(of: Array("\r\n\r\n".utf8)) else { return nil }
        let lines = String(decoding: bytes[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusWords = lines[0].split(separator: " ")
        guard statusWords.count >= 2, let status = Int(statusWords[1]) else { throw SystemError(errno: EPROTO, call: "parse status") }
        var length = 0
        for line in lines.dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "content-length" {
                length = Int(parts[1].trimmingCharacters(in: .whitespaces)) ?? 0
            }
        }
        return (end.upperBound, length, status)
    }
}
