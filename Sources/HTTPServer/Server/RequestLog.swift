import Glibc

/// One access-log line per request: `GET /api/books 200 512B 0.3ms`.
/// Only the method, the path WITHOUT its query, the status, the body bytes sent and
/// the duration: never a header value, so Cookie and Authorization cannot leak.
package enum RequestLog {
    /// Longest path kept in a line; longer ones end in `...`.
    static let maxPathCharacters = 200

    /// Builds the line with one allocation. Client bytes are reduced to printable ASCII.
    static func line(method: String, path: String, status: Int, bodyBytes: Int, nanoseconds: UInt64) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(48 + min(path.utf8.count, maxPathCharacters))
        appendSanitized(method, limit: 32, to: &bytes)
        bytes.append(ByteClass.space)
        appendSanitized(path, limit: maxPathCharacters, to: &bytes)
        bytes.append(ByteClass.space)
        ResponseWriter.appendDecimal(status, to: &bytes)
        bytes.append(ByteClass.space)
        ResponseWriter.appendDecimal(bodyBytes, to: &bytes)
        bytes.append(UInt8(ascii: "B"))
        bytes.append(ByteClass.space)
        let tenths = Int((nanoseconds + 50_000) / 100_000)  // tenths of a millisecond, rounded
        ResponseWriter.appendDecimal(tenths / 10, to: &bytes)
        bytes.append(UInt8(ascii: "."))
        ResponseWriter.appendDecimal(tenths % 10, to: &bytes)
        bytes.append(contentsOf: "ms".utf8)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The path for a log line: `-` when empty, otherwise printable ASCII only, truncated.
    static func appendSanitized(_ text: String, limit: Int, to bytes: inout [UInt8]) {
        if text.isEmpty {
            bytes.append(UInt8(ascii: "-"))
            return
        }
        var count = 0
        for b in text.utf8 {
            if count == limit {
                bytes.append(contentsOf: "...".utf8)
                return
            }
            bytes.append(b > 0x20 && b < 0x7F ? b : UInt8(ascii: "?"))
            count += 1
        }
    }

    /// A sink for `HTTPServerConfiguration.log` that writes each line with one
    /// `write(2)` to standard output: lines from different loops never interleave
    /// (each is far below PIPE_BUF) and nothing is lost in a buffer on a crash.
    package static let standardOutput: @Sendable (String) -> Void = { line in
        var bytes = Array(line.utf8)
        bytes.append(ByteClass.lf)
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(STDOUT_FILENO, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { return }
                offset += n
            }
        }
    }
}
