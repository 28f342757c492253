import Foundation

/// Serves the teaching page's files from one directory; meant as the router's fallback:
/// `builder.fallback = StaticFiles(root: "Static").handler`.
///
/// Policies:
/// - GET and HEAD only (HEAD gets the GET answer; the server drops the body). Another
///   method on an existing file: 405 with `Allow: GET, HEAD`; otherwise 404.
/// - `/` serves `index.html`, `/dir/` serves `dir/index.html`; `/dir` (a directory
///   without the slash) is 404, with no redirect, like the router's exact matching.
/// - Refused with 400 `invalid_request`: invalid percent-encoding. Refused with 404
///   `not_found` (revealing nothing): `.`/`..` and every other dot-segment or hidden
///   file (decoded or not, e.g. `%2e%2e`, `.%2e`), encoded `/` (`%2f`), raw or encoded
///   backslash, NUL and other control bytes, empty segments (`//`), non-UTF-8 names,
///   anything whose real path (symlinks resolved) leaves the root, anything that is
///   not a regular file, and files larger than `maxFileBytes`.
/// - Every answer revalidates: `Cache-Control: no-cache` with a strong content `ETag`
///   (see `EntityTag`), so an edited file shows on the next reload; a matching
///   `If-None-Match` gets 304 with no body. `Last-Modified` is sent for information.
package struct StaticFiles: HTTPResponder {
    /// Files above this size are not served (404): the page's assets are small, and a
    /// whole file is read into memory on the event-loop thread.
    package static let defaultMaxFileBytes = 8 * 1024 * 1024

    let root: String
    let maxFileBytes: Int

    /// `root` need not exist yet; requests answer 404 until it does.
    package init(root: String, maxFileBytes: Int = defaultMaxFileBytes) {
        self.root = root
        self.maxFileBytes = maxFileBytes
    }

    /// This server as a router fallback handler.
    package var handler: HTTPHandler { { request in try self.serve(request) } }

    package func respond(to request: HTTPRequest) -> HTTPResponse {
        do { return try serve(request) } catch { return HTTPResponse.error(error) }
    }

    /// The answer for `request`, or the `HTTPError` (404, 400, 405) explaining the refusal.
    package func serve(_ request: HTTPRequest) throws(HTTPError) -> HTTPResponse {
        let file = try load(requestPath: request.path)
        guard request.method == .GET || request.method == .HEAD else {
            throw HTTPError(
                .methodNotAllowed, "method_not_allowed", "Static files support GET and HEAD.", headers: ["Allow": "GET, HEAD"])
        }
        let etag = EntityTag.strong(for: file.bytes)
        var headers: HTTPHeaders = [
            "ETag": etag, "Cache-Control": "no-cache", "Last-Modified": IMFFixdate.string(from: file.modified),
        ]
        if EntityTag.ifNoneMatch(request.headers.values("If-None-Match"), matches: etag) {
            return HTTPResponse(status: .notModified, headers: headers)
        }
        headers.add("Content-Type", MediaTypes.contentType(forFileName: file.path))
        headers.add("X-Content-Type-Options", "nosniff")
        return HTTPResponse(status: .ok, headers: headers, body: file.bytes)
    }
}
