/// Why a head was refused, with the status of the fixed answer.
struct HeadError: Error {
    var status: HTTPStatus
    init(_ status: HTTPStatus) { self.status = status }
}

/// Reads a complete, CRLF-checked head: the request line, then each field line,
/// then the framing decision (RFC 9112 §3, §5, §6.3). Pure functions over bytes.
enum HeadParser {
    /// `start..<end` spans the request line through the final blank line.
    static func parse(_ buf: UnsafeBufferPointer<UInt8>, start: Int, end: Int, limits: HTTPLimits) -> Result<ParsedHead, HeadError> {
        do throws(HeadError) {
            let firstLineEnd = lineEnd(buf, from: start)
            var line = try RequestLine(buf, start: start, end: firstLineEnd)
            var fields = FieldSummary()
            var headers = HTTPHeaders()
            var cursor = firstLineEnd + 2
            while cursor < end - 2 {
                let stop = lineEnd(buf, from: cursor)
                guard headers.count < limits.maxHeaderCount else { throw HeadError(.requestHeaderFieldsTooLarge) }
                let (name, value) = try field(buf, start: cursor, end: stop)
                try fields.note(name: buf[name], value: buf[value])
                headers.add(string(buf[name]), string(buf[value]))
                cursor = stop + 2
            }
            let framing = try fields.framing(version: line.version, limits: limits)
            if line.version.minor >= 1, fields.hostCount == 0 { throw HeadError(.badRequest) }
            line.request.headers = headers
            let keepAlive = line.version.minor >= 1 ? !fields.connectionClose : fields.connectionKeepAlive && !fields.connectionClose
            return .success(
                ParsedHead(
                    request: line.request, keepAlive: keepAlive, framing: framing,
                    expectContinue: fields.expectContinue && line.version.minor >= 1, end: end))
        } catch {
            return .failure(error)
        }
    }

    /// Index of the CR ending the line at `from` (the scanner proved every line ends in CRLF).
    static func lineEnd(_ buf: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var i = from
        while buf[i] != ByteClass.cr { i += 1 }
        return i
    }

    /// Splits `name: value`, rejecting obs-fold, whitespace before the colon, non-token
    /// names and control bytes in the value; trims optional whitespace around the value.
    static func field(_ buf: UnsafeBufferPointer<UInt8>, start: Int, end: Int) throws(HeadError) -> (Range<Int>, Range<Int>) {
        var i = start
        while i < end, buf[i] != ByteClass.colon {
            guard ByteClass.isToken(buf[i]) else { throw HeadError(.badRequest) }  // also catches obs-fold and "Name :"
            i += 1
        }
        guard i < end, i > start else { throw HeadError(.badRequest) }
        let name = start..<i
        var valueStart = i + 1
        var valueEnd = end
        while valueStart < valueEnd, buf[valueStart] == ByteClass.space || buf[valueStart] == ByteClass.tab { valueStart += 1 }
        while valueEnd > valueStart, buf[valueEnd - 1] == ByteClass.space || buf[valueEnd - 1] == ByteClass.tab { valueEnd -= 1 }
        for j in valueStart..<valueEnd where !ByteClass.isFieldValue(buf[j]) { throw HeadError(.badRequest) }
        return (name, valueStart..<valueEnd)
    }

    static func string(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self)
    }
}

/// `method SP request-target SP HTTP-version`, each part checked.
struct RequestLine {
    var request: HTTPRequest
    var version: HTTPVersion

    init(_ buf: UnsafeBufferPointer<UInt8>, start: Int, end: Int) throws(HeadError) {
        var i = start
        while i < end, buf[i] != ByteClass.space {
            guard ByteClass.isToken(buf[i]) else { throw HeadError(.badRequest) }
            i += 1
        }
        guard i > start, i < end else { throw HeadError(.badRequest) }
        let method = start..<i
        i += 1
        let targetStart = i
        while i < end, buf[i] != ByteClass.space {
            guard ByteClass.isTarget(buf[i]) else { throw HeadError(.badRequest) }
            i += 1
        }
        guard i > targetStart, i < end else { throw HeadError(.badRequest) }
        let target = targetStart..<i
        version = try Self.version(buf[(i + 1)..<end])
        let methodName = Self.method(buf[method])
        let isAsterisk = target.count == 1 && buf[targetStart] == UInt8(ascii: "*")
        guard buf[targetStart] == UInt8(ascii: "/") || (isAsterisk && methodName == .OPTIONS) else {
            throw HeadError(.badRequest)  // absolute-form and authority-form are not served here
        }
        request = HTTPRequest(method: methodName, target: HeadParser.string(buf[target]), version: version)
    }

    /// `HTTP/1.0` and `HTTP/1.x`; another major version is 505, anything else 400.
    /// The name is case-sensitive (RFC 9112 §2.3): `http/1.1` and `HttP/1.1` are 400.
    static func version(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) throws(HeadError) -> HTTPVersion {
        guard bytes.count == 8, bytes.prefix(5).elementsEqual("HTTP/".utf8) else { throw HeadError(.badRequest) }
        let b = Array(bytes)
        guard b[6] == UInt8(ascii: "."),
            (48...57).contains(b[5]), (48...57).contains(b[7])
        else { throw HeadError(.badRequest) }
        let version = HTTPVersion(major: Int(b[5] - 48), minor: Int(b[7] - 48))
        guard version.major == 1 else { throw HeadError(.httpVersionNotSupported) }
        return version
    }

    /// Names the common methods without allocating; any other token passes through.
    static func method(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> HTTPMethod {
        if bytes.elementsEqual("GET".utf8) { return .GET }
        if bytes.elementsEqual("POST".utf8) { return .POST }
        if bytes.elementsEqual("HEAD".utf8) { return .HEAD }
        return HTTPMethod(rawValue: HeadParser.string(bytes))
    }
}
