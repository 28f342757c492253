import Glibc
import Testing

@testable import HTTPServer

/// Live-server behaviour of well-formed traffic: keep-alive, pipelining, bodies, HEAD, 1.0, Expect.
@Suite struct ServerBehaviourTests {
    @Test func pipelinedRequestsInOneWriteAreAnsweredInOrder() throws {
        try withServer { port, _ in
            let client = try TestClient(port: port)
            client.send(
                "GET /one HTTP/1.1\r\nHost: a\r\n\r\nPOST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\ntwoGET /three HTTP/1.1\r\nHost: a\r\n\r\n"
            )
            #expect(try client.readResponse().bodyText == "GET /one HTTP/1.1")
            #expect(try client.readResponse().bodyText == "two")
            #expect(try client.readResponse().bodyText == "GET /three HTTP/1.1")
        }
    }

    @Test func chunkedBodyIsDecodedForTheResponder() throws {
        try withServer { port, _ in
            let client = try TestClient(port: port)
            client.send("POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n4;x=y\r\nWiki\r\n")
            usleep(20_000)
            client.send("5\r\npedia\r\n0\r\nTrailer: ignored\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.bodyText == "Wikipedia")
        }
    }

    @Test func keepAliveConnectionServesManyRequests() throws {
        try withServer { port, _ in
            let client = try TestClient(port: port)
            var remotes: Set<String> = []
            for _ in 0..<5 {
                client.send("GET /remote HTTP/1.1\r\nHost: a\r\n\r\n")
                let response = try client.readResponse()
                #expect(response.header("Connection") == nil)
                remotes.insert(response.bodyText)
            }
            #expect(remotes.count == 1)
            #expect(remotes.first?.hasPrefix("127.0.0.1:") == true)
        }
    }

    @Test func http10ClosesByDefaultAndKeepsAliveOnRequest() throws {
        try withServer { port, _ in
            let closing = try TestClient(port: port)
            closing.send("GET / HTTP/1.0\r\n\r\n")
            let first = try closing.readResponse()
            #expect(first.header("Connection") == "close")
            #expect(closing.isClosedByServer())

            let keeping = try TestClient(port: port)
            keeping.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try keeping.readResponse().header("Connection") == "keep-alive")
            keeping.send("GET /again HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try keeping.readResponse().bodyText == "GET /again HTTP/1.0")
        }
    }

    @Test func connectionCloseRequestGetsCloseAndTheSocketCloses() throws {
        try withServer { port, _ in
            let client = try TestClient(port: port)
            client.send("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\nGET /ignored HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try client.readResponse().header("Connection") == "close")
            #expect(client.isClosedByServer())
        }
    }

    @Test func headAnswerHasContentLengthButNoBody() throws {
        try withServer { port, _ in
            let client = try TestClient(port: port)
            client.send("HEAD /healthz HTTP/1.1\r\nHost: a\r\n\r\nGET /after HTTP/1.1\r\nHost: a\r\n\r\n")
            let head = try client.readResponse(bodyless: true)
            #expect(head.header("Content-Length") == "15")
            // Had a body been sent, this would read its bytes as the next status line.
            #expect(try client.readResponse().bodyText == "GET /after HTTP/1.1")
        }
    }

    @Test func noContentAnswerHasNoBodyAndNoLength() throws {
        try withServer { port, _ in
            let client = try TestClient(port: port)
            client.send("GET /nocontent HTTP/1.1\r\nHost: a\r\n\r\nGET /after HTTP/1.1\r\nHost: a\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 204)
            #expect(response.header("Content-Length") == nil)
            #expect(try client.readResponse().bodyText == "GET /after HTTP/1.1")
        }
    }

    @Test func expectContinueGets100BeforeTheBodyIsSent() throws {
        try withServer { port, _ in
            let client = try TestClient(port: port)
            client.send("POST /echo HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n")
            #expect(try client.readResponse().status == 100)
            client.send("body")
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.bodyText == "body")
        }
    }

    @Test func responsesCarryACachedIMFDate() throws {
        try withServer { port, _ in
            let client = try TestClient(port: port)
            client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
            let date = try #require(try client.readResponse().header("Date"))
            #expect(date.hasSuffix(" GMT"))
            #expect(date.count == 29)  // "Sun, 06 Nov 1994 08:49:37 GMT"
        }
    }

    @Test func handlerHeaderWithCRLFIsDroppedNotSplit() throws {
        try withServer { port, _ in
            let client = try TestClient(port: port)
            client.send("GET /split HTTP/1.1\r\nHost: a\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.header("X-Evil") == nil)
            #expect(response.header("Set-Cookie") == nil)
            #expect(response.header("X-Fine") == "yes")
        }
    }

    @Test func handlerConnectionCloseEndsTheConnection() throws {
        try withServer { port, _ in
            let client = try TestClient(port: port)
            client.send("GET /close HTTP/1.1\r\nHost: a\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.header("Connection") == "close")
            #expect(response.bodyText == "bye")
            #expect(client.isClosedByServer())
        }
    }

    @Test func largeResponseIsWrittenCompletelyThroughPartialWrites() throws {
        try withServer { port, _ in
            let client = try TestClient(port: port)
            client.send("GET /big HTTP/1.1\r\nHost: a\r\n\r\nGET /after HTTP/1.1\r\nHost: a\r\n\r\n")
            usleep(100_000)  // let the socket buffer fill so the server must wait for EPOLLOUT
            let big = try client.readResponse()
            #expect(big.body.count == 4 * 1024 * 1024)
            #expect(big.body.allSatisfy { $0 == UInt8(ascii: "x") })
            #expect(try client.readResponse().bodyText == "GET /after HTTP/1.1")
        }
    }

    @Test func requestLogHasMethodPathWithoutQueryStatusBytesAndDuration() throws {
        let collector = LogCollector()
        try withServer(log: collector.sink) { port, _ in
            let client = try TestClient(port: port)
            client.send("GET /healthz?token=secret HTTP/1.1\r\nHost: a\r\nCookie: sid=topsecret\r\nAuthorization: Bearer abc\r\n\r\n")
            _ = try client.readResponse()
        }
        let line = try #require(collector.all.first)
        #expect(line.hasPrefix("GET /healthz 200 15B "))
        #expect(line.hasSuffix("ms"))
        #expect(!line.contains("secret"))
        #expect(!line.contains("abc"))
    }

    @Test func startOnABusyPortThrowsAddressInUse() throws {
        try withServer { port, _ in
            let second = HTTPServer(configuration: HTTPServerConfiguration(port: port, threads: 1), responder: EchoResponder())
            #expect {
                _ = try second.start()
            } throws: { error in
                (error as? SystemError)?.isAddressInUse == true && (error as? SystemError)?.call == "bind"
            }
        }
    }

    @Test func severalLoopsServeConcurrentClients() throws {
        try withServer(threads: 2) { port, _ in
            let clients = try (0..<8).map { _ in try TestClient(port: port) }
            for client in clients { client.send("GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n") }
            for client in clients { #expect(try client.readResponse().bodyText == #"{"status":"ok"}"#) }
        }
    }
}
