/// An HTTP request method. Any RFC 9110 token is accepted by the parser; the
/// common ones have names so routes read naturally.
package struct HTTPMethod: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    package let rawValue: String
    package init(rawValue: String) { self.rawValue = rawValue }

    package static let GET = HTTPMethod(rawValue: "GET")
    package static let HEAD = HTTPMethod(rawValue: "HEAD")
    package static let POST = HTTPMethod(rawValue: "POST")
    package static let PUT = HTTPMethod(rawValue: "PUT")
    package static let PATCH = HTTPMethod(rawValue: "PATCH")
    package static let DELETE = HTTPMethod(rawValue: "DELETE")
    package static let OPTIONS = HTTPMethod(rawValue: "OPTIONS")

    package var description: String { rawValue }
}

/// The protocol version from the request line (HTTP/1.0 or HTTP/1.1).
package struct HTTPVersion: Hashable, Sendable, CustomStringConvertible {
    package var major: Int
    package var minor: Int
    package init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }
    package static let http1_0 = HTTPVersion(major: 1, minor: 0)
    package static let http1_1 = HTTPVersion(major: 1, minor: 1)
    package var description: String { "HTTP/\(major).\(minor)" }
}
