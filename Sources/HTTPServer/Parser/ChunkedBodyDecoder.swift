/// Decodes a chunked body (RFC 9112 §7.1) incrementally: it remembers where it
/// stopped and what it decoded, so each new read only costs its own bytes.
/// Chunk extensions are skipped; trailer fields are read and discarded.
struct ChunkedBodyDecoder: Sendable {
    enum Phase: Equatable, Sendable {
        case size
        case data(remaining: Int)
        case dataCRLF
        case trailer
    }

    enum Outcome: Sendable {
        case needMore
        case done(end: Int)
        case error(HTTPStatus)
    }

    /// Hex digits allowed in a chunk size; more could overflow `Int`.
    static let maxChunkSizeDigits = 15
    /// A chunk-size line (size plus extensions) or trailer line longer than this is refused.
    static let maxLineBytes = 4096

    /// Absolute offset in the request buffer of the next undecoded byte; 0 = not started.
    var offset = 0
    var phase = Phase.size
    var body: [UInt8] = []

    mutating func decode(_ buf: UnsafeBufferPointer<UInt8>, limits: HTTPLimits, bodyStart: Int) -> Outcome {
        while true {
            if offset - bodyStart > limits.maxEncodedBodyBytes { return .error(.contentTooLarge) }
            switch phase {
            case .size:
                guard let end = Self.line(buf, from: offset) else { return pending(buf) }
                guard case .ok(let size) = Self.chunkSize(buf[offset..<end]) else { return .error(.badRequest) }
                guard size <= limits.maxBodyBytes - body.count else { return .error(.contentTooLarge) }
                offset = end + 2
                phase = size == 0 ? .trailer : .data(remaining: size)
            case .data(let remaining):
                let available = min(remaining, buf.count - offset)
                guard available > 0 else { return .needMore }
                body.append(contentsOf: buf[offset..<(offset + available)])
                offset += available
                phase = remaining == available ? .dataCRLF : .data(remaining: remaining - available)
            case .dataCRLF:
                guard buf.count - offset >= 2 else { return .needMore }
                guard buf[offset] == ByteClass.cr, buf[offset + 1] == ByteClass.lf else { return .error(.badRequest) }
                offset += 2
                phase = .size
            case .trailer:
                guard let end = Self.line(buf, from: offset) else { return pending(buf) }
                if end == offset { return .done(end: end + 2) }
                // A trailer line is a field line: a non-empty token name, a colon, a value.
                guard let colon = (offset..<end).first(where: { buf[$0] == UInt8(ascii: ":") }), colon > offset,
                    (offset..<colon).allSatisfy({ ByteClass.isToken(buf[$0]) }),
                    (colon + 1..<end).allSatisfy({ ByteClass.isFieldValue(buf[$0]) })
                else { return .error(.badRequest) }
                offset = end + 2
            }
        }
    }

    /// `.needMore`, unless the unfinished line already broke the rules.
    private func pending(_ buf: UnsafeBufferPointer<UInt8>) -> Outcome {
        for i in offset..<buf.count where buf[i] == ByteClass.lf || (buf[i] == ByteClass.cr && i + 1 < buf.count) {
            return .error(.badRequest)
        }
        return buf.count - offset > Self.maxLineBytes ? .error(.badRequest) : .needMore
    }

    /// Index of the CR of the CRLF ending the line at `from`, or nil if not yet received.
    /// A bare CR or LF inside the line makes the line never match, and `pending` rejects it.
    static func line(_ buf: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var i = from
        while i + 1 < buf.count {
            if buf[i] == ByteClass.cr || buf[i] == ByteClass.lf {
                return buf[i] == ByteClass.cr && buf[i + 1] == ByteClass.lf ? i : nil
            }
            i += 1
        }
        return nil
    }

    enum SizeLine: Equatable {
        case ok(Int)
        case invalid
    }

    /// `1*HEXDIG [ ";" extension ]`: no sign, no spaces before the extension.
    static func chunkSize(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> SizeLine {
        var size = 0
        var digits = 0
        var i = line.startIndex
        while i < line.endIndex, let digit = hexValue(line[i]) {
            guard digits < maxChunkSizeDigits else { return .invalid }  // before it can overflow
            size = size * 16 + digit
            digits += 1
            i += 1
        }
        guard digits > 0 else { return .invalid }
        guard i == line.endIndex || line[i] == UInt8(ascii: ";") else { return .invalid }
        for j in i..<line.endIndex where !ByteClass.isFieldValue(line[j]) { return .invalid }
        return .ok(size)
    }

    static func hexValue(_ b: UInt8) -> Int? {
        switch b {
        case 48...57: return Int(b - 48)
        case 65...70: return Int(b - 55)
        case 97...102: return Int(b - 87)
        default: return nil
        }
    }
}
