import Foundation
import Synchronization
import Testing

@testable import JWT

/// Key generation, persistence, key files, rotation and JWKS publication.
struct KeyTests {
    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("jwt-key-\(UUID().uuidString)").path
    }

    static func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test(arguments: JWTAlgorithm.allCases)
    func keyFileIsCreatedWithMode0600AndLoadsTheSameKey(_ algorithm: JWTAlgorithm) throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let created = try SigningKeyFile.loadOrCreate(path: path, algorithm: algorithm)
        #expect(try Self.mode(path) == 0o600)
        let loaded = try SigningKeyFile.loadOrCreate(path: path, algorithm: algorithm)
        #expect(loaded.kid == created.kid && loaded.algorithm == algorithm)
        let data = Array("payload".utf8)
        #expect(loaded.verify(signature: try created.sign(data), data: data))
    }

    @Test func hs256KeyFileTrimsWhitespaceAndRefusesShortSecrets() throws {
        let secret = String(repeating: "s", count: 32)
        let key = try SigningKeyFile.key(fromFile: Array("  \(secret)\r\n".utf8), algorithm: .hs256)
        #expect(key.material == Array(secret.utf8))
        #expect(throws: JWTError.self) { try SigningKeyFile.key(fromFile: Array("  \(secret.dropLast())\n".utf8), algorithm: .hs256) }
        #expect(throws: JWTError.self) { try JWTKey(algorithm: .hs256, material: Array(repeating: 1, count: 31)) }
    }

    @Test func es256KeyFileIsNotReadAsAnHS256Secret() throws {
        #expect(throws: JWTError.self) { try SigningKeyFile.key(fromFile: TestSupport.es256Key.material, algorithm: .hs256) }
        #expect(throws: JWTError.self) { try SigningKeyFile.key(fromFile: TestSupport.hs256Key.material, algorithm: .es256) }
    }

    @Test func generatedHS256SecretIs32RandomBytesAsBase64URLText() throws {
        let key = try JWTKey(generating: .hs256)
        #expect(key.material.count == 43)
        #expect(Base64URL.decode(String(decoding: key.material, as: UTF8.self))?.count == 32)
        #expect(try JWTKey(generating: .hs256).material != key.material)
    }

    @Test func materialRoundTripsForBothAlgorithms() throws {
        for algorithm in JWTAlgorithm.allCases {
            let key = try JWTKey(generating: algorithm)
            let again = try JWTKey(algorithm: algorithm, material: key.material)
            #expect(again.kid == key.kid)
        }
        #expect(String(decoding: TestSupport.es256Key.material, as: UTF8.self).hasPrefix("-----BEGIN PRIVATE KEY-----"))
    }

    @Test(arguments: ["", "not a pem", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"])
    func garbageES256MaterialIsAKeyError(_ text: String) {
        #expect(throws: JWTError.self) { try JWTKey(algorithm: .es256, material: Array(text.utf8)) }
    }

    @Test func ecKeyOnAnotherCurveIsRefused() throws {
        let pem = try TestSupport.fixtureBytes("p384-not-accepted.pem")
        #expect(throws: JWTError(.keyError, "key is not an EC P-256 key")) { try JWTKey(algorithm: .es256, material: pem) }
    }

    @Test func publicOnlyKeyVerifiesButCannotSign() throws {
        let publicKey = try JWTKey(algorithm: .es256, material: Array(try #require(TestSupport.es256Key.publicKeyPEM).utf8))
        #expect(publicKey.kid == TestSupport.es256Key.kid && !publicKey.canSign)
        let data = Array("x".utf8)
        #expect(publicKey.verify(signature: try TestSupport.es256Key.sign(data), data: data))
        #expect(throws: JWTError.self) { try publicKey.sign(data) }
    }

    @Test func jwksPublishesPublicECMembersOnlyAndNothingForHS256() throws {
        let retired = try JWTKey(generating: .es256)
        let set = JWTKeySet(signing: TestSupport.es256Key, verifyOnly: [.init(key: retired, notAfter: TestSupport.now + 60)])
        let json = String(decoding: try JSONEncoder().encode(set.jwks), as: UTF8.self)
        #expect(!json.contains("\"d\""))
        #expect(set.jwks.keys.map(\.kid) == [TestSupport.es256Key.kid, retired.kid])
        #expect(set.jwks.keys.allSatisfy { $0.kty == "EC" && $0.crv == "P-256" && $0.alg == "ES256" && $0.use == "sig" })
        #expect(set.jwks(now: TestSupport.now + 60).keys.map(\.kid) == [TestSupport.es256Key.kid])
        let hsJSON = String(decoding: try JSONEncoder().encode(JWTKeySet(signing: TestSupport.hs256Key).jwks), as: UTF8.self)
        #expect(hsJSON == "{\"keys\":[]}")
        #expect(TestSupport.hs256Key.publicJWK == nil)
    }

    @Test func retiredKeyVerifiesUntilNotAfter() throws {
        let old = try JWTKey(generating: .es256)
        let set = JWTKeySet(signing: TestSupport.es256Key, verifyOnly: [.init(key: old, notAfter: TestSupport.now + 10)])
        let verifier = JWTVerifier(keys: set, algorithm: .es256, issuer: TestSupport.issuer, audience: TestSupport.audience)
        let token = try JWTSigner().sign(TestSupport.claims(), with: old)
        #expect(try verifier.verify(token, now: TestSupport.now).header.kid == old.kid)
        #expect(throws: JWTError(.unknownKey, "token key id is unknown")) { try verifier.verify(token, now: TestSupport.now + 10) }
    }

    @Test func verifierRejectsAKeyOfTheOtherAlgorithmEvenWithAMatchingKid() throws {
        // The HS256 key sits in the set under its kid, but the verifier is configured for ES256.
        let set = JWTKeySet(signing: TestSupport.es256Key, verifyOnly: [.init(key: TestSupport.hs256Key, notAfter: .distantFuture)])
        let verifier = JWTVerifier(keys: set, algorithm: .es256, issuer: TestSupport.issuer, audience: TestSupport.audience)
        let header = "{\"alg\":\"ES256\",\"kid\":\"\(TestSupport.hs256Key.kid)\"}"
        let token = try TestSupport.forge(
            header: header, payload: try TestSupport.json(try TestSupport.claimsObject()), key: TestSupport.hs256Key)
        #expect(throws: JWTError(.unsupportedAlgorithm, "token algorithm is not accepted")) {
            try verifier.verify(token, now: TestSupport.now)
        }
    }

    @Test func oneKeyIsSafelySharedAcrossThreads() throws {
        let token = try JWTSigner().sign(TestSupport.claims(), with: TestSupport.es256Key)
        let verifier = TestSupport.verifier()
        let failures = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 64) { _ in
            let signed = try? JWTSigner().sign(TestSupport.claims(), with: TestSupport.es256Key)
            let ok =
                (try? verifier.verify(token, now: TestSupport.now)) != nil
                && signed.flatMap { try? verifier.verify($0, now: TestSupport.now) } != nil
            if !ok { failures.withLock { $0 += 1 } }
        }
        #expect(failures.withLock { $0 } == 0)
    }
}
