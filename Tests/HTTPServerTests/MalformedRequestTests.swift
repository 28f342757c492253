import Testing

@testable import HTTPServer

/// One hostile or malformed request and the exact fixed answer it must get.
struct MalformedCase: CustomTestStringConvertible, Sendable {
    var name: String
    var raw: String
    var status: Int
    var testDescription: String { name }
}

private let h = "Host: a\r\n"

/// The table of requests that must be refused, each with its status. Every one is
/// a framing error: the answer carries `Connection: close` and the socket closes.
let malformedCases: [MalformedCase] = [
    MalformedCase(
        name: "Content-Length and Transfer-Encoding",
        raw: "POST / HTTP/1.1\r\n\(h)Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", status: 400),
    MalformedCase(
        name: "two different Content-Length", raw: "POST / HTTP/1.1\r\n\(h)Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello!",
        status: 400),
    MalformedCase(name: "Content-Length list", raw: "POST / HTTP/1.1\r\n\(h)Content-Length: 5, 5\r\n\r\nhello", status: 400),
    MalformedCase(name: "Content-Length non-digit", raw: "POST / HTTP/1.1\r\n\(h)Content-Length: 5x\r\n\r\n", status: 400),
    MalformedCase(name: "Content-Length negative", raw: "POST / HTTP/1.1\r\n\(h)Content-Length: -1\r\n\r\n", status: 400),
    MalformedCase(name: "Content-Length plus sign", raw: "POST / HTTP/1.1\r\n\(h)Content-Length: +5\r\n\r\nhello", status: 400),
    MalformedCase(
        name: "Content-Length overflow", raw: "POST / HTTP/1.1\r\n\(h)Content-Length: 99999999999999999999999\r\n\r\n", status: 400),
    MalformedCase(name: "Content-Length empty", raw: "POST / HTTP/1.1\r\n\(h)Content-Length: \r\n\r\n", status: 400),
    MalformedCase(
        name: "bad chunk size", raw: "POST / HTTP/1.1\r\n\(h)Transfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n", status: 400),
    MalformedCase(
        name: "chunk size with space", raw: "POST / HTTP/1.1\r\n\(h)Transfer-Encoding: chunked\r\n\r\n5 \r\nhello\r\n0\r\n\r\n", status: 400
    ),
    MalformedCase(
        name: "chunk size overflow", raw: "POST / HTTP/1.1\r\n\(h)Transfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\n", status: 400),
    MalformedCase(
        name: "chunk data without CRLF", raw: "POST / HTTP/1.1\r\n\(h)Transfer-Encoding: chunked\r\n\r\n5\r\nhelloXX0\r\n\r\n", status: 400),
    MalformedCase(
        name: "chunk size line with bare LF", raw: "POST / HTTP/1.1\r\n\(h)Transfer-Encoding: chunked\r\n\r\n5\nhello\r\n0\r\n\r\n",
        status: 400),
    MalformedCase(name: "Transfer-Encoding gzip", raw: "POST / HTTP/1.1\r\n\(h)Transfer-Encoding: gzip\r\n\r\n", status: 501),
    MalformedCase(
        name: "Transfer-Encoding gzip, chunked", raw: "POST / HTTP/1.1\r\n\(h)Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
        status: 501),
    MalformedCase(
        name: "Transfer-Encoding twice",
        raw: "POST / HTTP/1.1\r\n\(h)Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", status: 501),
    MalformedCase(
        name: "Transfer-Encoding on HTTP/1.0", raw: "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", status: 400),
    MalformedCase(name: "obs-fold", raw: "GET / HTTP/1.1\r\n\(h)X-A: b\r\n c\r\n\r\n", status: 400),
    MalformedCase(name: "bare CR in a value", raw: "GET / HTTP/1.1\r\n\(h)X-A: b\rc\r\n\r\n", status: 400),
    MalformedCase(name: "bare LF line endings", raw: "GET / HTTP/1.1\n\(h)\n", status: 400),
    MalformedCase(name: "CR in the request line", raw: "GET /\r HTTP/1.1\r\n\(h)\r\n", status: 400),
    MalformedCase(name: "space before colon", raw: "GET / HTTP/1.1\r\nHost : a\r\n\r\n", status: 400),
    MalformedCase(name: "tab before colon", raw: "GET / HTTP/1.1\r\n\(h)X-A\t: b\r\n\r\n", status: 400),
    MalformedCase(name: "space inside a name", raw: "GET / HTTP/1.1\r\n\(h)X A: b\r\n\r\n", status: 400),
    MalformedCase(name: "non-token char in a name", raw: "GET / HTTP/1.1\r\n\(h)X(A): b\r\n\r\n", status: 400),
    MalformedCase(name: "empty header name", raw: "GET / HTTP/1.1\r\n\(h): b\r\n\r\n", status: 400),
    MalformedCase(name: "header without colon", raw: "GET / HTTP/1.1\r\n\(h)NoColon\r\n\r\n", status: 400),
    MalformedCase(name: "control char in a value", raw: "GET / HTTP/1.1\r\n\(h)X-A: b\u{01}c\r\n\r\n", status: 400),
    MalformedCase(name: "NUL in a value", raw: "GET / HTTP/1.1\r\n\(h)X-A: b\u{00}c\r\n\r\n", status: 400),
    MalformedCase(name: "DEL in a value", raw: "GET / HTTP/1.1\r\n\(h)X-A: b\u{7F}c\r\n\r\n", status: 400),
    MalformedCase(name: "non-token method", raw: "G(T / HTTP/1.1\r\n\(h)\r\n", status: 400),
    MalformedCase(name: "empty method", raw: " / HTTP/1.1\r\n\(h)\r\n", status: 400),
    MalformedCase(name: "double space before target", raw: "GET  / HTTP/1.1\r\n\(h)\r\n", status: 400),
    MalformedCase(name: "relative target", raw: "GET foo HTTP/1.1\r\n\(h)\r\n", status: 400),
    MalformedCase(name: "absolute-form target", raw: "GET http://a/ HTTP/1.1\r\n\(h)\r\n", status: 400),
    MalformedCase(name: "asterisk with GET", raw: "GET * HTTP/1.1\r\n\(h)\r\n", status: 400),
    MalformedCase(name: "non-ASCII target byte", raw: "GET /caf\u{E9} HTTP/1.1\r\n\(h)\r\n", status: 400),
    MalformedCase(name: "missing version", raw: "GET /\r\n\(h)\r\n", status: 400),
    MalformedCase(name: "garbage version", raw: "GET / HTTP/1.x\r\n\(h)\r\n", status: 400),
    MalformedCase(name: "lowercase version", raw: "GET / http/1.1\r\n\(h)\r\n", status: 400),
    MalformedCase(name: "trailing space after version", raw: "GET / HTTP/1.1 \r\n\(h)\r\n", status: 400),
    MalformedCase(name: "HTTP/2.0", raw: "GET / HTTP/2.0\r\n\(h)\r\n", status: 505),
    MalformedCase(name: "HTTP/0.9 style", raw: "GET / HTTP/0.9\r\n\r\n", status: 505),
    MalformedCase(name: "missing Host on 1.1", raw: "GET / HTTP/1.1\r\n\r\n", status: 400),
    MalformedCase(name: "two Host fields", raw: "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", status: 400),
    MalformedCase(name: "two Host fields on 1.0", raw: "GET / HTTP/1.0\r\nHost: a\r\nhost: a\r\n\r\n", status: 400),
    MalformedCase(name: "unknown expectation", raw: "POST / HTTP/1.1\r\n\(h)Expect: 200-ok\r\nContent-Length: 0\r\n\r\n", status: 417),
    MalformedCase(name: "leading space before request line", raw: " GET / HTTP/1.1\r\n\(h)\r\n", status: 400),
    MalformedCase(
        name: "101 header fields",
        raw: "GET / HTTP/1.1\r\n\(h)" + (0..<100).map { "X-\($0): v\r\n" }.joined() + "\r\n", status: 431),
    MalformedCase(name: "oversized Content-Length", raw: "POST / HTTP/1.1\r\n\(h)Content-Length: 65537\r\n\r\n", status: 413),
]

/// Live: each malformed request gets its fixed status, `Connection: close`, and a closed socket.
@Suite struct MalformedRequestTests {
    @Test(arguments: malformedCases)
    func malformedRequestGetsFixedStatusAndTheConnectionCloses(_ malformed: MalformedCase) throws {
        try withServer { port, _ in
            let client = try TestClient(port: port)
            client.send(malformed.raw)
            let response = try client.readResponse()
            #expect(response.status == malformed.status)
            #expect(response.header("Connection") == "close")
            #expect(response.header("Content-Type") == HTTPResponse.jsonContentType)
            #expect(client.isClosedByServer())
        }
    }

    @Test func tableHasAtLeastThirtyCases() {
        #expect(malformedCases.count >= 30)
    }
}
