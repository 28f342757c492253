import Bookstore
import Foundation
import HTTPServer
import JWT

extension TokenRouter {
    /// RFC 7662 token introspection, for admins. It shows the cost of wanting
    /// certainty: to say whether a token is *still* good (not revoked, user not
    /// deleted) the server must look things up, so a stateless token becomes a
    /// database lookup again. Access tokens (JWTs) and refresh tokens are both answered.
    func introspect(_ request: HTTPRequest) throws -> HTTPResponse {
        _ = try visit(request, needing: Scope.adminUsers)
        let token = try IntrospectionRequest.token(from: request)
        let answer = try token.contains(".") ? introspectAccessToken(token) : introspectRefreshToken(token)
        return try .json(answer, headers: Self.noStore)
    }

    /// Signature, alg, iss, aud, expiry; then the denylist (whatever the mode) and the user's existence.
    private func introspectAccessToken(_ token: String) throws -> IntrospectionResponse {
        guard let claims = try? verifier.verify(token, checkDenylist: true),
            let userID = Int(claims.sub), let user = try store.user(id: userID)
        else { return .inactive }
        return IntrospectionResponse(
            active: true, tokenType: "access_token", sub: claims.sub, username: user.username, scope: claims.scope,
            role: claims.role, iss: claims.iss, aud: claims.aud, exp: claims.exp, iat: claims.iat, nbf: claims.nbf, jti: claims.jti)
    }

    /// A refresh token is active while its row says so, it has not expired, and its user exists.
    private func introspectRefreshToken(_ token: String) throws -> IntrospectionResponse {
        guard let record = try store.refreshTokens.find(hash: TokenIssuer.hash(token)), record.state == .active,
            record.expiresAt > verifier.clock(), let user = try store.user(id: record.userID)
        else { return .inactive }
        return IntrospectionResponse(
            active: true, tokenType: "refresh_token", sub: String(user.id), username: user.username, scope: nil, role: nil,
            iss: TokenPolicy.issuer, aud: nil, exp: record.expiresAt, iat: record.issuedAt, nbf: nil, jti: nil)
    }
}

/// The introspection request: `token` as a form field (RFC 7662 §2.1) or in a JSON body.
enum IntrospectionRequest {
    struct JSONBody: Decodable { let token: String }

    static func token(from request: HTTPRequest) throws -> String {
        let contentType = request.headers["Content-Type"] ?? ""
        if contentType.lowercased().hasPrefix("application/x-www-form-urlencoded") {
            guard let token = FormURLEncoded.fields(request.body)["token"], !token.isEmpty else {
                throw HTTPError.invalidRequest("The form needs a 'token' field.")
            }
            return token
        }
        let body: JSONBody = try request.decodeJSON()
        return body.token
    }
}

/// RFC 7662 §2.2: `{"active":false}` alone, or `active` with the token's claims.
struct IntrospectionResponse: Encodable {
    var active: Bool
    var tokenType: String?
    var sub: String?
    var username: String?
    var scope: String?
    var role: String?
    var iss: String?
    var aud: [String]?
    var exp: Date?
    var iat: Date?
    var nbf: Date?
    var jti: String?

    static let inactive = IntrospectionResponse(active: false)

    init(
        active: Bool, tokenType: String? = nil, sub: String? = nil, username: String? = nil, scope: String? = nil,
        role: String? = nil, iss: String? = nil, aud: [String]? = nil, exp: Date? = nil, iat: Date? = nil, nbf: Date? = nil,
        jti: String? = nil
    ) {
        (self.active, self.tokenType, self.sub, self.username, self.scope, self.role) = (active, tokenType, sub, username, scope, role)
        (self.iss, self.aud, self.exp, self.iat, self.nbf, self.jti) = (iss, aud, exp, iat, nbf, jti)
    }

    enum CodingKeys: String, CodingKey { case active, tokenType, sub, username, scope, role, iss, aud, exp, iat, nbf, jti }

    /// Times as NumericDate seconds, as in the token itself (RFC 7662 §2.2); absent members omitted.
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(active, forKey: .active)
        try c.encodeIfPresent(tokenType, forKey: .tokenType)
        try c.encodeIfPresent(sub, forKey: .sub)
        try c.encodeIfPresent(username, forKey: .username)
        try c.encodeIfPresent(scope, forKey: .scope)
        try c.encodeIfPresent(role, forKey: .role)
        try c.encodeIfPresent(iss, forKey: .iss)
        try c.encodeIfPresent(aud, forKey: .aud)
        try c.encodeIfPresent(exp.map { Int($0.timeIntervalSince1970) }, forKey: .exp)
        try c.encodeIfPresent(iat.map { Int($0.timeIntervalSince1970) }, forKey: .iat)
        try c.encodeIfPresent(nbf.map { Int($0.timeIntervalSince1970) }, forKey: .nbf)
        try c.encodeIfPresent(jti, forKey: .jti)
    }
}
