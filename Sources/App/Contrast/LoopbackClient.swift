import Foundation
import HTTPServer

#if canImport(Glibc)
    import Glibc
#endif

/// A deliberately small blocking HTTP/1.1 client for the contrast run and the
/// tests: one request per connection (`Connection: close`), read to EOF.
/// It talks to our own server on loopback only, so it needs nothing more.
package struct LoopbackClient: Sendable {
    package let port: Int
    /// Gives up on a silent server after this long, so a bug cannot hang a test run.
    package static let timeoutSeconds = 10

    package init(port: Int) { self.port = port }

    /// A parsed answer: status, headers and body.
    package struct Answer: Sendable {
        package var status: Int
        package var headers: HTTPHeaders
        package var body: [UInt8]

        package var text: String { String(decoding: body, as: UTF8.self) }
        /// The body as a JSON object, or an empty one.
        package var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
        }
        /// The value of a `Set-Cookie` for `name`, if the answer set one.
        package func cookie(_ name: String) -> String? {
            for value in headers.values("Set-Cookie") where value.hasPrefix(name + "=") {
                return String(value.dropFirst(name.count + 1).prefix { $0 != ";" })
            }
            return nil
        }
    }

    package func send(_ method: String, _ path: String, headers: [(String, String)] = [], json: String? = nil) throws -> Answer {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        let body = Array((json ?? "").utf8)
        if json != nil { head += "Content-Type: application/json\r\n" }
        head += "Content-Length: \(body.count)\r\n\r\n"
        let raw = try exchange(Array(head.utf8) + body)
        return try Self.parse(raw)
    }

    /// Connects, writes `request`, reads until the server closes.
    package func exchange(_ request: [UInt8]) throws -> [UInt8] {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SystemError(errno: errno, call: "socket") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: Self.timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw SystemError(errno: errno, call: "connect") }
        var sent = 0
        while sent < request.count {
            let n = request[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw SystemError(errno: errno, call: "send") }
            sent += n
        }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            response += buffer[..<n]
        }
        return response
    }

    /// Parses one `Content-Length`-framed response (our server always sends one).
    static func parse(_ raw: [UInt8]) throws -> Answer {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard let end = raw.firstRange(of: separator) else { throw SystemError(errno: EPROTO, call: "parse response") }
        let head = String(decoding: raw[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw SystemError(errno: EPROTO, call: "parse status") }
        var headers = HTTPHeaders()
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.add(String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        return Answer(status: status, headers: headers, body: Array(raw[end.upperBound...]))
    }
}
