import Testing

@testable import HTTPServer

/// The last strictness gaps a review found: the protocol name's case, and trailer lines.
@Suite struct ParserStrictnessTests {
    func status(_ text: String) -> Int? {
        var parser = HTTPRequestParser(limits: HTTPLimits())
        if case .error(let status) = parser.parse(Array(text.utf8)) { return status.code }
        return nil
    }

    @Test(arguments: ["http/1.1", "HttP/1.1", "HTTP/1,1", "HTTPS1.1"])
    func protocolNameIsCaseSensitive(version: String) {
        #expect(status("GET / \(version)\r\nHost: a\r\n\r\n") == 400)
    }

    @Test func exactProtocolNameParses() {
        #expect(status("GET / HTTP/1.1\r\nHost: a\r\n\r\n") == nil)
    }

    @Test(arguments: ["no colon here", ": empty name", "bad name: x"])
    func trailerLineMustBeAFieldLine(trailer: String) {
        let text = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\n\(trailer)\r\n\r\n"
        #expect(status(text) == 400)
    }

    @Test func wellFormedTrailerIsAccepted() {
        let text = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\nX-Checksum: abc\r\n\r\n"
        #expect(status(text) == nil)
    }
}
