import AppTestSupport
import Foundation
import JWT
import Testing

/// `--jwt-alg HS256`: one shared secret, nothing published, and exactly one algorithm accepted.
@Suite struct HS256Tests {
    static func hs256App(secret: String? = nil) throws -> TestApp {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("svt-hs-\(UUID().uuidString)")
        let keyPath = directory.appendingPathComponent("hs256.key").path
        if let secret {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try secret.write(toFile: keyPath, atomically: false, encoding: .utf8)
        }
        return try TestApp(directory: directory) {
            $0.jwtAlgorithm = "HS256"
            $0.signingKeyPath = keyPath
        }
    }

    @Test func hs256WorksEndToEndAndPublishesNoKeys() throws {
        let t = try Self.hs256App()
        let keyPath = t.directory.appendingPathComponent("hs256.key").path
        let attributes = try FileManager.default.attributesOfItem(atPath: keyPath)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let pair = t.tokenLogin()
        let header = Forge.object(Forge.parts(pair.access)[0])
        #expect(header["alg"] as? String == "HS256")
        #expect(header["kid"] as? String == t.signingKey.kid)
        #expect(t.token("GET", "/token/me", token: pair.access).status == 200)
        #expect(t.token("POST", "/token/cart/items", token: pair.access, json: #"{"book_id":1,"qty":1}"#).status == 200)
        #expect(t.call("POST", "/token/refresh", json: #"{"refresh_token":"\#(pair.refresh)"}"#).status == 200)
        let jwks = t.call("GET", "/.well-known/jwks.json")
        #expect(jwks.status == 200)
        #expect(jwks.text == #"{"keys":[]}"#)
    }

    @Test func theSecretFileIsTrimmedAndUsedAsTheHMACKey() throws {
        let secret = "correct-horse-battery-staple-0123456789"
        let t = try Self.hs256App(secret: "  \(secret)\n\n")
        let access = t.tokenLogin().access
        let parts = Forge.parts(access)
        let mac = try JWTKey(algorithm: .hs256, material: Array(secret.utf8)).sign(Array((parts[0] + "." + parts[1]).utf8))
        #expect(Base64URL.encode(mac) == parts[2])
    }

    @Test func aSecretShorterThan32BytesIsRefusedAtStartup() throws {
        #expect(throws: (any Error).self) { try Self.hs256App(secret: "too-short\n") }
    }

    @Test func anES256TokenIsRefusedByAnHS256ServerAndViceVersa() throws {
        let hs = try Self.hs256App()
        let es = try TestApp()
        let esToken = es.tokenLogin().access
        let hsToken = hs.tokenLogin().access
        let refused = hs.token("GET", "/token/me", token: esToken)
        #expect(refused.status == 401)
        #expect(refused.error == "invalid_token")
        #expect(es.token("GET", "/token/me", token: hsToken).status == 401)
        // Even an ES256 token carrying the HS256 server's kid.
        let claims = Forge.object(Forge.parts(esToken)[1])
        let forged = try Forge.sign(
            header: Forge.header(alg: "ES256", kid: hs.signingKey.kid), payload: Forge.json(claims), with: es.signingKey)
        #expect(hs.token("GET", "/token/me", token: forged).status == 401)
    }

    @Test func algNoneIsRefusedByAnHS256ServerToo() throws {
        let t = try Self.hs256App()
        let parts = Forge.parts(t.tokenLogin().access)
        let none = Forge.encode(#"{"alg":"none","typ":"JWT"}"#) + "." + parts[1] + "."
        #expect(t.token("GET", "/token/me", token: none).status == 401)
        let swappedAlg = Forge.encode(Forge.header(alg: "ES256", kid: t.signingKey.kid)) + "." + parts[1] + "." + parts[2]
        #expect(t.token("GET", "/token/me", token: swappedAlg).status == 401)
    }
}
