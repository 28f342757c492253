import HTTPServer

/// Cross-site request forgery check for cookie-authenticated, state-changing requests.
///
/// The browser attaches the `sid` cookie to every request to this host, even one a
/// hostile page triggers; `SameSite=Lax` stops most of that, and this check stops
/// the rest. Bearer tokens need no such check: a browser never attaches them by itself.
///
/// Policy (api.md leaves the details open):
/// - only POST, PUT, PATCH and DELETE are checked; GET and HEAD must not change state;
/// - `Sec-Fetch-Site` (set by the browser, unforgeable by page scripts) must be
///   `same-origin` or `none` (typed URL, bookmark); `same-site` is refused too,
///   because a sibling subdomain is a different party;
/// - `Origin`, when present, must be this server's own origin, built from `Host`
///   and the connection's scheme; `Origin: null` is refused;
/// - a request with neither header (curl, scripts) passes, as api.md says.
package enum CSRFGuard {
    package static let rejected = HTTPError(.forbidden, "csrf_rejected", "A cross-site request may not change state here.")

    package static let middleware: HTTPMiddleware = { request, next in
        try check(request)
        return try next(request)
    }

    package static func check(_ request: HTTPRequest) throws(HTTPError) {
        guard [.POST, .PUT, .PATCH, .DELETE].contains(request.method) else { return }
        if let site = request.headers["Sec-Fetch-Site"] {
            guard HTTPHeaders.equalNames(site, "same-origin") || HTTPHeaders.equalNames(site, "none") else { throw rejected }
        }
        if let origin = request.headers["Origin"] {
            guard let host = request.headers["Host"] else { throw rejected }
            let scheme = request.isSecure ? "https://" : "http://"
            guard HTTPHeaders.equalNames(origin, scheme + host) else { throw rejected }
        }
    }
}
