extension Router {
    /// The fixed answer for any error that is not an `HTTPError`: the client learns
    /// nothing about what failed (no type names, no SQL, no paths).
    static let internalError = HTTPError(.internalServerError, "internal_error", "The server could not complete the request.")

    /// Turns a thrown error into a response. An `HTTPError` is the handler's chosen answer;
    /// anything else is reported to `onError` (escaped, since it may hold client bytes)
    /// and answered with the opaque `internalError`. Public to the package so a logging
    /// middleware can map errors the same way the router does.
    package static func response(
        for error: any Error, request: HTTPRequest, onError: (@Sendable (String) -> Void)?
    ) -> HTTPResponse {
        if let error = error as? HTTPError { return HTTPResponse.error(error) }
        onError?(escapedForLog("\(request.method) \(request.path): \(String(reflecting: error))"))
        return HTTPResponse.error(internalError)
    }

    /// Keeps a log line on one line and printable: controls and non-ASCII become `\xNN`.
    static func escapedForLog(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8.prefix(maxLogDetailBytes) {
            if byte >= 0x20 && byte < 0x7F {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "\\x" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    /// Bounds a single error log line (bytes of the original text).
    static let maxLogDetailBytes = 2048
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
