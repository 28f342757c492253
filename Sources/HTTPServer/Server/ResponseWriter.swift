/// Serialises a response straight into a connection's output bytes: no
/// intermediate strings. The writer, not the handler, owns the framing headers:
/// `Content-Length`, `Date` and `Connection`; a handler's own copies are dropped.
enum ResponseWriter {
    /// Appends the status line, headers and (unless forbidden) the body. Returns the body bytes sent.
    @discardableResult
    static func append(
        _ response: HTTPResponse, to out: inout [UInt8], isHEAD: Bool, close: Bool, keepAliveHeader: Bool, date: [UInt8]
    ) -> Int {
        let code = response.status.code
        out.append(contentsOf: "HTTP/1.1 ".utf8)
        appendStatusCode(code, to: &out)
        out.append(ByteClass.space)
        appendSanitized(response.status.reason, to: &out)
        out.append(contentsOf: "\r\n".utf8)
        for (name, value) in response.headers where isSafe(name: name, value: value) && !isFramingHeader(name) {
            out.append(contentsOf: name.utf8)
            out.append(contentsOf: ": ".utf8)
            out.append(contentsOf: value.utf8)
            out.append(contentsOf: "\r\n".utf8)
        }
        // 1xx, 204 and 304 have no body and (for 1xx/204) no Content-Length (RFC 9110 §8.6).
        let bodyForbidden = code < 200 || code == 204 || code == 304
        if code >= 200, code != 204, code != 304 {
            out.append(contentsOf: "Content-Length: ".utf8)
            appendDecimal(response.body.count, to: &out)
            out.append(contentsOf: "\r\n".utf8)
        }
        out.append(contentsOf: date)
        if close {
            out.append(contentsOf: "Connection: close\r\n".utf8)
        } else if keepAliveHeader {
            out.append(contentsOf: "Connection: keep-alive\r\n".utf8)
        }
        out.append(contentsOf: "\r\n".utf8)
        guard !isHEAD, !bodyForbidden else { return 0 }
        out.append(contentsOf: response.body)
        return response.body.count
    }

    /// The fixed answer to a request that could not be framed: no handler ran.
    static func appendRejection(_ status: HTTPStatus, to out: inout [UInt8], date: [UInt8]) {
        let body = #"{"error":""# + errorCode(status) + #"","error_description":"The request could not be read."}"#
        let response = HTTPResponse(
            status: status, headers: ["Content-Type": HTTPResponse.jsonContentType], body: Array(body.utf8))
        append(response, to: &out, isHEAD: false, close: true, keepAliveHeader: false, date: date)
    }

    /// The JSON error code of a rejection, in the API's snake_case style.
    static func errorCode(_ status: HTTPStatus) -> String {
        switch status.code {
        case 408: return "request_timeout"
        case 413: return "content_too_large"
        case 417: return "expectation_failed"
        case 431: return "request_header_fields_too_large"
        case 501: return "not_implemented"
        case 503: return "service_unavailable"
        case 505: return "http_version_not_supported"
        default: return "bad_request"
        }
    }

    static let continueLine = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// True if the handler asked to end the connection with its own `Connection: close`.
    static func requestsClose(_ response: HTTPResponse) -> Bool {
        guard let value = response.headers["Connection"] else { return false }
        return HTTPHeaders.equalNames(value, "close")
    }

    private static func isFramingHeader(_ name: String) -> Bool {
        switch name.utf8.count {
        case 4: return HTTPHeaders.equalNames(name, "Date")
        case 10: return HTTPHeaders.equalNames(name, "Connection")
        case 14: return HTTPHeaders.equalNames(name, "Content-Length")
        case 17: return HTTPHeaders.equalNames(name, "Transfer-Encoding")
        default: return false
        }
    }

    /// A header whose name is not a token or whose value holds CR, LF or another
    /// control byte would let a handler split the response; it is dropped.
    private static func isSafe(name: String, value: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy(ByteClass.isToken) && value.utf8.allSatisfy(ByteClass.isFieldValue)
    }

    private static func appendSanitized(_ text: String, to out: inout [UInt8]) {
        for b in text.utf8 { out.append(b >= 0x20 && b < 0x7F ? b : UInt8(ascii: "?")) }
    }

    private static func appendStatusCode(_ code: Int, to out: inout [UInt8]) {
        let c = min(max(code, 100), 999)
        out.append(UInt8(48 + c / 100))
        out.append(UInt8(48 + (c / 10) % 10))
        out.append(UInt8(48 + c % 10))
    }

    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        guard value > 0 else {
            out.append(48)
            return
        }
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        while divisor > 0 {
            out.append(UInt8(48 + (value / divisor) % 10))
            divisor /= 10
        }
    }
}
