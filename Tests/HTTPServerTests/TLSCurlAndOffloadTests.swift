import Foundation
import Testing

@testable import HTTPServer

/// HTTPS with an independent client (curl, built on its own TLS stack settings), and
/// the offload path (worker pool and loop mailbox) carrying an answer back over TLS.
@Suite(.enabled(if: TLSFixture.isAvailable, "needs /usr/bin/openssl to make a test certificate"))
struct TLSCurlAndOffloadTests {
    @Test(.enabled(if: TLSFixture.hasCurl, "needs /usr/bin/curl"))
    func curlFetchesOverHTTPSTrustingTheCertificateAndReusesTheConnection() throws {
        try withTLSServer { port, fixture in
            let base = "https://127.0.0.1:\(port)"
            let result = try TLSFixture.run(
                TLSFixture.curl, ["-sS", "-v", "--cacert", fixture.certificatePath, "\(base)/healthz", "\(base)/secure"])
            #expect(result.status == 0, "\(result.error)")
            #expect(result.output == #"{"status":"ok"}secure=true"#)
            #expect(
                result.error.contains("ALPN: server accepted http/1.1") || result.error.contains("ALPN, server accepted to use http/1.1"))
            #expect(result.error.contains("Re-using existing connection") || result.error.contains("Reusing existing connection"))
        }
    }

    @Test(.enabled(if: TLSFixture.hasCurl, "needs /usr/bin/curl"))
    func curlInsecurePostsABody() throws {
        try withTLSServer { port, _ in
            let result = try TLSFixture.run(
                TLSFixture.curl, ["-sk", "--data-binary", "hello over tls", "https://127.0.0.1:\(port)/echo"])
            #expect(result.status == 0, "\(result.error)")
            #expect(result.output == "hello over tls")
        }
    }

    /// The slow request goes to a worker; its answer comes back through the mailbox and is
    /// written with `SSL_write`; the pipelined fast one waits its turn, then the connection is reused.
    @Test func offloadedAnswerComesBackOverTLSInOrder() throws {
        let gate = Gate()
        gate.open()
        try withTLSServer(responder: OffloadResponder(gate: gate), offloadThreads: 1) { port, fixture in
            let client = try TLSTestClient(port: port, trusting: fixture.certificatePath)
            try client.send("GET /slow?1 HTTP/1.1\r\nHost: t\r\n\r\nGET /fast?2 HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try client.readResponse().bodyText == "slow 1")
            #expect(try client.readResponse().bodyText == "fast 2")
            try client.send("GET /slow?3 HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try client.readResponse().bodyText == "slow 3")
        }
    }

    /// While the worker holds the request, the loop keeps serving other TLS clients.
    @Test func loopServesOtherTLSClientsWhileAWorkerHoldsARequest() throws {
        let gate = Gate()
        try withTLSServer(responder: OffloadResponder(gate: gate), offloadThreads: 1) { port, fixture in
            defer { gate.open() }
            let slow = try TLSTestClient(port: port, trusting: fixture.certificatePath)
            try slow.send("GET /slow?held HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(waitUntil { gate.entered == 1 })
            let fast = try TLSTestClient(port: port, trusting: fixture.certificatePath)
            try fast.send("GET /fast?now HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try fast.readResponse().bodyText == "fast now")
            gate.open()
            #expect(try slow.readResponse().bodyText == "slow held")
        }
    }
}
