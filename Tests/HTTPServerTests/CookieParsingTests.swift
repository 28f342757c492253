import Testing

@testable import HTTPServer

/// Reading `Cookie` request headers: tolerant of separators, strict about content, never crashing.
@Suite struct CookieParsingTests {
    static func request(_ cookieHeaders: [String]) -> HTTPRequest {
        HTTPRequest(method: .GET, target: "/", headers: HTTPHeaders(cookieHeaders.map { ("Cookie", $0) }))
    }

    @Test(
        arguments: [
            (["sid=abc"], ["sid": "abc"]),
            (["a=1; b=2"], ["a": "1", "b": "2"]),
            (["a=1;b=2"], ["a": "1", "b": "2"]),
            (["  a = 1 ;\tb=2 ; "], ["a": "1", "b": "2"]),
            (["a=1", "b=2"], ["a": "1", "b": "2"]),
            (["a=first; a=second"], ["a": "first"]),
            (["a=first", "a=second"], ["a": "first"]),
            (["a=\"quoted\""], ["a": "quoted"]),
            (["a="], ["a": ""]),
            (["a=x=y"], ["a": "x=y"]),
            (["noequals; b=2"], ["b": "2"]),
            (["=nameless; b=2"], ["b": "2"]),
            (["bad name=1; b=2"], ["b": "2"]),
            (["a=has space; b=2"], ["b": "2"]),
            (["a=com,ma; b=2"], ["b": "2"]),
            (["a=back\\slash; b=2"], ["b": "2"]),
            (["a=\"unbalanced; b=2"], ["b": "2"]),
            (["a=\u{7F}del; b=2"], ["b": "2"]),
            (["a=é; b=2"], ["b": "2"]),
            (["é=1; b=2"], ["b": "2"]),
            ([";;;"], [:]),
            ([""], [:]),
            ([String](), [:]),
            (["SID=upper; sid=lower"], ["SID": "upper", "sid": "lower"]),
            (["tok=eyJhbGciOi.eyJzdWIi.sig-_~"], ["tok": "eyJhbGciOi.eyJzdWIi.sig-_~"]),
        ] as [([String], [String: String])])
    func cookieHeadersParseIntoFirstWinsPairs(headers: [String], expected: [String: String]) {
        #expect(Self.request(headers).cookies == expected)
    }

    @Test func cookieLookupReturnsTheFirstValueForAName() {
        let request = Self.request(["theme=dark; sid=one", "sid=two"])
        #expect(request.cookie("sid") == "one")
        #expect(request.cookie("SID") == nil)
        #expect(request.cookie("missing") == nil)
    }

    @Test func cookieHeaderNameIsCaseInsensitive() {
        let request = HTTPRequest(method: .GET, target: "/", headers: ["cookie": "a=1", "COOKIE": "b=2"])
        #expect(request.cookies == ["a": "1", "b": "2"])
    }

    @Test func hostileCookieHeadersNeverCrash() {
        let noise = (0..<2000).map { i in ["=", ";", "\"", " ", "a", "\u{0}", "é", ","][i * 7 % 8] }.joined()
        let request = Self.request([noise, String(repeating: "x=1;", count: 2000)])
        #expect(request.cookies["x"] == "1")
    }
}
