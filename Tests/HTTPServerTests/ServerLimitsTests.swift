import Glibc
import Testing

@testable import HTTPServer

/// Every limit and timeout, against a live server with shrunken values.
@Suite struct ServerLimitsTests {
    @Test func headerBytesPastTheLimitGet431() throws {
        try withServer(limits: quickLimits(maxHeaderBytes: 1024)) { port, _ in
            let client = try TestClient(port: port)
            client.send("GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + String(repeating: "a", count: 2000) + "\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 431)
            #expect(client.isClosedByServer())
        }
    }

    @Test func headerJustUnderTheLimitIsServed() throws {
        try withServer(limits: quickLimits(maxHeaderBytes: 1024)) { port, _ in
            let head = "GET / HTTP/1.1\r\nHost: a\r\nX-Big: "
            let client = try TestClient(port: port)
            client.send(head + String(repeating: "a", count: 1024 - head.utf8.count - 4) + "\r\n\r\n")
            #expect(try client.readResponse().status == 200)
        }
    }

    @Test func bodyPastTheLimitGets413EvenWhenTheBodyIsSent() throws {
        try withServer(limits: quickLimits(maxBodyBytes: 1000)) { port, _ in
            let client = try TestClient(port: port)
            client.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5000\r\n\r\n" + String(repeating: "b", count: 5000))
            let response = try client.readResponse()
            #expect(response.status == 413)
            #expect(client.isClosedByServer())
        }
    }

    @Test func chunkedBodyPastTheLimitGets413() throws {
        try withServer(limits: quickLimits(maxBodyBytes: 1000)) { port, _ in
            let client = try TestClient(port: port)
            let chunk = "200\r\n" + String(repeating: "c", count: 512) + "\r\n"
            client.send("POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk + chunk + chunk)
            #expect(try client.readResponse().status == 413)
        }
    }

    @Test func bodyAtTheLimitIsAccepted() throws {
        try withServer(limits: quickLimits(maxBodyBytes: 1000)) { port, _ in
            let client = try TestClient(port: port)
            client.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 1000\r\n\r\n" + String(repeating: "b", count: 1000))
            #expect(try client.readResponse().body.count == 1000)
        }
    }

    @Test func connectionsPastTheBoundAreRefused() throws {
        try withServer(limits: quickLimits(maxConnections: 2)) { port, server in
            let first = try TestClient(port: port)
            let second = try TestClient(port: port)
            for client in [first, second] {
                client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
                #expect(try client.readResponse().status == 200)
            }
            let third = try TestClient(port: port)
            third.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
            let answer = third.readToEnd()
            #expect(answer.isEmpty || String(decoding: answer, as: UTF8.self).hasPrefix("HTTP/1.1 503"))
            // Capacity returns when a connection leaves.
            first.send("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
            _ = try first.readResponse()
            #expect(first.isClosedByServer())
            first.finishSending()  // the client closes too, ending the server's lingering close
            #expect(waitUntil { server.openConnections < 2 })
            let fourth = try TestClient(port: port)
            fourth.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try fourth.readResponse().status == 200)
        }
    }

    @Test func pipelinedFloodPastTheOutputBoundIsStillAnsweredInOrder() throws {
        var limits = HTTPLimits()
        limits.maxPendingWriteBytes = 256  // forces the loop to stop parsing and flush many times
        try withServer(limits: limits) { port, _ in
            let client = try TestClient(port: port)
            client.send((0..<300).map { "GET /n\($0) HTTP/1.1\r\nHost: a\r\n\r\n" }.joined())
            for n in 0..<300 {
                #expect(try client.readResponse().bodyText == "GET /n\(n) HTTP/1.1")
            }
        }
    }

    @Test func stalledRequestGets408AfterTheHeaderReadTimeout() throws {
        try withServer(limits: quickLimits(header: 0.3)) { port, _ in
            let client = try TestClient(port: port)
            let start = MonotonicClock.now()
            client.send("GET / HTTP/1.1\r\nHost: a\r\n")
            let response = try client.readResponse()
            #expect(response.status == 408)
            #expect(client.isClosedByServer())
            let waited = elapsedSeconds(since: start)
            #expect(waited >= 0.25 && waited < 5)
        }
    }

    @Test func idleKeepAliveConnectionIsClosedAfterTheIdleTimeout() throws {
        try withServer(limits: quickLimits(idle: 0.3)) { port, _ in
            let client = try TestClient(port: port)
            // Taken before the request: the idle timer starts once the answer is written,
            // so `waited` can only overstate the idle time, never understate it.
            let start = MonotonicClock.now()
            client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
            _ = try client.readResponse()
            #expect(client.isClosedByServer())
            let waited = elapsedSeconds(since: start)
            #expect(waited >= 0.3 && waited < 5)
        }
    }

    /// The hard RLIMIT_NOFILE: the server raises its soft limit up to it, and 1000
    /// clients plus their server ends need about 2000 descriptors.
    static var openFileHardLimit: UInt64 {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 0 }
        return UInt64(limit.rlim_max)
    }
    static let thousandConnectionsMinimumOpenFiles: UInt64 = 4096

    @Test(
        .enabled(
            if: ServerLimitsTests.openFileHardLimit >= ServerLimitsTests.thousandConnectionsMinimumOpenFiles,
            "needs a hard RLIMIT_NOFILE of at least 4096 for 1000 client and 1000 server descriptors"))
    func thousandIdleConnectionsDoNotBlockAnotherClient() throws {
        try withServer(threads: 2) { port, _ in
            let idle = try (0..<1000).map { _ in try TestClient(port: port) }
            for client in idle.prefix(500) {
                client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
                _ = try client.readResponse()
            }
            let start = MonotonicClock.now()
            let active = try TestClient(port: port)
            for _ in 0..<100 {
                active.send("GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n")
                #expect(try active.readResponse().status == 200)
            }
            #expect(elapsedSeconds(since: start) < 5)
            _ = idle
        }
    }
}
