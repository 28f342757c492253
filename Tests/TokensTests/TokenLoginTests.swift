import AppTestSupport
import Foundation
import JWT
import Testing
import Tokens

/// `POST /token/login`: the response shape and what the access token carries.
@Suite struct TokenLoginTests {
    @Test func loginAnswersABearerPairThatMustNotBeCached() throws {
        let t = try TestApp()
        let reply = t.tokenLoginReply()
        #expect(reply.status == 200)
        #expect(reply.json["token_type"] as? String == "Bearer")
        #expect(reply.json["expires_in"] as? Int == 300)
        #expect(reply.json["scope"] as? String == "read:books read:orders write:cart write:orders")
        #expect((reply.json["access_token"] as? String)?.split(separator: ".").count == 3)
        #expect((reply.json["refresh_token"] as? String ?? "").count >= 43)
        #expect(Set(reply.json.keys) == ["access_token", "token_type", "expires_in", "refresh_token", "scope"])
        #expect(reply.header("Cache-Control") == "no-store")
        #expect(reply.header("Content-Type")?.hasPrefix("application/json") == true)
    }

    @Test(
        "Wrong credentials are 401 invalid_credentials",
        arguments: [
            #"{"username":"edgaras","password":"wrong"}"#, #"{"username":"nobody","password":"passport42"}"#,
            #"{"username":"","password":""}"#, #"{"username":"EDGARAS","password":"passport42"}"#,
        ])
    func badCredentialsAre401(body: String) throws {
        let reply = try TestApp().call("POST", "/token/login", json: body)
        #expect(reply.status == 401)
        #expect(reply.error == "invalid_credentials")
        #expect(reply.json["access_token"] == nil)
    }

    @Test(
        "Malformed login bodies are 400 invalid_request",
        arguments: ["{", "", "[]", "null", #"{"username":1,"password":"x"}"#, #"{"username":"edgaras"}"#])
    func badJSONIs400(body: String) throws {
        let reply = try TestApp().call("POST", "/token/login", json: body)
        #expect(reply.status == 400)
        #expect(reply.error == "invalid_request")
    }

    @Test func theHeaderIsES256WithTheRFC7638ThumbprintOfThePublishedKey() throws {
        let t = try TestApp()
        let access = t.tokenLogin().access
        let headerJSON = String(decoding: Base64URL.decode(Forge.parts(access)[0]) ?? [], as: UTF8.self)
        let header = Forge.object(Forge.parts(access)[0])
        #expect(Set(header.keys) == ["alg", "typ", "kid"], "header was \(headerJSON)")
        #expect(header["alg"] as? String == "ES256")
        #expect(header["typ"] as? String == "JWT")
        let keys = try #require(t.call("GET", "/.well-known/jwks.json").json["keys"] as? [[String: Any]])
        #expect(keys.count == 1)
        let jwk = try #require(keys.first)
        let x = try #require(jwk["x"] as? String), y = try #require(jwk["y"] as? String)
        let thumbprint = JWKThumbprint.compute(requiredMembers: ["crv": "P-256", "kty": "EC", "x": x, "y": y])
        #expect(header["kid"] as? String == thumbprint)
        #expect(jwk["kid"] as? String == thumbprint)
        #expect(jwk["alg"] as? String == "ES256")
        #expect(jwk["use"] as? String == "sig")
        #expect(jwk["d"] == nil)
    }

    @Test func theClaimsNameTheUserTheirScopesAndAFiveMinuteLifetime() throws {
        let t = try TestApp()
        let claims = Forge.object(Forge.parts(t.tokenLogin().access)[1])
        let now = Int(t.clock.now.timeIntervalSince1970)
        #expect(claims["iss"] as? String == "sessions-vs-tokens")
        let audience = claims["aud"] as? String ?? (claims["aud"] as? [String])?.first
        #expect(audience == "bookstore")
        #expect(claims["sub"] as? String == "42")
        #expect(claims["role"] as? String == "USER")
        #expect(claims["scope"] as? String == "read:books read:orders write:cart write:orders")
        #expect(claims["iat"] as? Int == now)
        #expect(claims["nbf"] as? Int == now)
        #expect(claims["exp"] as? Int == now + 300)
        #expect((claims["jti"] as? String ?? "").count >= 22)
        #expect(Set(claims.keys) == ["iss", "aud", "sub", "role", "scope", "iat", "nbf", "exp", "jti"])
    }

    @Test func theAdminTokenCarriesTheAdminRoleAndScope() throws {
        let t = try TestApp()
        let claims = Forge.object(Forge.parts(t.tokenLogin(Account.admin.username, Account.admin.password).access)[1])
        #expect(claims["sub"] as? String == "1")
        #expect(claims["role"] as? String == "ADMIN")
        #expect((claims["scope"] as? String)?.split(separator: " ").contains("admin:users") == true)
    }

    @Test func everyTokenHasItsOwnJTI() throws {
        let t = try TestApp()
        let jtis = (0..<6).map { _ in Forge.object(Forge.parts(t.tokenLogin().access)[1])["jti"] as? String ?? "" }
        #expect(Set(jtis).count == jtis.count)
        #expect(!jtis.contains(""))
    }

    @Test func theAccessLifetimeFollowsTheConfiguration() throws {
        let t = try TestApp { $0.accessTTLSeconds = 60 }
        let reply = t.tokenLoginReply()
        #expect(reply.json["expires_in"] as? Int == 60)
        let claims = Forge.object(Forge.parts(reply.json["access_token"] as? String ?? "")[1])
        #expect((claims["exp"] as? Int ?? 0) - (claims["iat"] as? Int ?? 0) == 60)
    }
}
