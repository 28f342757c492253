import Foundation
import Testing

@testable import HTTPServer

/// Building `Set-Cookie` values: exact bytes per attribute, and refusal of invalid cookies.
@Suite struct CookieSetCookieTests {
    static let nov1994 = Date(timeIntervalSince1970: 784_111_777)  // Sun, 06 Nov 1994 08:49:37 GMT (RFC 9110's example)

    @Test(arguments: [
        (try! SetCookie(name: "sid", value: "abc"), "sid=abc"),
        (try! SetCookie(name: "sid", value: ""), "sid="),
        (try! SetCookie(name: "a", value: "1", expires: nov1994), "a=1; Expires=Sun, 06 Nov 1994 08:49:37 GMT"),
        (try! SetCookie(name: "a", value: "1", maxAge: 3600), "a=1; Max-Age=3600"),
        (try! SetCookie(name: "a", value: "1", domain: "example.org"), "a=1; Domain=example.org"),
        (try! SetCookie(name: "a", value: "1", path: "/session"), "a=1; Path=/session"),
        (try! SetCookie(name: "a", value: "1", secure: true), "a=1; Secure"),
        (try! SetCookie(name: "a", value: "1", httpOnly: true), "a=1; HttpOnly"),
        (try! SetCookie(name: "a", value: "1", sameSite: .strict), "a=1; SameSite=Strict"),
        (try! SetCookie(name: "a", value: "1", sameSite: .lax), "a=1; SameSite=Lax"),
        (try! SetCookie(name: "a", value: "1", secure: true, sameSite: SetCookie.SameSite.none), "a=1; Secure; SameSite=None"),
        (try! SetCookie(name: "a", value: "1", secure: true, partitioned: true), "a=1; Secure; Partitioned"),
        (
            try! SetCookie(name: "sid", value: "x-Y_z", path: "/", httpOnly: true, sameSite: .lax),
            "sid=x-Y_z; Path=/; HttpOnly; SameSite=Lax"
        ),
        (
            try! SetCookie(
                name: "__Host-sid", value: "v", expires: nov1994, maxAge: 60, path: "/", secure: true, httpOnly: true,
                sameSite: SetCookie.SameSite.none, partitioned: true),
            "__Host-sid=v; Expires=Sun, 06 Nov 1994 08:49:37 GMT; Max-Age=60; Path=/; Secure; HttpOnly; SameSite=None; Partitioned"
        ),
    ])
    func setCookieHeaderValueIsExact(cookie: SetCookie, expected: String) {
        #expect(cookie.headerValue == expected)
    }

    @Test func expiringCookieHasMaxAgeZeroAndAPastExpires() throws {
        let cookie = try SetCookie.expiring(name: "sid")
        #expect(cookie.headerValue == "sid=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; HttpOnly; SameSite=Lax")
    }

    @Test(arguments: ["", "a b", "a;b", "a=b", "a,b", "é", "a\u{0}", "(a)", "a\"", "a/b", "a\t"])
    func invalidNamesAreRejected(name: String) {
        #expect(throws: CookieError.invalidName) { try SetCookie(name: name, value: "v") }
    }

    @Test(arguments: ["a b", "a;b", "a,b", "\"quoted\"", "back\\slash", "é", "a\u{7F}", "line\nbreak"])
    func invalidValuesAreRejected(value: String) {
        #expect(throws: CookieError.invalidValue) { try SetCookie(name: "a", value: value) }
    }

    @Test func sameSiteNoneWithoutSecureIsRefused() {
        #expect(throws: CookieError.sameSiteNoneRequiresSecure) {
            try SetCookie(name: "a", value: "1", sameSite: SetCookie.SameSite.none)
        }
    }

    @Test func partitionedWithoutSecureIsRefused() {
        #expect(throws: CookieError.partitionedRequiresSecure) { try SetCookie(name: "a", value: "1", partitioned: true) }
    }

    @Test func badAttributesAreRefused() {
        #expect(throws: CookieError.invalidAttribute) { try SetCookie(name: "a", value: "1", path: "relative") }
        #expect(throws: CookieError.invalidAttribute) { try SetCookie(name: "a", value: "1", path: "/a;b") }
        #expect(throws: CookieError.invalidAttribute) { try SetCookie(name: "a", value: "1", domain: "") }
        #expect(throws: CookieError.invalidAttribute) { try SetCookie(name: "a", value: "1", domain: "x\r\ny") }
        #expect(throws: CookieError.invalidAttribute) { try SetCookie(name: "a", value: "1", maxAge: -1) }
        #expect(throws: CookieError.tooLong) { try SetCookie(name: "a", value: String(repeating: "v", count: 4096)) }
    }

    @Test func cookiePrefixRulesAreEnforced() {
        #expect(throws: CookieError.prefixRequirementsUnmet) { try SetCookie(name: "__Secure-a", value: "1") }
        #expect(throws: CookieError.prefixRequirementsUnmet) { try SetCookie(name: "__Host-a", value: "1", secure: true) }
        #expect(throws: CookieError.prefixRequirementsUnmet) {
            try SetCookie(name: "__Host-a", value: "1", domain: "example.org", path: "/", secure: true)
        }
    }

    @Test func responseKeepsOneSetCookieFieldPerCookie() throws {
        var response = HTTPResponse(status: .noContent)
        response.setCookie(try SetCookie(name: "a", value: "1"))
        response.setCookie(try SetCookie.expiring(name: "b", httpOnly: false, sameSite: nil))
        #expect(response.headers.values("Set-Cookie") == ["a=1", "b=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/"])
    }
}
