import AppTestSupport
import Bookstore
import Foundation
import HTTPServer
import Testing

@testable import Sessions

/// `GET /session/me` written by hand equals `JSONEncoder`'s bytes, `last_page: null` included.
@Suite struct SessionJSONWritableTests {
    static let lastPages: [String?] = [nil] + JSONWriterCheck.hostileStrings.map { "/session/" + $0 }

    @Test(arguments: lastPages)
    func meResponseBytesMatchTheEncoder(_ lastPage: String?) throws {
        let user = User(id: 3, username: lastPage ?? "ada", role: User.adminRole, scopes: lastPage == nil ? [] : Scope.all)
        let value = MeResponse(user: user, lastPage: lastPage, cartItems: lastPage?.count ?? 0)
        let expected = try JSONWriterCheck.encoderText(value)
        #expect(try JSONWriterCheck.writerText(value) == expected)
        #expect(try JSONWriterCheck.responseText(value) == expected)
        #expect(JSONWriterCheck.takesWriterPath(value))
    }

    @Test func liveMeAnswerIsTheEncodersRenderingOfTheSameValues() throws {
        let app = try TestApp()
        let sid = app.sessionLogin()
        _ = app.session("GET", "/session/cart", sid: sid)
        let reply = app.session("GET", "/session/me", sid: sid)
        #expect(reply.status == 200)
        let decoded = try JSONCoding.makeDecoder().decode(Decoded.self, from: Data(reply.response.body))
        #expect(decoded.lastPage != nil)
        let value = MeResponse(user: decoded.user, lastPage: decoded.lastPage, cartItems: decoded.cartItems)
        #expect(try reply.text == JSONWriterCheck.encoderText(value))
    }

    private struct Decoded: Decodable {
        let user: User
        let lastPage: String?
        let cartItems: Int
        enum CodingKeys: String, CodingKey {
            case user
            case lastPage = "last_page"
            case cartItems = "cart_items"
        }
    }
}
