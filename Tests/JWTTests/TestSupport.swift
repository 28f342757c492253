import Foundation
import Testing

@testable import JWT

/// Shared fixtures: RFC vectors from `Fixtures/`, a fixed clock, and a token forger.
enum TestSupport {
    /// Fixed "now" for every claims test; no test reads the real clock.
    static let now = Date(timeIntervalSince1970: 1_700_000_000)
    static let issuer = "https://bookstore.example"
    static let audience = "bookstore-api"

    static let fixturesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func fixtureBytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: fixturesDirectory.appendingPathComponent(name)))
    }

    /// A fixture JSON file as a dictionary (values are strings or nested objects).
    static func fixtureJSON(_ name: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(fixtureBytes(name)))
        return try #require(object as? [String: Any])
    }

    /// Valid claims for our app at `now`, lifetime 300 s.
    static func claims(iat: Date = now, nbf: Date = now, exp: Date = now + 300, aud: [String] = [audience]) -> JWTClaims {
        JWTClaims(
            iss: issuer, aud: aud, sub: "42", iat: iat, nbf: nbf, exp: exp,
            jti: "7f1c2b9e-jti", role: "customer", scope: "read:books write:cart")
    }

    /// The same claims as a JSON object, for building hostile payloads by hand.
    static func claimsObject(_ claims: JWTClaims = claims()) throws -> [String: Any] {
        let data = try JSONEncoder().encode(claims)
        let object = try JSONSerialization.jsonObject(with: data)
        return try #require(object as? [String: Any])
    }

    static func json(_ object: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    /// Builds `b64(header).b64(payload).b64(sig)`, signing with `key` unless a signature is given.
    static func forge(header: String, payload: String, key: JWTKey?, signature: [UInt8]? = nil) throws -> String {
        let input = Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(payload.utf8))
        let sig = try signature ?? key.map { try $0.sign(Array(input.utf8)) } ?? []
        return input + "." + Base64URL.encode(sig)
    }

    /// One ES256 key for the whole test run: generating is cheap, but sharing shows reuse is safe.
    static let es256Key: JWTKey = try! JWTKey(generating: .es256)
    static let hs256Key: JWTKey = try! JWTKey(generating: .hs256)

    static func verifier(_ key: JWTKey = es256Key, algorithm: JWTAlgorithm = .es256, leewaySeconds: Int = 30) -> JWTVerifier {
        JWTVerifier(keys: JWTKeySet(signing: key), algorithm: algorithm, issuer: issuer, audience: audience, leewaySeconds: leewaySeconds)
    }
}
