import AppTestSupport
import Foundation
import JWT

/// One row of the attack table: a name and how to forge its `Authorization` headers
/// from a running app and two genuine tokens (edgaras's, and reader's for swapping).
struct TokenAttack: Sendable, CustomStringConvertible {
    /// Genuine material an attacker could hold: their own token and someone else's.
    struct Genuine: Sendable {
        let access: String
        let other: String
        var header: String { Forge.parts(access)[0] }
        var payload: String { Forge.parts(access)[1] }
        var signature: String { Forge.parts(access)[2] }
        /// The payload's JSON text exactly as the server signed it.
        var payloadText: String { String(decoding: Base64URL.decode(payload) ?? [], as: UTF8.self) }
        var signatureBytes: [UInt8] { Base64URL.decode(signature) ?? [] }
    }

    let description: String
    let forge: @Sendable (TestApp, Genuine) throws -> [(String, String)]

    init(_ description: String, token: @escaping @Sendable (TestApp, Genuine) throws -> String) {
        self.description = description
        self.forge = { app, genuine in [("Authorization", "Bearer " + (try token(app, genuine)))] }
    }

    init(_ description: String, headers: @escaping @Sendable (TestApp, Genuine) throws -> [(String, String)]) {
        self.description = description
        self.forge = headers
    }

    /// The P-256 group order n: a scalar equal to it is out of range (must be 1..n-1).
    static let p256Order: [UInt8] = [
        0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xBC, 0xE6, 0xFA, 0xAD, 0xA7, 0x17, 0x9E, 0x84, 0xF3, 0xB9, 0xCA, 0xC2, 0xFC, 0x63, 0x25, 0x51,
    ]

    /// A token with the genuine header and payload and the given raw signature bytes.
    static func resigned(_ g: Genuine, _ signature: [UInt8]) -> String { g.header + "." + g.payload + "." + Base64URL.encode(signature) }

    /// The genuine payload with some claims replaced, keeping the genuine signature.
    static func tampered(_ g: Genuine, _ change: (inout [String: Any]) -> Void) -> String {
        var claims = Forge.object(g.payload)
        change(&claims)
        return g.header + "." + Forge.encode(Forge.json(claims)) + "." + g.signature
    }
}
