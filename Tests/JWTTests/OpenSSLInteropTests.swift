import Foundation
import Testing

@testable import JWT

/// An implementation we did not write agrees with our ES256 signatures.
struct OpenSSLInteropTests {
    static let opensslPath = "/usr/bin/openssl"

    /// DER `SEQUENCE { INTEGER r, INTEGER s }` from raw r‖s, written independently of the module.
    static func der(fromRaw raw: [UInt8]) -> [UInt8] {
        func integer(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
            var value = Array(bytes.drop(while: { $0 == 0 }))
            if value.isEmpty || value[0] & 0x80 != 0 { value.insert(0, at: 0) }
            return [0x02, UInt8(value.count)] + value
        }
        let body = integer(raw[0..<32]) + integer(raw[32..<64])
        return [0x30, UInt8(body.count)] + body
    }

    @Test func opensslCommandLineVerifiesOurES256Token() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.opensslPath) else {
            print("skipping: \(Self.opensslPath) is absent")
            return
        }
        let key = TestSupport.es256Key
        let token = try JWTSigner().sign(TestSupport.claims(), with: key)
        let parts = token.split(separator: ".")
        let signingInput = Array("\(parts[0]).\(parts[1])".utf8)
        let raw = try #require(Base64URL.decode(parts[2]))
        #expect(raw.count == 64)

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jwt-interop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let publicPEM = try #require(key.publicKeyPEM)
        try Data(publicPEM.utf8).write(to: dir.appendingPathComponent("pub.pem"))
        try Data(Self.der(fromRaw: raw)).write(to: dir.appendingPathComponent("sig.der"))
        try Data(signingInput).write(to: dir.appendingPathComponent("input.txt"))

        #expect(try runOpenSSL(in: dir, input: "input.txt") == 0)
        // And the same tool refuses it once one byte of the input changes.
        try Data(signingInput.dropLast() + [UInt8(ascii: "A")]).write(to: dir.appendingPathComponent("tampered.txt"))
        #expect(try runOpenSSL(in: dir, input: "tampered.txt") != 0)
    }

    private func runOpenSSL(in dir: URL, input: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.opensslPath)
        process.arguments = ["dgst", "-sha256", "-verify", "pub.pem", "-signature", "sig.der", input]
        process.currentDirectoryURL = dir
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
