import AppTestSupport
import Foundation
import JWT
import Tokens

/// Hand-made tokens for the attack and lifetime tests: every part of a JWS
/// built, or rebuilt, byte by byte, so a test can change exactly one thing.
enum Forge {
    /// The three dot-separated parts of a compact JWS.
    static func parts(_ token: String) -> [String] { token.split(separator: ".", omittingEmptySubsequences: false).map(String.init) }

    /// base64url of UTF-8 text (a header or payload JSON).
    static func encode(_ json: String) -> String { Base64URL.encode(Array(json.utf8)) }

    /// The JSON object a base64url part holds, or an empty one.
    static func object(_ part: String) -> [String: Any] {
        guard let bytes = Base64URL.decode(part) else { return [:] }
        return (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] ?? [:]
    }

    /// Compact JSON of an object with sorted keys, as the payload of a rebuilt token.
    static func json(_ object: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// `header.payload.signature` where the signature is `key`'s over the exact header and payload given.
    static func sign(header: String, payload: String, with key: JWTKey) throws -> String {
        let input = encode(header) + "." + encode(payload)
        return input + "." + Base64URL.encode(try key.sign(Array(input.utf8)))
    }

    /// The header our server writes for `key`, as JSON text.
    static func header(alg: String = "ES256", kid: String) -> String { #"{"alg":"\#(alg)","typ":"JWT","kid":"\#(kid)"}"# }

    /// A raw r‖s ECDSA signature re-encoded as ASN.1 DER, the form JWS forbids (RFC 7518 §3.4).
    static func der(fromRaw raw: [UInt8]) -> [UInt8] {
        func integer(_ scalar: ArraySlice<UInt8>) -> [UInt8] {
            var bytes = Array(scalar.drop { $0 == 0 })
            if bytes.isEmpty || bytes[0] & 0x80 != 0 { bytes.insert(0, at: 0) }
            return [0x02, UInt8(bytes.count)] + bytes
        }
        let body = integer(raw.prefix(32)) + integer(raw.suffix(32))
        return [0x30, UInt8(body.count)] + body
    }
}

extension TestApp {
    /// The key the server signs with right now.
    var signingKey: JWTKey { app.keys.keys.signing }

    /// Claims exactly like the server's for edgaras (id 42), at the test clock's now.
    func claims(
        sub: String = "42", scope: String = "read:books read:orders write:cart write:orders", iss: String = TokenPolicy.issuer,
        aud: [String] = [TokenPolicy.audience], offsetSeconds: Double = 0, lifetimeSeconds: Double = 300
    ) -> JWTClaims {
        let now = clock.now.addingTimeInterval(offsetSeconds)
        return JWTClaims(
            iss: iss, aud: aud, sub: sub, iat: now, nbf: now, exp: now.addingTimeInterval(lifetimeSeconds),
            jti: UUID().uuidString, role: "USER", scope: scope)
    }

    /// A token signed with the server's own key over `claims`: valid unless the claims say otherwise.
    func sign(_ claims: JWTClaims) throws -> String { try JWTSigner().sign(claims, with: signingKey) }

    /// `POST /token/login` as JSON, returning the whole reply.
    func tokenLoginReply(_ username: String = "edgaras", _ password: String = "passport42") -> Reply {
        call("POST", "/token/login", json: #"{"username":"\#(username)","password":"\#(password)"}"#)
    }

    /// `/api/inspect` as parsed JSON.
    var inspect: [String: Any] { call("GET", "/api/inspect").json }

    /// `/api/inspect`'s `database` part.
    var inspectedDatabase: [String: Any] { inspect["database"] as? [String: Any] ?? [:] }
}

/// Seeded accounts (api.md).
enum Account {
    static let edgaras = (username: "edgaras", password: "passport42")
    static let admin = (username: "admin", password: "admin-demo")
    static let reader = (username: "reader", password: "reader-demo")
}
