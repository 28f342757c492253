import AppTestSupport
import Foundation
import JWT
import Testing

extension TokenAttack {
    /// Attacks on how the verifying key is chosen.
    static let keyAttacks: [TokenAttack] =
        [
            "no-such-kid", "../../../../etc/passwd", "/dev/null", "file:///etc/passwd",
            "' OR '1'='1", "x' UNION SELECT material FROM signing_keys --",
        ].map { kid in
            TokenAttack("kid \(kid)") { app, g in
                try Forge.sign(header: Forge.header(kid: kid), payload: g.payloadText, with: app.signingKey)
            }
        } + [
            TokenAttack("no kid, signed by the server's key") { app, g in
                try Forge.sign(header: #"{"alg":"ES256","typ":"JWT"}"#, payload: g.payloadText, with: app.signingKey)
            },
            TokenAttack("embedded jwk of the attacker's key, our kid") { app, g in try embeddedJWK(kid: app.signingKey.kid, g) },
            TokenAttack("embedded jwk of the attacker's key, its own kid") { _, g in try embeddedJWK(kid: nil, g) },
            TokenAttack("jku pointing at the attacker's JWKS") { app, g in
                let attacker = try JWTKey(generating: .es256)
                let header = #"{"alg":"ES256","typ":"JWT","kid":"\#(app.signingKey.kid)","jku":"http://127.0.0.1:1/jwks.json"}"#
                return try Forge.sign(header: header, payload: g.payloadText, with: attacker)
            },
            TokenAttack("crit header, otherwise valid") { app, g in
                let header = #"{"alg":"ES256","typ":"JWT","kid":"\#(app.signingKey.kid)","crit":["exp"]}"#
                return try Forge.sign(header: header, payload: g.payloadText, with: app.signingKey)
            },
            TokenAttack("typ another kind of JWT, otherwise valid") { app, g in
                let header = #"{"alg":"ES256","typ":"secevent+jwt","kid":"\#(app.signingKey.kid)"}"#
                return try Forge.sign(header: header, payload: g.payloadText, with: app.signingKey)
            },
            TokenAttack("duplicate alg in the header (ES256 then none)") { app, g in
                let header = #"{"alg":"ES256","alg":"none","typ":"JWT","kid":"\#(app.signingKey.kid)"}"#
                return try Forge.sign(header: header, payload: g.payloadText, with: app.signingKey)
            },
            TokenAttack("duplicate kid in the header") { app, g in
                let header = #"{"alg":"ES256","typ":"JWT","kid":"\#(app.signingKey.kid)","kid":"other"}"#
                return try Forge.sign(header: header, payload: g.payloadText, with: app.signingKey)
            },
        ]

    /// Malformed shapes and sizes.
    static let shapeAttacks: [TokenAttack] = [
        TokenAttack("header padded with '='") { _, g in g.header + "=." + g.payload + "." + g.signature },
        TokenAttack("header in standard base64 ('+' and '/')") { _, g in "+/" + g.header.dropFirst(2) + "." + g.payload + "." + g.signature
        },
        TokenAttack("payload with a character outside base64url") { _, g in g.header + ".!" + g.payload.dropFirst() + "." + g.signature },
        TokenAttack("five parts, like a JWE") { _, g in g.access + ".AAAA.BBBB" },
        TokenAttack("four parts") { _, g in g.access + ".AAAA" },
        TokenAttack("empty parts") { _, _ in ".." },
        TokenAttack("header not JSON") { _, g in Forge.encode("alg=none") + "." + g.payload + "." + g.signature },
        TokenAttack("7 KB token signed by the attacker") { app, g in
            var claims = Forge.object(g.payload)
            claims["pad"] = String(repeating: "x", count: 5_000)
            let token = try Forge.sign(
                header: Forge.header(kid: app.signingKey.kid), payload: Forge.json(claims), with: JWTKey(generating: .es256))
            #expect(token.utf8.count > 6_900 && token.utf8.count < 7_400)
            return token
        },
        TokenAttack("two Authorization headers") { _, g in
            [("Authorization", "Bearer " + g.access), ("Authorization", "Bearer " + g.other)]
        },
        TokenAttack("Bearer with no token") { _, _ in [("Authorization", "Bearer")] },
        TokenAttack("token with a space inside") { _, g in [("Authorization", "Bearer " + g.header + ". " + g.payload + "." + g.signature)]
        },
    ]

    /// A token signed by an attacker's key that carries that key as a `jwk` header (RFC 8725 §3.10).
    static func embeddedJWK(kid: String?, _ g: Genuine) throws -> String {
        let attacker = try JWTKey(generating: .es256)
        let jwk = try #require(attacker.publicJWK)
        let header = #"{"alg":"ES256","typ":"JWT","kid":"\#(kid ?? attacker.kid)","jwk":\#(Forge.json(jwk))}"#
        return try Forge.sign(header: header, payload: g.payloadText, with: attacker)
    }
}
