import Testing

@testable import HTTPServer

/// Pure parser tests: bytes in, complete / need-more / error out.
@Suite struct HTTPRequestParserTests {
    func parse(_ text: String, limits: HTTPLimits = HTTPLimits()) -> HTTPParseResult {
        var parser = HTTPRequestParser(limits: limits)
        return parser.parse(Array(text.utf8))
    }

    func complete(_ result: HTTPParseResult) -> (ParsedRequest, Int)? {
        if case .complete(let request, let consumed) = result { return (request, consumed) }
        return nil
    }

    func status(_ result: HTTPParseResult) -> Int? {
        if case .error(let status) = result { return status.code }
        return nil
    }

    @Test func simpleGetParsesMethodPathQueryAndVersion() throws {
        let text = "GET /api/books?page=2 HTTP/1.1\r\nHost: example\r\n\r\n"
        let (parsed, consumed) = try #require(complete(parse(text)))
        #expect(parsed.request.method == .GET)
        #expect(parsed.request.path == "/api/books")
        #expect(parsed.request.query == "page=2")
        #expect(parsed.request.version == .http1_1)
        #expect(parsed.keepAlive)
        #expect(consumed == text.utf8.count)
    }

    @Test func headerNamesAreCaseInsensitiveAndRepeatsAreKept() throws {
        let text = "GET / HTTP/1.1\r\nhOsT: a\r\nX-Tag:  one \r\nx-tag:\ttwo\r\n\r\n"
        let (parsed, _) = try #require(complete(parse(text)))
        #expect(parsed.request.headers["HOST"] == "a")
        #expect(parsed.request.headers.values("X-TAG") == ["one", "two"])
    }

    @Test func byteByByteFeedingGivesTheSameRequest() throws {
        let bytes = Array("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello".utf8)
        var parser = HTTPRequestParser()
        for end in 1..<bytes.count {
            let result = bytes.withUnsafeBufferPointer { parser.parse(UnsafeBufferPointer(rebasing: $0[0..<end])) }
            guard case .needMore = result else {
                Issue.record("expected needMore at \(end), got \(result)")
                return
            }
        }
        let (parsed, consumed) = try #require(complete(parser.parse(bytes)))
        #expect(parsed.request.body == Array("hello".utf8))
        #expect(consumed == bytes.count)
    }

    @Test func pipelinedBytesAreLeftUnconsumed() throws {
        let first = "GET /a HTTP/1.1\r\nHost: a\r\n\r\n"
        let (parsed, consumed) = try #require(complete(parse(first + "GET /b HTTP/1.1\r\n")))
        #expect(parsed.request.path == "/a")
        #expect(consumed == first.utf8.count)
    }

    @Test func chunkedBodyIgnoresExtensionsAndTrailers() throws {
        let text =
            "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;name=value\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n"
        let (parsed, consumed) = try #require(complete(parse(text + "NEXT")))
        #expect(parsed.request.body == Array("hello world".utf8))
        #expect(consumed == text.utf8.count)
    }

    @Test func chunkedBodyArrivingInPiecesDecodesOnce() throws {
        let bytes = Array("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nA\r\n0123456789\r\n0\r\n\r\n".utf8)
        var parser = HTTPRequestParser()
        var result = HTTPParseResult.needMore
        for end in 1...bytes.count {
            result = bytes.withUnsafeBufferPointer { parser.parse(UnsafeBufferPointer(rebasing: $0[0..<end])) }
            if case .error = result { Issue.record("error at \(end)") }
        }
        let (parsed, _) = try #require(complete(result))
        #expect(parsed.request.body == Array("0123456789".utf8))
    }

    @Test(arguments: [
        ("GET / HTTP/1.1\r\nHost: a\r\n\r\n", true),
        ("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", false),
        ("GET / HTTP/1.1\r\nHost: a\r\nConnection: Keep-Alive, CLOSE\r\n\r\n", false),
        ("GET / HTTP/1.0\r\n\r\n", false),
        ("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", true),
    ])
    func keepAliveDefaultsFollowTheVersion(text: String, keepAlive: Bool) throws {
        let (parsed, _) = try #require(complete(parse(text)))
        #expect(parsed.keepAlive == keepAlive)
    }

    @Test func http10NeedsNoHost() throws {
        let (parsed, _) = try #require(complete(parse("GET / HTTP/1.0\r\n\r\n")))
        #expect(parsed.request.version == .http1_0)
    }

    @Test func identicalRepeatedContentLengthIsAccepted() throws {
        let (parsed, _) = try #require(complete(parse("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nhi")))
        #expect(parsed.request.body == Array("hi".utf8))
    }

    @Test func emptyLinesBeforeTheRequestLineAreSkipped() throws {
        let text = "\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n"
        let (_, consumed) = try #require(complete(parse(text)))
        #expect(consumed == text.utf8.count)
    }

    @Test func expectContinueIsReportedUntilTheBodyStarts() {
        var parser = HTTPRequestParser()
        let head = "POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n"
        guard case .needMore = parser.parse(Array(head.utf8)) else {
            Issue.record("expected needMore")
            return
        }
        #expect(parser.isAwaitingContinue)
        _ = parser.parse(Array((head + "a").utf8))
        #expect(!parser.isAwaitingContinue)
    }

    @Test func optionsAsteriskIsAccepted() throws {
        let (parsed, _) = try #require(complete(parse("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n")))
        #expect(parsed.request.target == "*")
    }

    @Test func headLargerThanTheLimitIs431EvenWithoutItsEnd() {
        let limits = HTTPLimits(maxHeaderBytes: 64)
        let text = "GET / HTTP/1.1\r\nHost: a\r\nX-Long: " + String(repeating: "a", count: 80)
        #expect(status(parse(text, limits: limits)) == 431)
    }

    @Test func bodyLargerThanTheLimitIs413BeforeItArrives() {
        let limits = HTTPLimits(maxBodyBytes: 10)
        #expect(status(parse("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n", limits: limits)) == 413)
        let chunked = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n8\r\n12345678\r\n8\r\n"
        #expect(status(parse(chunked, limits: limits)) == 413)
    }

    @Test func tooManyHeaderFieldsIs431() {
        let limits = HTTPLimits(maxHeaderCount: 3)
        #expect(status(parse("GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n", limits: limits)) == 431)
    }

    @Test func bareLFIsRejectedBeforeTheHeadEnds() {
        #expect(status(parse("GET / HTTP/1.1\nHost: a")) == 400)
    }

    @Test func resetMakesTheParserReadANewRequest() throws {
        var parser = HTTPRequestParser()
        _ = parser.parse(Array("GET /a HTTP/1.1\r\nHost: a\r\n\r\n".utf8))
        parser.reset()
        let (parsed, _) = try #require(complete(parser.parse(Array("GET /b HTTP/1.1\r\nHost: a\r\n\r\n".utf8))))
        #expect(parsed.request.path == "/b")
    }
}
