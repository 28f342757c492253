import Bookstore
import HTTPServer
import Sessions

/// The admin routes. Each router supplies a hook that says who the admin is:
/// an ADMIN session on the coat-check side, a bearer token carrying
/// `admin:users` on the passport side.
struct AdminRoutes: Sendable {
    /// Returns the admin behind the request's credential, nil when it carries none of that kind,
    /// or throws when it carries one that is invalid or not an admin's.
    typealias AdminHook = @Sendable (HTTPRequest) throws -> User?

    let store: Bookstore
    let sessionAdmin: AdminHook
    let tokenAdmin: AdminHook
    /// Ends a user's sessions (memory) and revokes their refresh tokens (SQLite); returns both counts.
    let logoutEverywhere: @Sendable (Int) throws -> LogoutEverywhereResponse
    /// Set only when restarting is allowed (loopback and `--allow-restart`).
    let restart: (@Sendable () -> Void)?

    func register(into routes: inout RouterBuilder) {
        routes.group("/api/admin") { r in
            r.put("/users/{id}/scopes", setScopes)
            r.post("/users/{id}/logout-everywhere", logoutEverywhere)
            if let restart {
                r.post("/restart") { request in
                    try CSRFGuard.check(request)
                    restart()
                    return try .json(["status": "restarting"], status: .accepted)
                }
            }
        }
    }

    /// An explicit `Authorization` header wins over the ambient cookie.
    func requireAdmin(_ request: HTTPRequest) throws -> User {
        if request.headers.contains("Authorization") {
            if let admin = try tokenAdmin(request) { return admin }
        } else if let admin = try sessionAdmin(request) {
            return admin
        }
        throw HTTPError(
            .unauthorized, request.headers.contains("Authorization") ? "invalid_token" : "no_session",
            "Sign in as an admin: an ADMIN session cookie, or a bearer token with admin:users.",
            headers: ["WWW-Authenticate": #"Bearer realm="bookstore""#])
    }

    /// More entries than a sane scope list needs (five scopes exist): a longer list is a
    /// mistake or an attack, refused before it reaches SQLite.
    static let maxScopesPerRequest = 32

    func setScopes(_ request: HTTPRequest) throws -> HTTPResponse {
        _ = try requireAdmin(request)
        let userID = try request.integerParameter("id")
        let body: ScopesRequest = try request.decodeJSON()
        guard body.scopes.count <= Self.maxScopesPerRequest else {
            throw HTTPError.invalidRequest("At most \(Self.maxScopesPerRequest) scopes in one request.")
        }
        return try .json(UserEnvelope(store.setScopes(userID: userID, scopes: body.scopes)))
    }

    func logoutEverywhere(_ request: HTTPRequest) throws -> HTTPResponse {
        _ = try requireAdmin(request)
        let userID = try request.integerParameter("id")
        guard try store.user(id: userID) != nil else { throw HTTPError.notFound("No user has that id.") }
        return try .json(logoutEverywhere(userID))
    }
}

/// `PUT /api/admin/users/{id}/scopes` body.
struct ScopesRequest: Decodable {
    let scopes: [String]
}

/// `{"sessions_ended":n,"refresh_tokens_revoked":m}`.
struct LogoutEverywhereResponse: Encodable {
    let sessionsEnded: Int
    let refreshTokensRevoked: Int
}
