import HTTPServer

/// DNS-rebinding guard. A page on `evil.example` whose name is re-pointed at
/// 127.0.0.1 can reach a loopback server from the victim's browser, and its
/// requests look same-origin (`Origin` and `Host` both say `evil.example`).
/// A server bound to loopback therefore answers only requests addressed to a
/// loopback name; everything else gets 421 before any route runs.
enum HostGuard {
    static let misdirected = HTTPError(
        HTTPStatus(421, "Misdirected Request"), "misdirected_request",
        "This server listens on loopback and answers only requests for 127.0.0.1, localhost or [::1].")

    static let middleware: HTTPMiddleware = { request, next in
        if let host = request.headers["Host"], !isLoopbackName(host) { throw misdirected }
        return try next(request)
    }

    /// `127.0.0.1:8080`, `localhost`, `[::1]:8080`, … (any 127.x address; the port is not checked).
    static func isLoopbackName(_ hostHeader: String) -> Bool {
        var name = Substring(hostHeader)
        if name.hasPrefix("[") {
            guard let close = name.firstIndex(of: "]") else { return false }
            name = name[name.index(after: name.startIndex)..<close]
            return name == "::1"
        }
        if let colon = name.lastIndex(of: ":") { name = name[..<colon] }
        let lowered = name.lowercased()
        return lowered == "localhost" || (lowered.hasPrefix("127.") && lowered.split(separator: ".").count == 4)
    }
}
