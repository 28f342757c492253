import Foundation
import Testing

@testable import JWT

/// Published test vectors, checked at the JWS layer (not our app's claims rules).
struct RFCVectorTests {
    @Test func rfc7515AppendixA1HS256Verifies() throws {
        let fixture = try TestSupport.fixtureJSON("rfc7515-a1.json")
        let token = try #require(fixture["token"] as? String)
        let jwk = try #require(fixture["jwk"] as? [String: String])
        let k = try #require(jwk["k"])
        let secret = try #require(Base64URL.decode(k))
        let key = try JWTKey(algorithm: .hs256, material: secret)

        let jws = try JWS.parse(token)
        let signingInput = try #require(fixture["signingInput"] as? String)
        #expect(jws.signingInput == Array(signingInput.utf8))
        #expect(String(decoding: jws.payloadBytes, as: UTF8.self) == fixture["payload"] as? String)
        #expect(try jws.header() == JWTHeader(alg: "HS256", typ: "JWT", kid: nil))
        try jws.verifySignature(with: key)
        // Our signer reproduces the RFC's MAC exactly (HMAC is deterministic).
        #expect(try key.sign(jws.signingInput) == jws.signature)
    }

    @Test func rfc7515AppendixA1FailsWithAnyOtherSecret() throws {
        let fixture = try TestSupport.fixtureJSON("rfc7515-a1.json")
        let token = try #require(fixture["token"] as? String)
        #expect(throws: JWTError(.badSignature, "token signature is invalid")) {
            try JWS.parse(token).verifySignature(with: TestSupport.hs256Key)
        }
    }

    @Test func rfc7515AppendixA3ES256VerifiesWithThePublicJWK() throws {
        let fixture = try TestSupport.fixtureJSON("rfc7515-a3.json")
        let token = try #require(fixture["token"] as? String)
        var jwk = try #require(fixture["jwk"] as? [String: String])
        jwk["d"] = nil
        let key = try JWTKey(publicJWK: jwk)
        #expect(!key.canSign)
        let jws = try JWS.parse(token)
        #expect(jws.signature.count == 64)
        try jws.verifySignature(with: key)
    }

    @Test(arguments: ["rfc7515-a3-pkcs8.pem", "rfc7515-a3-sec1.pem"])
    func rfc7515AppendixA3PrivateKeyLoadsFromPEMAndVerifies(_ file: String) throws {
        let fixture = try TestSupport.fixtureJSON("rfc7515-a3.json")
        let jwk = try #require(fixture["jwk"] as? [String: String])
        let key = try JWTKey(algorithm: .es256, material: try TestSupport.fixtureBytes(file))
        #expect(key.canSign)
        #expect(key.publicJWK?["x"] == jwk["x"] && key.publicJWK?["y"] == jwk["y"])
        let token = try #require(fixture["token"] as? String)
        try JWS.parse(token).verifySignature(with: key)
        // Persisted form is always PKCS#8, whichever form was read.
        #expect(String(decoding: key.material, as: UTF8.self).hasPrefix("-----BEGIN PRIVATE KEY-----"))
        #expect(try JWTKey(algorithm: .es256, material: key.material).kid == key.kid)
    }

    @Test func rfc7638Section3_1ThumbprintMatchesThePublishedValue() throws {
        let fixture = try TestSupport.fixtureJSON("rfc7638-3.1.json")
        let jwk = try #require(fixture["jwk"] as? [String: String])
        let required = try #require(fixture["requiredMembers"] as? [String])
        let members = Dictionary(uniqueKeysWithValues: try required.map { ($0, try #require(jwk[$0])) })
        #expect(JWKThumbprint.compute(requiredMembers: members) == fixture["thumbprint"] as? String)
        #expect(JWKThumbprint.canonicalJSON(["kty": "RSA", "n": "x", "e": "AQAB"]) == "{\"e\":\"AQAB\",\"kty\":\"RSA\",\"n\":\"x\"}")
    }

    @Test func es256KidIsTheThumbprintOfCrvKtyXY() throws {
        let jwk = try #require(TestSupport.es256Key.publicJWK)
        let expected = JWKThumbprint.compute(requiredMembers: ["crv": "P-256", "kty": "EC", "x": jwk["x"]!, "y": jwk["y"]!])
        #expect(TestSupport.es256Key.kid == expected && jwk["kid"] == expected)
    }

    @Test func sha256AndConstantTimeHelpersGiveKnownAnswers() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2]))
    }
}
