/// An incremental HTTP/1.1 request parser, pure (no I/O, no clock).
///
/// The caller keeps the received bytes of the current request in one buffer
/// that always starts at the request's first byte, appends to it, and calls
/// `parse` again; the parser remembers how far it has looked so a slow client
/// does not make it rescan (picohttpparser's `last_len`). After `.complete`
/// the caller drops `consumed` bytes and calls `reset()`.
///
/// It is strict on purpose (RFC 9112 and the request-smuggling lessons of Go's
/// `transfer.go`): CRLF only, no obs-fold, no space before the colon, one Host,
/// never both Content-Length and Transfer-Encoding. What it cannot frame it
/// rejects with a status, and the connection is closed rather than resynchronised.
package struct HTTPRequestParser: Sendable {
    package let limits: HTTPLimits
    /// Bytes of the head already checked for line endings.
    private var scanOffset = 0
    /// Start of the line being scanned.
    private var lineStart = 0
    /// Start of the request line, after any empty lines a client sent between requests.
    private var headStart = 0
    private var head: ParsedHead?
    private var chunks = ChunkedBodyDecoder()

    package init(limits: HTTPLimits = HTTPLimits()) {
        self.limits = limits
    }

    /// Forgets the request just completed, ready for the next one at offset 0.
    package mutating func reset() {
        self = HTTPRequestParser(limits: limits)
    }

    /// True while the head asked for `Expect: 100-continue` and no body byte has arrived:
    /// the moment to send `100 Continue`.
    package var isAwaitingContinue: Bool {
        guard let head, head.expectContinue else { return false }
        return chunks.offset == 0
    }

    /// True once the request line and headers are complete and valid.
    package var hasHead: Bool { head != nil }

    /// Convenience for tests and small callers.
    package mutating func parse(_ bytes: [UInt8]) -> HTTPParseResult {
        bytes.withUnsafeBufferPointer { parse($0) }
    }

    /// Parses the request at the start of `buffer`.
    package mutating func parse(_ buffer: UnsafeBufferPointer<UInt8>) -> HTTPParseResult {
        if head == nil {
            switch scanHead(buffer) {
            case .needMore: return .needMore
            case .error(let status): return .error(status)
            case .found(let end):
                switch HeadParser.parse(buffer, start: headStart, end: end, limits: limits) {
                case .failure(let error): return .error(error.status)
                case .success(let parsed): head = parsed
                }
            }
        }
        guard let head else { return .needMore }
        switch head.framing {
        case .length(let length):
            guard buffer.count - head.end >= length else {
                if buffer.count > head.end { chunks.offset = buffer.count }  // body started: no 100 Continue now
                return .needMore
            }
            var request = head.request
            if length > 0 { request.body = Array(buffer[head.end..<(head.end + length)]) }
            return .complete(ParsedRequest(request: request, keepAlive: head.keepAlive), consumed: head.end + length)
        case .chunked:
            if chunks.offset == 0 { chunks.offset = head.end }
            switch chunks.decode(buffer, limits: limits, bodyStart: head.end) {
            case .needMore: return .needMore
            case .error(let status): return .error(status)
            case .done(let end):
                var request = head.request
                request.body = chunks.body
                return .complete(ParsedRequest(request: request, keepAlive: head.keepAlive), consumed: end)
            }
        }
    }

    private enum HeadScan {
        case found(end: Int)
        case needMore
        case error(HTTPStatus)
    }

    /// Finds the blank line ending the head, rejecting a bare CR or bare LF as soon as it is seen.
    private mutating func scanHead(_ buffer: UnsafeBufferPointer<UInt8>) -> HeadScan {
        var i = scanOffset
        let n = buffer.count
        while i < n {
            let b = buffer[i]
            if b == ByteClass.lf {
                guard i > 0, buffer[i - 1] == ByteClass.cr, i - 1 >= lineStart else { return .error(.badRequest) }
                if i - 1 == lineStart {
                    if lineStart == headStart {
                        headStart = i + 1  // an empty line before the request line: tolerated (RFC 9112 §2.2)
                    } else {
                        guard i + 1 <= limits.maxHeaderBytes else { return .error(.requestHeaderFieldsTooLarge) }
                        return .found(end: i + 1)
                    }
                }
                lineStart = i + 1
            } else if i > 0, buffer[i - 1] == ByteClass.cr, i - 1 >= lineStart {
                return .error(.badRequest)  // a CR not followed by LF
            }
            i += 1
        }
        scanOffset = i
        if n > limits.maxHeaderBytes { return .error(.requestHeaderFieldsTooLarge) }
        return .needMore
    }
}
