import AppTestSupport
import Foundation
import Testing

/// Independent verification: Python's PyJWT, given only our published JWKS,
/// accepts our tokens and rejects a tampered one. Skipped where PyJWT is missing.
@Suite(.enabled(if: PyJWT.isAvailable, "python3 with PyJWT and cryptography is not installed: `pip install pyjwt cryptography`"))
struct PyJWTInteropTests {
    @Test func pyJWTVerifiesOurES256TokenWithOnlyTheJWKS() throws {
        // A real-time clock: PyJWT checks exp, nbf and iat against its own time.
        let t = try TestApp(clock: ManualClock(Date()))
        let access = t.tokenLogin().access
        let jwks = t.call("GET", "/.well-known/jwks.json").text
        let result = try PyJWT.run(PyJWT.verifyES256, arguments: [jwks, access])
        #expect(result.status == 0, "\(result.output)")
        let claims = (try? JSONSerialization.jsonObject(with: Data(result.output.utf8))) as? [String: Any] ?? [:]
        #expect(claims["sub"] as? String == "42")
        #expect(claims["iss"] as? String == "sessions-vs-tokens")
        #expect(claims["scope"] as? String == "read:books read:orders write:cart write:orders")
    }

    @Test func pyJWTRejectsATamperedToken() throws {
        let t = try TestApp(clock: ManualClock(Date()))
        let parts = Forge.parts(t.tokenLogin().access)
        var claims = Forge.object(parts[1])
        claims["sub"] = "1"
        let tampered = parts[0] + "." + Forge.encode(Forge.json(claims)) + "." + parts[2]
        let result = try PyJWT.run(PyJWT.verifyES256, arguments: [t.call("GET", "/.well-known/jwks.json").text, tampered])
        #expect(result.status != 0)
        #expect(result.output.contains("InvalidSignatureError"))
    }

    @Test func pyJWTVerifiesOurHS256TokenWithTheSecretFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("svt-py-\(UUID().uuidString)")
        let keyPath = directory.appendingPathComponent("hs256.key").path
        let t = try TestApp(clock: ManualClock(Date()), directory: directory) {
            $0.jwtAlgorithm = "HS256"
            $0.signingKeyPath = keyPath
        }
        let access = t.tokenLogin().access
        let secret = try String(contentsOfFile: keyPath, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let result = try PyJWT.run(PyJWT.verifyHS256, arguments: [secret, access])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains(#""sub": "42""#))
    }
}

/// Runs small PyJWT scripts through `python3`.
enum PyJWT {
    /// argv: JWKS JSON, token. Picks the JWK by the token's kid; prints the verified claims.
    static let verifyES256 = """
        import sys, json, jwt
        jwks, token = json.loads(sys.argv[1]), sys.argv[2]
        kid = jwt.get_unverified_header(token)["kid"]
        key = jwt.PyJWK(next(k for k in jwks["keys"] if k["kid"] == kid)).key
        claims = jwt.decode(token, key, algorithms=["ES256"], audience="bookstore", issuer="sessions-vs-tokens",
                            options={"require": ["exp", "iat", "nbf", "sub", "jti", "iss", "aud"]})
        print(json.dumps(claims, sort_keys=True))
        """

    /// argv: the HMAC secret, token.
    static let verifyHS256 = """
        import sys, json, jwt
        claims = jwt.decode(sys.argv[2], sys.argv[1], algorithms=["HS256"], audience="bookstore", issuer="sessions-vs-tokens")
        print(json.dumps(claims, sort_keys=True))
        """

    static let isAvailable: Bool = (try? run("import jwt, cryptography", arguments: []).status) == 0

    /// Exit status and combined stdout + stderr of `python3 -c script arguments…`.
    static func run(_ script: String, arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
