import HTTPServer
import Testing

@testable import Tokens

/// `Authorization` parsing on its own (RFC 6750 §2.1, RFC 7235 scheme case).
@Suite struct BearerCredentialTests {
    static let token = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiI0MiJ9.c2ln"

    @Test(
        "One Authorization header is read as RFC 6750 says",
        arguments: [
            ("Bearer \(token)", BearerCredential.Parsed.token(token)),
            ("bearer \(token)", .token(token)),
            ("BEARER \(token)", .token(token)),
            ("bEaReR \(token)", .token(token)),
            ("Bearer  \(token)", .token(token)),
            ("Bearer abc==", .token("abc==")),
            ("Bearer A-Z_a.z~0+9/", .token("A-Z_a.z~0+9/")),
            ("Bearer", .malformed),
            ("bearer", .malformed),
            ("Bearer ", .malformed),
            ("Bearer abc def", .malformed),
            ("Bearer a=bc", .malformed),
            ("Bearer ===", .malformed),
            ("Bearer a\"b", .malformed),
            ("Bearer a,b", .malformed),
            ("Bearer tök", .malformed),
            ("Basic dXNlcjpwYXNz", .absent),
            ("Digest username=\"x\"", .absent),
            ("Bearerabc", .absent),
            ("", .absent),
        ])
    func parsesOneHeader(value: String, expected: BearerCredential.Parsed) {
        #expect(BearerCredential.parse(HTTPHeaders([("Authorization", value)])) == expected)
    }

    @Test func noAuthorizationHeaderIsAbsent() {
        #expect(BearerCredential.parse(HTTPHeaders([("Cookie", "sid=x")])) == .absent)
    }

    @Test func theHeaderNameIsCaseInsensitive() {
        #expect(BearerCredential.parse(HTTPHeaders([("authorization", "Bearer abc")])) == .token("abc"))
    }

    @Test func twoAuthorizationHeadersAreMalformedEvenIfBothAreBearer() {
        let headers = HTTPHeaders([("Authorization", "Bearer abc"), ("Authorization", "Bearer abc")])
        #expect(BearerCredential.parse(headers) == .malformed)
    }

    @Test func aValueLongerThanTheCapIsMalformedWithoutScanning() {
        let long = "Bearer " + String(repeating: "a", count: BearerCredential.maxHeaderBytes)
        #expect(BearerCredential.parse(HTTPHeaders([("Authorization", long)])) == .malformed)
        let fits = "Bearer " + String(repeating: "a", count: BearerCredential.maxHeaderBytes - 7)
        #expect(BearerCredential.parse(HTTPHeaders([("Authorization", fits)])) != .malformed)
    }
}
