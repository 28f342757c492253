import COpenSSL
import Foundation
import Testing

@testable import HTTPServer

/// HTTPS end to end: a real server with a fresh self-signed certificate, a libssl
/// client that trusts only that certificate, and the exchanges HTTP/1.1 relies on.
@Suite(.enabled(if: TLSFixture.isAvailable, "needs /usr/bin/openssl to make a test certificate"))
struct TLSServerTests {
    @Test func getOverTLSVerifiesTheCertificateAndNegotiatesHTTP11() throws {
        try withTLSServer { port, fixture in
            let client = try TLSTestClient(port: port, trusting: fixture.certificatePath)
            #expect(client.negotiatedProtocol == "http/1.1")
            try client.send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.bodyText == #"{"status":"ok"}"#)
        }
    }

    @Test func keepAliveServesTwoRequestsOnOneTLSConnection() throws {
        try withTLSServer { port, fixture in
            let client = try TLSTestClient(port: port, trusting: fixture.certificatePath)
            for path in ["/first", "/second"] {
                try client.send("GET \(path) HTTP/1.1\r\nHost: t\r\n\r\n")
                let response = try client.readResponse()
                #expect(response.bodyText == "GET \(path) HTTP/1.1")
                #expect(response.header("Connection") == nil)
            }
        }
    }

    @Test func pipelinedPairInOneWriteIsAnsweredInOrder() throws {
        try withTLSServer { port, fixture in
            let client = try TLSTestClient(port: port, trusting: fixture.certificatePath)
            try client.send("GET /a HTTP/1.1\r\nHost: t\r\n\r\nGET /b HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try client.readResponse().bodyText == "GET /a HTTP/1.1")
            #expect(try client.readResponse().bodyText == "GET /b HTTP/1.1")
        }
    }

    /// 60 KiB spans four TLS records, so the body arrives over several `SSL_read`s.
    @Test(arguments: [5, 60 * 1024])
    func postBodyIsEchoedWhole(_ size: Int) throws {
        try withTLSServer { port, fixture in
            let client = try TLSTestClient(port: port, trusting: fixture.certificatePath)
            let body = (0..<size).map { UInt8(ascii: "a") + UInt8($0 % 26) }
            try client.send(Array("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: \(size)\r\n\r\n".utf8) + body)
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.body == body)
        }
    }

    /// 4 MiB cannot fit the socket buffer: the server's `SSL_write` must wait for the
    /// socket and be retried with the same length, many times, without losing a byte.
    @Test func largeResponseSurvivesWritesThatWaitForTheSocket() throws {
        try withTLSServer { port, fixture in
            let client = try TLSTestClient(port: port, trusting: fixture.certificatePath)
            try client.send("GET /big HTTP/1.1\r\nHost: t\r\n\r\nGET /after HTTP/1.1\r\nHost: t\r\n\r\n")
            let big = try client.readResponse()
            #expect(big.body.count == 4 * 1024 * 1024)
            #expect(big.body.allSatisfy { $0 == UInt8(ascii: "x") })
            #expect(try client.readResponse().bodyText == "GET /after HTTP/1.1")
        }
    }

    /// Back-pressure over TLS: behind a 4 MiB answer the loop stops reading, while OpenSSL may
    /// already hold later requests that no epoll event will announce; all must be answered.
    @Test func manyPipelinedRequestsBehindALargeAnswerAreAllServedInOrder() throws {
        try withTLSServer { port, fixture in
            // 1000-byte records do not line up with the server's 64 KiB read buffer: one read
            // stops inside a record and OpenSSL keeps the rest of it.
            let client = try TLSTestClient(
                port: port, trusting: fixture.certificatePath, recordBytes: 1_000, receiveBufferBytes: 128 * 1024)
            // Just over one read buffer, so the tail fits in OpenSSL's read-ahead and the
            // socket is empty when reading resumes: only `resumeTLSReads` can find it.
            var requests = ""
            var count = 0
            while requests.utf8.count < 64 * 1024 + 1_500 {
                requests += "GET /\(count) HTTP/1.1\r\nHost: t\r\n\r\n"
                count += 1
            }
            // While the loop sleeps in /slow, all of /big and the small requests arrive, so
            // OpenSSL reads ahead past what the loop takes before /big stops its reading.
            try client.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n")
            try client.send("GET /big HTTP/1.1\r\nHost: t\r\n\r\n" + requests)
            #expect(try client.readResponse().bodyText == "slow done")
            #expect(try client.readResponse().body.count == 4 * 1024 * 1024)
            for i in 0..<count {
                let response = try client.readResponse()
                guard response.bodyText == "GET /\(i) HTTP/1.1" else {
                    Issue.record("answer \(i) was \(response.bodyText)")
                    return
                }
            }
        }
    }

    @Test func responderSeesIsSecureOnTLSAndNotOnPlainHTTP() throws {
        try withTLSServer { port, fixture in
            let client = try TLSTestClient(port: port, trusting: fixture.certificatePath)
            try client.send("GET /secure HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try client.readResponse().bodyText == "secure=true")
        }
        try withServer(responder: SecureProbeResponder()) { port, _ in
            let client = try TestClient(port: port)
            client.send("GET /secure HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try client.readResponse().bodyText == "secure=false")
        }
    }

    @Test func tls12ClientGetsAForwardSecretAEADSuiteAndTls13IsTheDefault() throws {
        try withTLSServer { port, fixture in
            let old = try TLSTestClient(port: port, trusting: fixture.certificatePath, maxVersion: Int32(TLS1_2_VERSION))
            #expect(old.protocolVersion == "TLSv1.2")
            #expect(old.cipher.hasPrefix("ECDHE-ECDSA-"))
            #expect(old.cipher.contains("GCM") || old.cipher.contains("CHACHA20"))
            try old.send("GET /v12 HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try old.readResponse().status == 200)
            #expect(try TLSTestClient(port: port, trusting: fixture.certificatePath).protocolVersion == "TLSv1.3")
        }
    }

    @Test func clientWithoutALPNStillGetsHTTP11AndOneOfferingOnlyH2IsRefused() throws {
        try withTLSServer { port, fixture in
            let bare = try TLSTestClient(port: port, trusting: fixture.certificatePath, alpn: [])
            #expect(bare.negotiatedProtocol == nil)
            try bare.send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try bare.readResponse().status == 200)
            #expect(throws: TestClientError.self) { try TLSTestClient(port: port, trusting: fixture.certificatePath, alpn: ["h2"]) }
            #expect(try TLSTestClient(port: port, trusting: nil, alpn: ["h2", "http/1.1"]).negotiatedProtocol == "http/1.1")
        }
    }

    /// A client that mistakes the port for plain HTTP sends bytes that are no ClientHello:
    /// it is closed, and the next client is served as if nothing happened.
    @Test(arguments: [
        Array("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n".utf8),
        [0x16, 0x03, 0x01, 0x00, 0x05, 0xde, 0xad, 0xbe, 0xef, 0x00] + [UInt8](repeating: 0xff, count: 200),
    ])
    func bytesThatAreNoHandshakeCloseTheConnectionAndServingGoesOn(_ bytes: [UInt8]) throws {
        try withTLSServer { port, fixture in
            let wrong = try TestClient(port: port)
            wrong.send(bytes)
            let answer = wrong.readToEnd()
            #expect(!String(decoding: answer, as: UTF8.self).contains("HTTP/1.1"), "no plaintext answer")
            #expect(answer.count < 64, "at most an alert")
            let client = try TLSTestClient(port: port, trusting: fixture.certificatePath)
            try client.send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try client.readResponse().status == 200)
        }
    }

    /// The handshake runs under the header-read timeout, not the (long) idle one.
    @Test func silentClientIsClosedWithinTheHeaderTimeout() throws {
        try withTLSServer(limits: quickLimits(header: 0.3, idle: 60)) { port, _ in
            let start = MonotonicClock.now()
            let silent = try TestClient(port: port)
            #expect(silent.isClosedByServer())
            #expect(elapsedSeconds(since: start) < 5)
        }
    }

    @Test func connectionCloseEndsTheTLSStreamAndTheNextClientIsServed() throws {
        try withTLSServer { port, fixture in
            do {
                let client = try TLSTestClient(port: port, trusting: fixture.certificatePath)
                try client.send("GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
                #expect(try client.readResponse().header("Connection") == "close")
                #expect(client.isClosedByServer())
            }
            let again = try TLSTestClient(port: port, trusting: fixture.certificatePath)
            try again.send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try again.readResponse().status == 200)
        }
    }
}
