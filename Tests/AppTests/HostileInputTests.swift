import AppTestSupport
import Foundation
import Testing

/// api.md: "A bad request never takes the server down and never changes stored data."
/// Each hostile body goes to a state-changing route with valid credentials; the answer
/// must be a 4xx, and the database half of `/api/inspect` and every user's scopes must
/// be exactly what they were.
@Suite struct HostileInputTests {
    /// One hostile request: the route, whose credential it carries, and the raw body bytes.
    struct Hostile: Sendable, CustomTestStringConvertible {
        let name: String
        let method: String
        let path: String
        let credential: Credential
        let body: [UInt8]
        var testDescription: String { name }

        init(_ name: String, _ method: String, _ path: String, _ credential: Credential, _ body: String) {
            self.init(name, method, path, credential, bytes: Array(body.utf8))
        }

        init(_ name: String, _ method: String, _ path: String, _ credential: Credential, bytes: [UInt8]) {
            (self.name, self.method, self.path, self.credential, self.body) = (name, method, path, credential, bytes)
        }
    }

    enum Credential: Sendable { case adminToken, adminSession, userSession, userToken, none }

    static let scopes = "/api/admin/users/42/scopes"
    static func repeated(_ element: String, _ count: Int) -> String {
        #"{"scopes":["# + Array(repeating: element, count: count).joined(separator: ",") + "]}"
    }

    static let hostile: [Hostile] = [
        Hostile("huge array of a valid scope", "PUT", scopes, .adminToken, repeated(#""read:books""#, 5_000)),
        Hostile("huge array of unknown scopes", "PUT", scopes, .adminToken, repeated(#""x""#, 5_000)),
        Hostile("huge array, admin session", "PUT", scopes, .adminSession, repeated(#""read:orders""#, 1_000)),
        Hostile("scopes as a string", "PUT", scopes, .adminToken, #"{"scopes":"read:books"}"#),
        Hostile("scopes as numbers", "PUT", scopes, .adminToken, #"{"scopes":[1,2,3]}"#),
        Hostile("scopes null", "PUT", scopes, .adminToken, #"{"scopes":null}"#),
        Hostile("scopes nested", "PUT", scopes, .adminToken, #"{"scopes":[["read:books"]]}"#),
        Hostile("scopes objects", "PUT", scopes, .adminToken, #"{"scopes":[{"scope":"read:books"}]}"#),
        Hostile("no scopes field", "PUT", scopes, .adminToken, #"{"scope":["read:books"]}"#),
        Hostile("top-level array", "PUT", scopes, .adminToken, #"["read:books"]"#),
        Hostile("JSON null", "PUT", scopes, .adminToken, "null"),
        Hostile("empty body", "PUT", scopes, .adminToken, ""),
        Hostile("truncated JSON", "PUT", scopes, .adminToken, #"{"scopes":["read:books""#),
        Hostile("number overflow", "PUT", scopes, .adminToken, #"{"scopes":[1e999]}"#),
        Hostile("SQL in a scope", "PUT", scopes, .adminToken, #"{"scopes":["read:books'); DELETE FROM user_scopes; --"]}"#),
        Hostile("SQL quote trick", "PUT", scopes, .adminToken, #"{"scopes":["read:books\" OR 1=1 --"]}"#),
        Hostile("NUL inside a scope", "PUT", scopes, .adminToken, #"{"scopes":["read:books\u0000admin:users"]}"#),
        Hostile(
            "invalid UTF-8 in a scope", "PUT", scopes, .adminToken,
            bytes: Array(#"{"scopes":["read:books"#.utf8) + [0xFF, 0xFE] + Array(#""]}"#.utf8)),
        Hostile("lone surrogate escape", "PUT", scopes, .adminToken, #"{"scopes":["\ud800"]}"#),
        Hostile("deep nesting", "PUT", scopes, .adminToken, String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)),
        Hostile("SQL in the user id", "PUT", "/api/admin/users/42%20OR%201=1/scopes", .adminToken, #"{"scopes":["read:books"]}"#),
        Hostile("negative user id", "PUT", "/api/admin/users/-42/scopes", .adminToken, #"{"scopes":["read:books"]}"#),
        Hostile("huge user id", "PUT", "/api/admin/users/99999999999999999999999/scopes", .adminToken, #"{"scopes":[]}"#),
        Hostile("SQL id, logout-everywhere", "POST", "/api/admin/users/42;DROP%20TABLE%20users/logout-everywhere", .adminToken, ""),
        Hostile("token cart qty as a string", "POST", "/token/cart/items", .userToken, #"{"book_id":1,"qty":"2"}"#),
        Hostile("token cart qty too large", "POST", "/token/cart/items", .userToken, #"{"book_id":1,"qty":100000000000}"#),
        Hostile("token cart qty negative", "POST", "/token/cart/items", .userToken, #"{"book_id":1,"qty":-1}"#),
        Hostile("token cart book SQL", "POST", "/token/cart/items", .userToken, #"{"book_id":"1 OR 1=1","qty":1}"#),
        Hostile("token cart unknown book", "POST", "/token/cart/items", .userToken, #"{"book_id":999999,"qty":1}"#),
        Hostile("refresh with a wrong type", "POST", "/token/refresh", .none, #"{"refresh_token":12345}"#),
        Hostile("refresh with SQL", "POST", "/token/refresh", .none, #"{"refresh_token":"' OR '1'='1"}"#),
        Hostile("logout with an object", "POST", "/token/logout", .none, #"{"refresh_token":{"$ne":null}}"#),
        Hostile("login with SQL", "POST", "/token/login", .none, #"{"username":"admin' --","password":"x"}"#),
        Hostile("login with arrays", "POST", "/session/login", .none, #"{"username":["admin"],"password":["admin-demo"]}"#),
    ]

    /// What must not change: the database half of `/api/inspect` (as canonical JSON) and every user's scopes.
    static func storedState(_ app: TestApp) throws -> String {
        let database = try #require(app.call("GET", "/api/inspect").json["database"])
        let data = try JSONSerialization.data(withJSONObject: database, options: [.sortedKeys])
        let scopes = try [1, 7, 42].map { try app.app.store.user(id: $0)?.scopes ?? [] }
        return String(decoding: data, as: UTF8.self) + "\n\(scopes)"
    }

    func headers(_ app: TestApp, _ credential: Credential) -> [(String, String)] {
        switch credential {
        case .none: []
        case .adminSession: [("Cookie", "sid=" + app.sessionLogin("admin", "admin-demo"))]
        case .userSession: [("Cookie", "sid=" + app.sessionLogin())]
        case .adminToken: [("Authorization", "Bearer " + app.tokenLogin("admin", "admin-demo").access)]
        case .userToken: [("Authorization", "Bearer " + app.tokenLogin().access)]
        }
    }

    @Test(arguments: hostile)
    func hostileBodyIsA4xxAndChangesNoStoredData(_ hostile: Hostile) throws {
        let app = try TestApp()
        // Something in every table first, so "unchanged" is not vacuous.
        let user = app.tokenLogin()
        _ = app.token("POST", "/token/cart/items", token: user.access, json: #"{"book_id":2,"qty":2}"#)
        _ = app.token("POST", "/token/checkout", token: user.access)
        _ = app.token("POST", "/token/cart/items", token: user.access, json: #"{"book_id":3,"qty":1}"#)
        let credentials = headers(app, hostile.credential)
        let before = try Self.storedState(app)

        let reply = app.call(
            hostile.method, hostile.path, headers: credentials + [("Content-Type", "application/json")], body: hostile.body)
        #expect((400..<500).contains(reply.status), "\(reply.status) \(reply.text.prefix(200))")
        #expect(reply.json["error"] is String)
        #expect(try Self.storedState(app) == before)
    }

    @Test(arguments: [("PUT", scopes, Credential.adminToken), ("POST", "/token/cart/items", .userToken), ("POST", "/session/login", .none)])
    func bodyPast64KiBIs413OverALiveSocketAndChangesNothing(_ method: String, _ path: String, _ credential: Credential) throws {
        let app = try TestApp()
        let client = try app.start()
        defer { app.stop() }
        let credentials = headers(app, credential)
        let before = try Self.storedState(app)
        let body = Self.repeated(#""read:books""#, 70_000 / 13)
        #expect(body.utf8.count > 70_000)
        let reply = try client.send(method, path, headers: credentials, json: body)
        #expect(reply.status == 413)
        #expect(reply.json["error"] is String)
        #expect(try client.send("GET", "/healthz").status == 200, "the server is still up")
        #expect(try Self.storedState(app) == before)
    }
}
