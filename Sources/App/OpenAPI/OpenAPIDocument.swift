/// The OpenAPI 3.1 description of the whole HTTP contract (api.md), served at `GET /openapi.json`.
///
/// It is embedded as raw string literals, not read from disk, so the server can always
/// describe itself whatever its working directory. The text is split over a few files
/// (`OpenAPIDocument+*.swift`) only to keep each one readable; each part is a list of
/// JSON object members, and `json` joins them into one document. Tests parse it and check
/// every path, every `$ref` and every `operationId`.
package enum OpenAPIDocument {
    /// The complete document, UTF-8 JSON text.
    package static let json: String =
        "{\n" + [header, "\"paths\": {\n" + paths + "\n}", "\"components\": {\n" + components + "\n}"].joined(separator: ",\n") + "\n}\n"

    /// `Content-Type` to serve `json` with.
    package static let contentType = "application/json; charset=utf-8"

    /// Every route, grouped by router (each part is a list of `"path": {...}` members).
    static let paths = [commonPaths, adminPaths, sessionPaths, tokenPaths].joined(separator: ",\n")

    /// Reusable pieces that the paths refer to with `$ref`.
    static let components = [
        "\"schemas\": {\n" + schemas + ",\n" + inspectSchemas + "\n}",
        "\"responses\": {\n" + responses + "\n}",
        parametersHeadersAndSecurity,
    ].joined(separator: ",\n")

    /// Version, servers, tags and the rules that hold for every route.
    static let header = #"""
          "openapi": "3.1.0",
          "info": {
            "title": "sessions-vs-tokens bookstore",
            "version": "1.0.0",
            "summary": "One bookstore, two ways to remember who you are: cookie sessions (/session) and bearer JWTs (/token).",
            "description": "All bodies are JSON (application/json; charset=utf-8) unless stated. Every error is an Error object {error, error_description}. Unknown routes: 404 not_found. Known route, wrong method: 405 method_not_allowed with an Allow header. Limits every route shares: request line plus headers at most 16 KiB (431), body at most 64 KiB (413), malformed HTTP 400, malformed JSON or wrong types 400 invalid_request, both Content-Length and Transfer-Encoding 400. A bad request never changes stored data."
          },
          "servers": [{"url": "http://127.0.0.1:8080"}],
          "tags": [
            {"name": "common", "description": "Routes that need no authentication."},
            {"name": "admin", "description": "User administration: an ADMIN session cookie or a bearer token with admin:users."},
            {"name": "session", "description": "The coat-check: a random session id in a cookie, the state in server memory."},
            {"name": "token", "description": "The passport: a signed JWT on every request, nothing per user in server memory."}
          ]
        """#
}
