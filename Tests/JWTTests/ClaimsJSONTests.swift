import Foundation
import Testing

@testable import JWT

/// Claims are read from the strict parse itself; the answers must be exactly
/// those the former second pass through `JSONDecoder` gave.
struct ClaimsJSONTests {
    typealias T = TestSupport

    /// The former decoding path, kept here as the reference the new one must match.
    static func referenceDecode(_ payload: [UInt8]) throws(JWTError) -> JWTClaims {
        _ = try StrictJSON.parseObject(payload)
        do {
            return try JSONDecoder().decode(JWTClaims.self, from: Data(payload))
        } catch DecodingError.keyNotFound(let key, _) {
            throw JWTError(.missingClaim, "token is missing the \(key.stringValue) claim")
        } catch DecodingError.valueNotFound(_, let context) {
            throw JWTError(.missingClaim, "token is missing the \(context.codingPath.first?.stringValue ?? "") claim")
        } catch {
            throw .malformed("token claims have the wrong types")
        }
    }

    /// A valid payload with one member replaced by raw JSON text (nil removes it).
    static func payload(_ member: String, _ json: String?) throws -> String {
        var object = try T.claimsObject()
        object[member] = nil
        let base = try T.json(object)
        guard let json else { return base }
        return "{\"\(member)\":\(json)," + base.dropFirst()
    }

    static let cases: [(String, String?)] =
        JWTClaims.CodingKeys.allCases.flatMap { key in
            [(key.rawValue, nil), (key.rawValue, "null"), (key.rawValue, "true"), (key.rawValue, "{}"), (key.rawValue, "[]")]
        } + [
            ("aud", "\"bookstore-api\""), ("aud", "[\"a\",\"bookstore-api\"]"), ("aud", "[\"bookstore-api\",null]"),
            ("aud", "[\"bookstore-api\",1]"), ("aud", "[[\"bookstore-api\"]]"), ("sub", "42"), ("sub", "\"caf\\u00e9 \\ud83d\\ude00\""),
            ("exp", "\"1700000300\""), ("exp", "1700000300.25"), ("exp", "-1"), ("exp", "1e3"), ("iat", "0"), ("nbf", "1.5E9"),
            ("role", "\"a\\\"b\\\\c\\/d\""), ("extra", "{\"nested\":[1,2,{\"x\":null}]}"),
        ]

    @Test(arguments: cases.indices)
    func claimsFromTheStrictParseMatchTheJSONDecoderReading(_ index: Int) throws {
        let (member, json) = Self.cases[index]
        let bytes = Array(try Self.payload(member, json).utf8)
        let expected = Result { () throws(JWTError) in try Self.referenceDecode(bytes) }
        let actual = Result { () throws(JWTError) in try JWTVerifier.decodeClaims(bytes) }
        #expect(actual == expected, "member \(member) = \(json ?? "absent")")
    }

    @Test func nullAndMissingClaimsAreMissingAndWrongTypesAreMalformed() throws {
        #expect(throws: JWTError(.missingClaim, "token is missing the exp claim")) {
            try JWTVerifier.decodeClaims(Array(try Self.payload("exp", "null").utf8))
        }
        #expect(throws: JWTError(.missingClaim, "token is missing the jti claim")) {
            try JWTVerifier.decodeClaims(Array(try Self.payload("jti", nil).utf8))
        }
        #expect(throws: JWTError(.malformed, "token claims have the wrong types")) {
            try JWTVerifier.decodeClaims(Array(try Self.payload("sub", "42").utf8))
        }
    }
}
