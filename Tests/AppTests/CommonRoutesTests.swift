import AppTestSupport
import Foundation
import JWT
import Testing

/// The routes both models share, called through the router of a whole app on a
/// temporary database: health, the catalog, the contract, the page, the keys and
/// the inspector (which must show state and never a secret).
@Suite struct CommonRoutesTests {
    let app: TestApp
    init() throws { app = try TestApp() }

    @Test func healthzAnswersTheExactBody() {
        let reply = app.call("GET", "/healthz")
        #expect(reply.status == 200)
        #expect(reply.text == #"{"status":"ok"}"#)
        #expect(reply.header("Content-Type")?.hasPrefix("application/json") == true)
    }

    @Test func booksListsAtLeastEightWithEveryField() throws {
        let reply = app.call("GET", "/api/books")
        #expect(reply.status == 200)
        let books = try #require(reply.json["books"] as? [[String: Any]])
        #expect(books.count >= 8)
        for book in books {
            #expect(Set(book.keys) == ["id", "title", "author", "price_cents"])
            #expect(book["id"] is Int && book["price_cents"] is Int)
            #expect((book["title"] as? String)?.isEmpty == false && (book["author"] as? String)?.isEmpty == false)
        }
    }

    @Test func openAPIDocumentParsesAndIsVersion310() {
        let reply = app.call("GET", "/openapi.json")
        #expect(reply.status == 200)
        #expect(reply.json["openapi"] as? String == "3.1.0")
        #expect((reply.json["paths"] as? [String: Any])?.isEmpty == false)
    }

    @Test func rootServesTheTeachingPageWithAnETagAndA304() throws {
        let page = app.call("GET", "/")
        #expect(page.status == 200)
        #expect(page.header("Content-Type")?.hasPrefix("text/html") == true)
        let onDisk = try Data(contentsOf: TestApp.repositoryRoot.appendingPathComponent("Static/index.html"))
        #expect(page.response.body == Array(onDisk))
        let etag = try #require(page.header("ETag"))
        let again = app.call("GET", "/", headers: [("If-None-Match", etag)])
        #expect(again.status == 304)
        #expect(again.response.body.isEmpty)
    }

    @Test func unknownRouteIsNotFoundJSON() {
        let reply = app.call("GET", "/api/nothing-here")
        #expect(reply.status == 404)
        #expect(reply.error == "not_found")
        #expect(reply.json["error_description"] is String)
    }

    @Test(arguments: [("DELETE", "/healthz", "GET"), ("POST", "/api/books", "GET"), ("GET", "/api/admin/users/1/scopes", "PUT")])
    func wrongMethodIs405WithAllow(_ method: String, _ path: String, _ allowed: String) {
        let reply = app.call(method, path)
        #expect(reply.status == 405)
        #expect(reply.error == "method_not_allowed")
        #expect(reply.header("Allow")?.contains(allowed) == true)
    }

    @Test func jwksListsPublicES256SigningKeysOnly() throws {
        let reply = app.call("GET", "/.well-known/jwks.json")
        #expect(reply.status == 200)
        let keys = try #require(reply.json["keys"] as? [[String: Any]])
        #expect(!keys.isEmpty)
        for key in keys {
            #expect((key["kid"] as? String)?.isEmpty == false)
            #expect(key["alg"] as? String == "ES256")
            #expect(key["use"] as? String == "sig")
            #expect(key["d"] == nil, "a private key part was published")
        }
    }

    @Test func inspectHasApiMdShapeOnAFreshDatabase() throws {
        let json = app.call("GET", "/api/inspect").json
        #expect(Set(json.keys) == ["memory", "database"])
        let memory = try #require(json["memory"] as? [String: Any])
        #expect(Set(memory.keys) == ["count", "approx_bytes", "sessions"])
        #expect(memory["count"] as? Int == 0)
        let database = try #require(json["database"] as? [String: Any])
        #expect(Set(database.keys) == ["carts", "orders", "refresh_tokens", "revoked_jtis"])
    }
}
