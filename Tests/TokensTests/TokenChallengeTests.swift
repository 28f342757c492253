import AppTestSupport
import Testing

/// RFC 6750 §3 answers: the status, the JSON error and the `WWW-Authenticate` challenge.
@Suite struct TokenChallengeTests {
    static let bareChallenge = #"Bearer realm="bookstore""#

    @Test(
        "Every protected route without a token is 401 with a bare challenge",
        arguments: [
            ("GET", "/token/me"), ("GET", "/token/cart"), ("POST", "/token/cart/items"), ("DELETE", "/token/cart/items/1"),
            ("POST", "/token/checkout"), ("GET", "/token/orders"), ("GET", "/token/orders/1"), ("POST", "/token/introspect"),
        ])
    func noTokenIs401WithoutAnErrorAttribute(method: String, path: String) throws {
        let reply = try TestApp().call(method, path, json: #"{"book_id":1,"qty":1}"#)
        #expect(reply.status == 401)
        #expect(reply.header("WWW-Authenticate") == Self.bareChallenge)
        #expect(reply.error != nil)
    }

    @Test func aBadTokenIs401InvalidTokenWithTheReasonInTheChallenge() throws {
        let reply = try TestApp().call("GET", "/token/me", headers: [("Authorization", "Bearer not.a.jwt")])
        #expect(reply.status == 401)
        #expect(reply.error == "invalid_token")
        let challenge = try #require(reply.header("WWW-Authenticate"))
        #expect(challenge.hasPrefix(#"Bearer realm="bookstore", error="invalid_token", error_description=""#))
        #expect(challenge.hasSuffix("\""))
        #expect(challenge.count > #"Bearer realm="bookstore", error="invalid_token", error_description="""#.count + 1)
        // The description is a fixed sentence: no token bytes are echoed.
        #expect(!challenge.contains("not.a.jwt"))
    }

    @Test(
        "A token without the route's scope is 403 insufficient_scope naming it",
        arguments: [
            ("POST", "/token/cart/items", "write:cart"), ("GET", "/token/cart", "write:cart"),
            ("DELETE", "/token/cart/items/1", "write:cart"), ("POST", "/token/checkout", "write:orders"),
            ("GET", "/token/orders", "read:orders"), ("GET", "/token/orders/1", "read:orders"),
            ("POST", "/token/introspect", "admin:users"),
        ])
    func missingScopeIs403(method: String, path: String, scope: String) throws {
        let t = try TestApp()
        let reader = t.tokenLogin(Account.reader.username, Account.reader.password).access
        #expect(!reader.isEmpty)
        let reply = t.token(method, path, token: reader, json: #"{"book_id":1,"qty":1}"#)
        #expect(reply.status == 403)
        #expect(reply.error == "insufficient_scope")
        #expect(reply.header("WWW-Authenticate") == #"Bearer realm="bookstore", error="insufficient_scope", scope="\#(scope)""#)
        #expect((t.inspectedDatabase["carts"] as? [Any])?.isEmpty == true)
    }

    @Test func meNeedsOnlyAValidToken() throws {
        let t = try TestApp()
        let reader = t.tokenLogin(Account.reader.username, Account.reader.password).access
        let reply = t.token("GET", "/token/me", token: reader)
        #expect(reply.status == 200)
        #expect((reply.json["claims"] as? [String: Any])?["scope"] as? String == "read:books")
    }

    /// How each `Authorization` shape is answered on `/token/me`: status and error code (nil for 200).
    @Test(
        "Bearer scheme parsing on a real route",
        arguments: [
            ("bearer", "lowercase scheme", 200, nil), ("BEARER", "uppercase scheme", 200, nil),
            ("Bearer ", "two spaces", 200, nil), ("Bearer", "no token", 401, "invalid_token"),
            ("Basic", "another scheme", 401, "bare"), ("Bearer", "space inside the token", 401, "invalid_token"),
            ("Bearer", "two headers", 401, "invalid_token"),
        ] as [(String, String, Int, String?)])
    func bearerEdgeCases(scheme: String, shape: String, status: Int, code: String?) throws {
        let t = try TestApp()
        let access = t.tokenLogin().access
        let headers: [(String, String)]
        switch shape {
        case "no token": headers = [("Authorization", scheme)]
        case "another scheme": headers = [("Authorization", "Basic ZWRnYXJhczpwYXNzcG9ydDQy")]
        case "space inside the token": headers = [("Authorization", "Bearer " + access.prefix(20) + " " + access.dropFirst(20))]
        case "two headers": headers = [("Authorization", "Bearer " + access), ("Authorization", "Bearer " + access)]
        default: headers = [("Authorization", scheme + " " + access)]
        }
        let reply = t.call("GET", "/token/me", headers: headers)
        #expect(reply.status == status, "\(shape)")
        switch code {
        case nil: #expect(reply.error == nil)
        case "bare": #expect(reply.header("WWW-Authenticate") == Self.bareChallenge)
        case let code?:
            #expect(reply.error == code)
            #expect(reply.header("WWW-Authenticate")?.contains(#"error="invalid_token""#) == true)
        }
    }
}
