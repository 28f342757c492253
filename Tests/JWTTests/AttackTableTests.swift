import Foundation
import Testing

@testable import JWT

/// Hostile tokens, one row each: every row must end in a `JWTError`, never success, never a crash.
struct AttackTableTests {
    /// One hostile input and the error code it must produce.
    struct Attack: Sendable, CustomTestStringConvertible {
        let name: String
        let expected: JWTError.Code
        let verifierAlgorithm: JWTAlgorithm
        let make: @Sendable () throws -> String
        var testDescription: String { name }

        init(_ name: String, _ expected: JWTError.Code, verifier: JWTAlgorithm = .es256, _ make: @escaping @Sendable () throws -> String) {
            self.name = name
            self.expected = expected
            self.verifierAlgorithm = verifier
            self.make = make
        }
    }

    typealias T = TestSupport
    static let es = T.es256Key
    static let kid = T.es256Key.kid
    static let attacker: JWTKey = try! JWTKey(generating: .es256)

    static func header(alg: String = "ES256", kid: String? = Self.kid, extra: String = "") -> String {
        let kidPart = kid.map { ",\"kid\":\(JWKThumbprint.jsonString($0))" } ?? ""
        return "{\"alg\":\"\(alg)\",\"typ\":\"JWT\"\(kidPart)\(extra)}"
    }

    static func payload(_ claims: JWTClaims = T.claims()) throws -> String { try T.json(try T.claimsObject(claims)) }

    static func good() throws -> String { try JWTSigner().sign(T.claims(), with: es) }

    /// Replaces the signature part of a good token.
    static func withSignature(_ signature: [UInt8]) throws -> String {
        let parts = try good().split(separator: ".")
        return "\(parts[0]).\(parts[1]).\(Base64URL.encode(signature))"
    }

    /// A good token's raw r‖s signature with r or s replaced.
    static func withScalars(r: [UInt8]? = nil, s: [UInt8]? = nil) throws -> String {
        let raw = try #require(Base64URL.decode(try good().split(separator: ".")[2]))
        return try withSignature((r ?? Array(raw[0..<32])) + (s ?? Array(raw[32..<64])))
    }

    static func missing(_ claim: String) throws -> String {
        var object = try T.claimsObject()
        object[claim] = nil
        return try T.forge(header: header(), payload: try T.json(object), key: es)
    }

    static let attacks: [Attack] =
        ["none", "None", "NONE", "nOnE"].flatMap { alg in
            [
                Attack("alg \(alg), empty signature", .unsupportedAlgorithm) {
                    try T.forge(header: header(alg: alg), payload: try payload(), key: nil)
                },
                Attack("alg \(alg), non-empty signature", .unsupportedAlgorithm) {
                    try T.forge(header: header(alg: alg), payload: try payload(), key: nil, signature: Array(repeating: 7, count: 64))
                },
            ]
        } + [
            Attack("alg confusion: HS256 keyed with our ES256 public PEM", .unsupportedAlgorithm) {
                let hmac = try JWTKey(algorithm: .hs256, material: Array(try #require(es.publicKeyPEM).utf8))
                return try T.forge(header: header(alg: "HS256"), payload: try payload(), key: hmac)
            },
            Attack("alg confusion: HS256 keyed with our ES256 x‖y bytes", .unsupportedAlgorithm) {
                let jwk = try #require(es.publicJWK)
                let xy = try #require(Base64URL.decode(jwk["x"]!)) + (try #require(Base64URL.decode(jwk["y"]!)))
                return try T.forge(header: header(alg: "HS256"), payload: try payload(), key: try JWTKey(algorithm: .hs256, material: xy))
            },
            Attack("HS256 verifier given an ES256 token", .unsupportedAlgorithm, verifier: .hs256) { try good() },
            Attack("other alg RS256", .unsupportedAlgorithm) { try T.forge(header: header(alg: "RS256"), payload: try payload(), key: es) },
            Attack("alg es256 lowercase", .unsupportedAlgorithm) {
                try T.forge(header: header(alg: "es256"), payload: try payload(), key: es)
            },
            Attack("stripped signature", .badSignature) { try withSignature([]) },
            Attack("stripped signature and dot", .malformed) { String(try good().split(separator: ".").prefix(2).joined(separator: ".")) },
            Attack("swapped signature from another token", .badSignature) {
                var other = T.claims()
                other.sub = "1"
                let signature = try JWTSigner().sign(other, with: es).split(separator: ".")[2]
                let parts = try good().split(separator: ".")
                return "\(parts[0]).\(parts[1]).\(signature)"
            },
            Attack("truncated signature", .badSignature) {
                try withSignature(Array(try #require(Base64URL.decode(try good().split(separator: ".")[2])).prefix(63)))
            },
            Attack("tampered payload", .badSignature) {
                var parts = try good().split(separator: ".").map(String.init)
                var claims = T.claims()
                claims.role = "admin"
                parts[1] = Base64URL.encode(Array(try payload(claims).utf8))
                return parts.joined(separator: ".")
            },
            Attack("expired beyond leeway", .expired) {
                try JWTSigner().sign(T.claims(iat: T.now - 400, nbf: T.now - 400, exp: T.now - 31), with: es)
            },
            Attack("nbf beyond leeway", .notYetValid) { try JWTSigner().sign(T.claims(nbf: T.now + 31), with: es) },
            Attack("iat in the future beyond leeway", .issuedInFuture) { try JWTSigner().sign(T.claims(iat: T.now + 31), with: es) },
            Attack("wrong iss", .wrongIssuer) {
                var claims = T.claims()
                claims.iss = "https://evil.example"
                return try JWTSigner().sign(claims, with: es)
            },
            Attack("wrong aud string", .wrongAudience) { try JWTSigner().sign(T.claims(aud: ["other-api"]), with: es) },
            Attack("wrong aud array", .wrongAudience) { try JWTSigner().sign(T.claims(aud: ["other-api", "bookstore-api-x"]), with: es) },
            Attack("empty aud array", .wrongAudience) { try JWTSigner().sign(T.claims(aud: []), with: es) },
            Attack("unknown kid", .unknownKey) { try T.forge(header: header(kid: attacker.kid), payload: try payload(), key: attacker) },
            Attack("missing kid", .unknownKey) { try T.forge(header: header(kid: nil), payload: try payload(), key: es) },
            Attack("kid path traversal", .unknownKey) {
                try T.forge(header: header(kid: "../../etc/passwd"), payload: try payload(), key: es)
            },
            Attack("kid SQL text", .unknownKey) { try T.forge(header: header(kid: "x' OR '1'='1"), payload: try payload(), key: es) },
            Attack("kid not a string", .malformed) {
                try T.forge(header: "{\"alg\":\"ES256\",\"kid\":7}", payload: try payload(), key: es)
            },
            Attack("embedded jwk of the attacker", .badSignature) {
                let jwk = try T.json(try #require(attacker.publicJWK))
                return try T.forge(header: header(extra: ",\"jwk\":\(jwk)"), payload: try payload(), key: attacker)
            },
            Attack("jku and x5u pointing at the attacker", .badSignature) {
                let extra = ",\"jku\":\"https://evil.example/jwks.json\",\"x5u\":\"https://evil.example/cert.pem\",\"x5c\":[\"MIIB\"]"
                return try T.forge(header: header(extra: extra), payload: try payload(), key: attacker)
            },
            Attack("crit header", .criticalHeader) {
                try T.forge(header: header(extra: ",\"crit\":[\"exp\"],\"exp\":1"), payload: try payload(), key: es)
            },
            Attack("typ not JWT", .badType) {
                try T.forge(header: "{\"alg\":\"ES256\",\"typ\":\"JOSE+JSON\",\"kid\":\"\(kid)\"}", payload: try payload(), key: es)
            },
            Attack("DER-encoded ES256 signature", .badSignature) {
                let raw = try #require(Base64URL.decode(try good().split(separator: ".")[2]))
                return try withSignature(OpenSSLInteropTests.der(fromRaw: raw))
            },
            Attack("r = 0", .badSignature) { try withScalars(r: Array(repeating: 0, count: 32)) },
            Attack("s = 0", .badSignature) { try withScalars(s: Array(repeating: 0, count: 32)) },
            Attack("r = n", .badSignature) { try withScalars(r: ECDSASignature.p256Order) },
            Attack("s = n", .badSignature) { try withScalars(s: ECDSASignature.p256Order) },
            Attack("r = s = 0xFF…", .badSignature) {
                try withScalars(r: Array(repeating: 0xFF, count: 32), s: Array(repeating: 0xFF, count: 32))
            },
            Attack("100 KB token", .tooLarge) { try good() + String(repeating: "A", count: 100_000) },
            Attack("8 KiB + 1 token", .tooLarge) { String(repeating: "A", count: JWS.maxTokenBytes + 1) },
            Attack("'+' in signature", .malformed) {
                try good().replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "+") + "+"
            },
            Attack("'/' in payload", .malformed) { try good().replacingOccurrences(of: ".ey", with: ".e/") },
            Attack("'=' padding", .malformed) { try good() + "=" },
            Attack("space inside", .malformed) { try good().replacingOccurrences(of: ".", with: " .") },
            Attack("5-part JWE shape", .malformed) { "eyJhbGciOiJSU0EtT0FFUCJ9.abc.def.ghi.jkl" },
            Attack("4 parts", .malformed) { try good() + ".x" },
            Attack("empty string", .malformed) { "" },
            Attack("duplicate header alg", .malformed) {
                try T.forge(header: "{\"alg\":\"none\",\"alg\":\"ES256\",\"kid\":\"\(kid)\"}", payload: try payload(), key: es)
            },
            Attack("duplicate payload sub", .malformed) {
                let body = try payload()
                return try T.forge(header: header(), payload: String(body.dropLast()) + ",\"sub\":\"1\"}", key: es)
            },
            Attack("header is an array", .malformed) { try T.forge(header: "[\"ES256\"]", payload: try payload(), key: es) },
            Attack("header is a string", .malformed) { try T.forge(header: "\"ES256\"", payload: try payload(), key: es) },
            Attack("payload is an array", .malformed) { try T.forge(header: header(), payload: "[1,2]", key: es) },
            Attack("payload is not JSON", .malformed) { try T.forge(header: header(), payload: "hello", key: es) },
            Attack("exp is a string", .malformed) {
                var object = try T.claimsObject()
                object["exp"] = "tomorrow"
                return try T.forge(header: header(), payload: try T.json(object), key: es)
            },
        ]
        + JWTClaims.CodingKeys.allCases.map { claim in
            Attack("missing \(claim.rawValue)", .missingClaim) { try missing(claim.rawValue) }
        }

    @Test(arguments: attacks)
    func hostileTokenIsRejected(_ attack: Attack) throws {
        let token = try attack.make()
        let verifier =
            attack.verifierAlgorithm == .es256
            ? T.verifier()
            : JWTVerifier(
                keys: JWTKeySet(signing: T.hs256Key), algorithm: .hs256, issuer: T.issuer, audience: T.audience)
        #expect(throws: JWTError.self) { try verifier.verify(token, now: T.now) }
        do {
            _ = try verifier.verify(token, now: T.now)
        } catch {
            #expect(error.code == attack.expected)
            // The description is ours: it never echoes the token.
            #expect(!error.description.contains(token.prefix(20)))
        }
    }

    @Test func theUntamperedControlTokenVerifies() throws {
        let verified = try T.verifier().verify(try Self.good(), now: T.now)
        #expect(verified.claims == T.claims())
        #expect(verified.header == JWTHeader(alg: "ES256", typ: "JWT", kid: Self.kid))
    }
}
