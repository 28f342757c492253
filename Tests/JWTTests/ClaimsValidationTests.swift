import Foundation
import Testing

@testable import JWT

/// Time and audience rules, checked against a fixed clock with the 30 s default leeway.
struct ClaimsValidationTests {
    typealias T = TestSupport

    func verify(_ claims: JWTClaims, now: Date = T.now, leeway: Int = 30) throws -> VerifiedJWT {
        try T.verifier(leewaySeconds: leeway).verify(try JWTSigner().sign(claims, with: T.es256Key), now: now)
    }

    @Test func expiredTokenIsAcceptedWithinLeewayAndRejectedAfterIt() throws {
        let claims = T.claims(iat: T.now - 300, nbf: T.now - 300, exp: T.now)
        #expect(try verify(claims, now: T.now + 29).claims == claims)
        #expect(throws: JWTError(.expired, "token has expired")) { try verify(claims, now: T.now + 30) }
        #expect(throws: JWTError(.expired, "token has expired")) { try verify(claims, now: T.now + 1, leeway: 0) }
    }

    @Test func notBeforeIsHonouredWithLeeway() throws {
        let claims = T.claims(nbf: T.now + 30)
        #expect(try verify(claims).claims == claims)
        #expect(throws: JWTError(.notYetValid, "token is not valid yet")) { try verify(claims, now: T.now - 1) }
    }

    @Test func issuedAtFarInTheFutureIsRejected() throws {
        #expect(try verify(T.claims(iat: T.now + 30)).claims.iat == T.now + 30)
        #expect(throws: JWTError(.issuedInFuture, "token was issued in the future")) { try verify(T.claims(iat: T.now + 3600)) }
    }

    @Test func audienceArrayContainingOursIsAccepted() throws {
        let claims = T.claims(aud: ["other-api", T.audience])
        #expect(try verify(claims).claims.aud == ["other-api", T.audience])
    }

    @Test func singleAudienceIsWrittenAsAStringAndArraysAsArrays() throws {
        let one = String(decoding: try JSONEncoder().encode(T.claims()), as: UTF8.self)
        #expect(one.contains("\"aud\":\"\(T.audience)\""))
        let two = String(decoding: try JSONEncoder().encode(T.claims(aud: ["a", "b"])), as: UTF8.self)
        #expect(two.contains("\"aud\":[\"a\",\"b\"]"))
    }

    @Test func fractionalNumericDatesAreAcceptedAndWholeSecondsEncodeAsIntegers() throws {
        var object = try T.claimsObject()
        #expect(object["exp"] as? Int == 1_700_000_300)
        object["exp"] = 1_700_000_300.75
        object["iat"] = 1_699_999_999.5
        let token = try T.forge(header: "{\"alg\":\"ES256\",\"kid\":\"\(T.es256Key.kid)\"}", payload: try T.json(object), key: T.es256Key)
        let verified = try T.verifier().verify(token, now: T.now)
        #expect(verified.claims.exp == Date(timeIntervalSince1970: 1_700_000_300.75))
        #expect(verified.claims.iat == Date(timeIntervalSince1970: 1_699_999_999.5))
    }

    @Test func hs256TokensVerifyUnderAnHS256Verifier() throws {
        let token = try JWTSigner().sign(T.claims(), with: T.hs256Key)
        let verifier = JWTVerifier(keys: JWTKeySet(signing: T.hs256Key), algorithm: .hs256, issuer: T.issuer, audience: T.audience)
        #expect(try verifier.verify(token, now: T.now).claims == T.claims())
        #expect(throws: JWTError.self) { try T.verifier().verify(token, now: T.now) }
    }

    @Test func signedTokenHasTheContractHeader() throws {
        let token = try JWTSigner().sign(T.claims(), with: T.es256Key)
        let header = try #require(Base64URL.decode(token.split(separator: ".")[0]))
        #expect(String(decoding: header, as: UTF8.self) == "{\"alg\":\"ES256\",\"typ\":\"JWT\",\"kid\":\"\(T.es256Key.kid)\"}")
    }

    @Test(arguments: ["JWT", "jwt", "Jwt", "at+jwt", "AT+JWT"])
    func acceptedTypValues(_ typ: String) throws {
        let header = "{\"alg\":\"ES256\",\"typ\":\"\(typ)\",\"kid\":\"\(T.es256Key.kid)\"}"
        let token = try T.forge(header: header, payload: try T.json(try T.claimsObject()), key: T.es256Key)
        #expect(try T.verifier().verify(token, now: T.now).header.typ == typ)
    }

    @Test func teachingDecoderShowsContentsWithoutVerifying() throws {
        let token = try T.forge(header: "{\"alg\":\"none\"}", payload: "{\"sub\":\"1\"}", key: nil)
        let decoded = try JWTDecoder.decodeUnverified(token)
        #expect(decoded.header == "{\"alg\":\"none\"}" && decoded.payload == "{\"sub\":\"1\"}")
    }

    @Test func ecdsaScalarBoundsAreEnforcedBeforeOpenSSL() {
        let one = [UInt8](repeating: 0, count: 31) + [1]
        var nMinusOne = ECDSASignature.p256Order
        nMinusOne[31] -= 1
        #expect(ECDSASignature.der(fromRaw: one + nMinusOne) != nil)
        #expect(ECDSASignature.der(fromRaw: [UInt8](repeating: 0, count: 32) + one) == nil)
        #expect(ECDSASignature.der(fromRaw: one + ECDSASignature.p256Order) == nil)
        #expect(ECDSASignature.der(fromRaw: one + one + [0]) == nil)
    }
}
