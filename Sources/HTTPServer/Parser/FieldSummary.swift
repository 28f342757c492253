/// What the framing-relevant header fields said, gathered while the head is read,
/// then turned into one framing decision (Go `transfer.go`, RFC 9112 §6.3).
struct FieldSummary {
    var hostCount = 0
    var contentLength: Int?
    var transferEncodingCount = 0
    var transferEncodingIsChunked = false
    var connectionClose = false
    var connectionKeepAlive = false
    var expectContinue = false

    /// Content-Length values longer than this could overflow `Int`; they are 400.
    static let maxContentLengthDigits = 18

    mutating func note(name: Slice<UnsafeBufferPointer<UInt8>>, value: Slice<UnsafeBufferPointer<UInt8>>) throws(HeadError) {
        switch name.count {
        case 4 where ByteClass.equalsLowercase(name, "host"):
            hostCount += 1
            guard hostCount == 1 else { throw HeadError(.badRequest) }
        case 14 where ByteClass.equalsLowercase(name, "content-length"):
            let length = try Self.contentLength(value)
            // Identical repeated values are accepted (RFC 9110 §8.6 allows it); different ones are smuggling.
            guard contentLength == nil || contentLength == length else { throw HeadError(.badRequest) }
            contentLength = length
        case 17 where ByteClass.equalsLowercase(name, "transfer-encoding"):
            transferEncodingCount += 1
            transferEncodingIsChunked = ByteClass.equalsLowercase(value, "chunked")
        case 10 where ByteClass.equalsLowercase(name, "connection"):
            for token in Self.listElements(value) {
                if ByteClass.equalsLowercase(token, "close") { connectionClose = true }
                if ByteClass.equalsLowercase(token, "keep-alive") { connectionKeepAlive = true }
            }
        case 6 where ByteClass.equalsLowercase(name, "expect"):
            guard ByteClass.equalsLowercase(value, "100-continue") else { throw HeadError(.expectationFailed) }
            expectContinue = true
        default:
            break
        }
    }

    /// The elements of a comma-separated list value, each trimmed of optional whitespace.
    static func listElements(_ value: Slice<UnsafeBufferPointer<UInt8>>) -> [Slice<UnsafeBufferPointer<UInt8>>] {
        var elements: [Slice<UnsafeBufferPointer<UInt8>>] = []
        var start = value.startIndex
        func isOWS(_ b: UInt8) -> Bool { b == ByteClass.space || b == ByteClass.tab }
        for i in value.startIndex...value.endIndex where i == value.endIndex || value[i] == UInt8(ascii: ",") {
            var s = start, e = i
            while s < e, isOWS(value[s]) { s += 1 }
            while e > s, isOWS(value[e - 1]) { e -= 1 }
            if s < e { elements.append(value.base[s..<e]) }
            start = i + 1
        }
        return elements
    }

    /// `1*DIGIT`, nothing else (no sign, no list, no spaces inside).
    static func contentLength(_ value: Slice<UnsafeBufferPointer<UInt8>>) throws(HeadError) -> Int {
        guard !value.isEmpty, value.count <= maxContentLengthDigits else { throw HeadError(.badRequest) }
        var n = 0
        for b in value {
            guard b >= 48, b <= 57 else { throw HeadError(.badRequest) }
            n = n * 10 + Int(b - 48)
        }
        return n
    }

    /// Chunked only when Transfer-Encoding is exactly `chunked` (one field); any other
    /// coding is 501. Both TE and Content-Length, or TE on HTTP/1.0, is 400.
    func framing(version: HTTPVersion, limits: HTTPLimits) throws(HeadError) -> BodyFraming {
        if transferEncodingCount > 0 {
            guard contentLength == nil, version.minor >= 1 else { throw HeadError(.badRequest) }
            guard transferEncodingCount == 1, transferEncodingIsChunked else { throw HeadError(.notImplemented) }
            return .chunked
        }
        let length = contentLength ?? 0
        guard length <= limits.maxBodyBytes else { throw HeadError(.contentTooLarge) }
        return .length(length)
    }
}
