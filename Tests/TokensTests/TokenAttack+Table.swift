import AppTestSupport
import Foundation
import JWT
import Testing

extension TokenAttack {
    /// The whole table: every way a token can be forged, bent or malformed.
    static let all: [TokenAttack] = algorithmAttacks + signatureAttacks + claimAttacks + keyAttacks + shapeAttacks

    static let algorithmAttacks: [TokenAttack] =
        ["none", "None", "NONE", "nOnE"].map { alg in
            TokenAttack("alg \(alg), real claims, empty signature") { _, g in
                Forge.encode(#"{"alg":"\#(alg)","typ":"JWT"}"#) + "." + g.payload + "."
            }
        } + [
            TokenAttack("alg none with the real kid and the real signature") { app, g in
                Forge.encode(#"{"alg":"none","typ":"JWT","kid":"\#(app.signingKey.kid)"}"#) + "." + g.payload + "." + g.signature
            },
            TokenAttack("alg HS256 keyed with the ES256 public key PEM") { app, g in
                let pem = try #require(app.signingKey.publicKeyPEM)
                let hmac = try JWTKey(algorithm: .hs256, material: Array(pem.utf8))
                return try Forge.sign(header: Forge.header(alg: "HS256", kid: app.signingKey.kid), payload: g.payloadText, with: hmac)
            },
            TokenAttack("alg HS256 keyed with the JWKS document") { app, g in
                let jwks = app.call("GET", "/.well-known/jwks.json").response.body
                let hmac = try JWTKey(algorithm: .hs256, material: jwks)
                return try Forge.sign(header: Forge.header(alg: "HS256", kid: app.signingKey.kid), payload: g.payloadText, with: hmac)
            },
            TokenAttack("alg RS256 over the genuine signature") { app, g in
                Forge.encode(Forge.header(alg: "RS256", kid: app.signingKey.kid)) + "." + g.payload + "." + g.signature
            },
        ]

    static let signatureAttacks: [TokenAttack] = [
        TokenAttack("signature stripped, trailing dot kept") { _, g in g.header + "." + g.payload + "." },
        TokenAttack("signature part missing") { _, g in g.header + "." + g.payload },
        TokenAttack("signature swapped from another user's token") { _, g in g.header + "." + g.payload + "." + Forge.parts(g.other)[2] },
        TokenAttack("signature truncated") { _, g in g.header + "." + g.payload + "." + g.signature.dropLast(4) },
        TokenAttack("signature as ASN.1 DER") { _, g in resigned(g, Forge.der(fromRaw: g.signatureBytes)) },
        TokenAttack("signature r = 0") { _, g in resigned(g, [UInt8](repeating: 0, count: 32) + g.signatureBytes.suffix(32)) },
        TokenAttack("signature s = 0") { _, g in resigned(g, g.signatureBytes.prefix(32) + [UInt8](repeating: 0, count: 32)) },
        TokenAttack("signature r = s = 0") { _, g in resigned(g, [UInt8](repeating: 0, count: 64)) },
        TokenAttack("signature r = n") { _, g in resigned(g, p256Order + g.signatureBytes.suffix(32)) },
        TokenAttack("signature s = n") { _, g in resigned(g, g.signatureBytes.prefix(32) + p256Order) },
        TokenAttack("payload tampered: scope gains admin:users") { _, g in
            tampered(g) { $0["scope"] = "read:books read:orders write:cart write:orders admin:users" }
        },
        TokenAttack("payload tampered: sub 1") { _, g in tampered(g) { $0["sub"] = "1" } },
        TokenAttack("payload tampered: exp a year later") { _, g in tampered(g) { $0["exp"] = (($0["exp"] as? Int) ?? 0) + 31_536_000 } },
    ]

    static let claimAttacks: [TokenAttack] = [
        TokenAttack("wrong iss, signed by the server's key") { app, _ in try app.sign(app.claims(iss: "https://evil.example")) },
        TokenAttack("wrong aud, signed by the server's key") { app, _ in try app.sign(app.claims(aud: ["another-api"])) },
        TokenAttack("expired an hour ago, signed by the server's key") { app, _ in try app.sign(app.claims(offsetSeconds: -3_900)) },
        TokenAttack("nbf an hour ahead, signed by the server's key") { app, _ in
            var claims = app.claims()
            claims.nbf = app.clock.now.addingTimeInterval(3_600)
            return try app.sign(claims)
        },
        TokenAttack("iat an hour ahead, signed by the server's key") { app, _ in try app.sign(app.claims(offsetSeconds: 3_600)) },
        TokenAttack("sub not a user id, signed by the server's key") { app, _ in try app.sign(app.claims(sub: "edgaras")) },
        TokenAttack("sub 0, signed by the server's key") { app, _ in try app.sign(app.claims(sub: "0")) },
        TokenAttack("duplicate sub claim, signed by the server's key") { app, g in
            try Forge.sign(
                header: Forge.header(kid: app.signingKey.kid), payload: String(g.payloadText.dropLast()) + #","sub":"1"}"#,
                with: app.signingKey)
        },
        TokenAttack("payload not JSON, signed by the server's key") { app, _ in
            try Forge.sign(header: Forge.header(kid: app.signingKey.kid), payload: "sub=42", with: app.signingKey)
        },
        TokenAttack("payload a JSON array, signed by the server's key") { app, g in
            try Forge.sign(header: Forge.header(kid: app.signingKey.kid), payload: "[" + g.payloadText + "]", with: app.signingKey)
        },
        TokenAttack("claim missing (no jti), signed by the server's key") { app, g in
            var claims = Forge.object(g.payload)
            claims["jti"] = nil
            return try Forge.sign(header: Forge.header(kid: app.signingKey.kid), payload: Forge.json(claims), with: app.signingKey)
        },
    ]
}
