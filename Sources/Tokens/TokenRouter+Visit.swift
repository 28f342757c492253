import Bookstore
import HTTPServer
import JWT

extension TokenRouter {
    /// What one request learns about its visitor on the passport side.
    struct Visit {
        let claims: JWTClaims
        let userID: Int
    }

    /// The lesson in one function. The server remembers nothing: it checks the
    /// seal and the claims of the token the client carries, and believes them.
    /// Permissions are the scopes frozen in the token when it was issued.
    func visit(_ request: HTTPRequest, needing scope: String?) throws -> Visit {
        let claims: JWTClaims
        switch BearerCredential.parse(request.headers) {
        case .absent: throw HTTPError.missingToken
        case .malformed: throw HTTPError.invalidToken("The Authorization header is not a well-formed Bearer token.")
        case .token(let token): claims = try verifier.verify(token)
        }
        guard let userID = Int(claims.sub), userID > 0 else { throw HTTPError.invalidToken("The token's subject is not a user id.") }
        if let scope, !claims.scope.split(separator: " ").contains(Substring(scope)) { throw HTTPError.insufficientScope(scope) }
        return Visit(claims: claims, userID: userID)
    }

    /// If the request carries a bearer token with `admin:users`, that user (the admin routes' hook).
    package func adminUser(for request: HTTPRequest) throws -> User? {
        let visit = try visit(request, needing: Scope.adminUsers)
        guard let user = try store.user(id: visit.userID) else { throw HTTPError.invalidToken("The token's user no longer exists.") }
        return user
    }

    /// Revokes every refresh token of one user; the admin's logout-everywhere.
    /// Their access tokens stay valid until `exp`: nothing here can recall them.
    package func revokeRefreshTokens(userID: Int) throws -> Int { try store.refreshTokens.revokeAll(userID: userID) }
}

/// `{"refresh_token"}`, the body of refresh and logout.
struct RefreshRequest: Decodable {
    let refreshToken: String
    enum CodingKeys: String, CodingKey { case refreshToken = "refresh_token" }
}

/// `GET /token/me`: the claims the token carries, and the user as the database knows them now.
/// `user` is always present: `null` when the token outlived its user (it still verifies, statelessly).
struct MeResponse: Encodable {
    let claims: JWTClaims
    let user: User?

    enum CodingKeys: String, CodingKey { case claims, user }

    /// Written by hand because the synthesized encoder would drop a nil `user`, changing the shape.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(claims, forKey: .claims)
        try container.encode(user, forKey: .user)
    }
}
