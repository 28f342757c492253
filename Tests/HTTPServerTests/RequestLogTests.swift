import Testing

@testable import HTTPServer

/// The log line format and its sanitising, and the Date formatter.
@Suite struct RequestLogTests {
    @Test func lineHasTheDocumentedShape() {
        let line = RequestLog.line(method: "GET", path: "/api/books", status: 200, bodyBytes: 512, nanoseconds: 312_000)
        #expect(line == "GET /api/books 200 512B 0.3ms")
    }

    @Test func pathIsReducedToPrintableASCIIAndTruncated() {
        let line = RequestLog.line(method: "GET", path: "/a\u{1B}[31m\nb", status: 404, bodyBytes: 0, nanoseconds: 0)
        #expect(line == "GET /a?[31m?b 404 0B 0.0ms")
        let long = RequestLog.line(method: "GET", path: "/" + String(repeating: "x", count: 500), status: 200, bodyBytes: 1, nanoseconds: 0)
        #expect(long.count < 260)
        #expect(long.contains("..."))
    }

    @Test func dateIsIMFFixdate() {
        #expect(DateHeaderCache.format(784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
    }
}
