import AppTestSupport
import Bookstore
import Foundation
import HTTPServer
import JWT
import Testing

@testable import Tokens

/// The bearer side's hand-written JSON equals `JSONEncoder`'s, claims' custom encoding included.
@Suite struct TokenJSONWritableTests {
    static let claims: [JWTClaims] = {
        let strings = JSONWriterCheck.hostileStrings
        var list: [JWTClaims] = []
        for (index, text) in strings.enumerated() {
            let iat = 1_796_400_219 + Double(index)
            list.append(
                JWTClaims(
                    iss: "http://127.0.0.1:8080/" + text, aud: index.isMultiple(of: 2) ? ["bookstore"] : [text, "other"], sub: "\(index)",
                    iat: Date(timeIntervalSince1970: iat), nbf: Date(timeIntervalSince1970: iat),
                    exp: Date(timeIntervalSince1970: iat + 900), jti: UUID().uuidString, role: text, scope: "read:books " + text))
        }
        let base = list[0]
        var noAudience = base
        noAudience.aud = []
        var fractional = base  // not one of ours, but the encoder writes a fraction; so must we
        fractional.iat = Date(timeIntervalSince1970: 1_796_400_219.25)
        var extremes = base
        extremes.nbf = Date(timeIntervalSince1970: 0)
        extremes.exp = Date(timeIntervalSince1970: 999_999_999_999_999)
        extremes.iat = Date(timeIntervalSince1970: -1)
        var huge = base  // 1e15 and past: `encode(to:)` switches to a Double
        huge.exp = Date(timeIntervalSince1970: 1e15)
        return list + [noAudience, fractional, extremes, huge]
    }()

    static let user = User(id: 7, username: "edgaras", role: User.userRole, scopes: Scope.userDefaults)

    @Test(arguments: claims)
    func claimsBytesMatchTheEncoder(_ claims: JWTClaims) throws {
        try expectIdenticalBytes(claims)
    }

    @Test(arguments: claims.prefix(4))
    func meResponseBytesMatchTheEncoderWithAndWithoutAUser(_ claims: JWTClaims) throws {
        try expectIdenticalBytes(MeResponse(claims: claims, user: Self.user))
        try expectIdenticalBytes(MeResponse(claims: claims, user: nil))
        #expect(try JSONWriterCheck.writerText(MeResponse(claims: claims, user: nil)).hasSuffix(#","user":null}"#))
    }

    @Test(arguments: JSONWriterCheck.hostileStrings)
    func tokenPairBytesMatchTheEncoder(_ text: String) throws {
        try expectIdenticalBytes(
            TokenPair(accessToken: "eyJ." + text, tokenType: "Bearer", expiresIn: text.count * 60, refreshToken: text, scope: text))
    }

    @Test func liveMeAnswerIsTheEncodersRenderingOfTheSameValues() throws {
        let app = try TestApp()
        let reply = app.token("GET", "/token/me", token: app.tokenLogin().access)
        #expect(reply.status == 200)
        let decoded = try JSONCoding.makeDecoder().decode(Decoded.self, from: Data(reply.response.body))
        #expect(try reply.text == JSONWriterCheck.encoderText(MeResponse(claims: decoded.claims, user: decoded.user)))
    }

    private struct Decoded: Decodable {
        let claims: JWTClaims
        let user: User
    }

    private func expectIdenticalBytes<T: JSONWritable>(_ value: T) throws {
        let expected = try JSONWriterCheck.encoderText(value)
        #expect(try JSONWriterCheck.writerText(value) == expected)
        #expect(try JSONWriterCheck.responseText(value) == expected)
    }
}
