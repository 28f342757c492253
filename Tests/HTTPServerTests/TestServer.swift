import Foundation
import Synchronization

@testable import HTTPServer

/// The test responder: small fixed routes that let tests observe what the server did.
struct EchoResponder: HTTPResponder {
    func respond(to request: HTTPRequest) -> HTTPResponse {
        switch request.path {
        case "/healthz":
            return HTTPResponse(headers: ["Content-Type": "application/json"], body: Array(#"{"status":"ok"}"#.utf8))
        case "/echo":
            return HTTPResponse(body: request.body)
        case "/slow":
            usleep(400_000)
            return .text("slow done")
        case "/nocontent":
            return HTTPResponse(status: .noContent, body: Array("ignored".utf8))
        case "/close":
            return HTTPResponse(headers: ["Connection": "close"], body: Array("bye".utf8))
        case "/big":
            return HTTPResponse(body: [UInt8](repeating: UInt8(ascii: "x"), count: 4 * 1024 * 1024))
        case "/remote":
            return .text(request.remoteAddress)
        case "/split":
            return HTTPResponse(headers: ["X-Evil": "a\r\nSet-Cookie: pwned=1", "X-Fine": "yes"], body: [])
        default:
            return .text("\(request.method.rawValue) \(request.path) \(request.version)")
        }
    }
}

/// Collects log lines from the loops for assertions.
final class LogCollector: Sendable {
    private let lines = Mutex<[String]>([])
    var sink: @Sendable (String) -> Void { { [self] line in lines.withLock { $0.append(line) } } }
    var all: [String] { lines.withLock { $0 } }
}

/// Starts a live server on 127.0.0.1 port 0, runs `body` with its port, and
/// always shuts it down and waits for its loops, whatever `body` does.
func withServer(
    limits: HTTPLimits = HTTPLimits(), threads: Int = 1, responder: any HTTPResponder = EchoResponder(),
    log: (@Sendable (String) -> Void)? = nil, _ body: (Int, HTTPServer) throws -> Void
) throws {
    let configuration = HTTPServerConfiguration(host: "127.0.0.1", port: 0, threads: threads, limits: limits, log: log)
    let server = HTTPServer(configuration: configuration, responder: responder)
    let port = try server.start()
    defer {
        server.shutdown()
        server.waitUntilStopped()
    }
    try body(port, server)
}

/// Limits with short timeouts so timeout tests take a fraction of a second.
func quickLimits(
    header: Double = 10, idle: Double = 60, maxConnections: Int = 10_000, maxHeaderBytes: Int = 16 * 1024,
    maxBodyBytes: Int = 64 * 1024
) -> HTTPLimits {
    HTTPLimits(
        maxHeaderBytes: maxHeaderBytes, maxBodyBytes: maxBodyBytes, headerReadTimeoutSeconds: header,
        keepAliveIdleTimeoutSeconds: idle, maxConnections: maxConnections, shutdownGraceSeconds: 2)
}

func elapsedSeconds(since start: UInt64) -> Double { Double(MonotonicClock.now() - start) / 1e9 }
