import AppTestSupport
import HTTPServer
import Testing

@testable import App

/// DNS rebinding: a loopback server answers only requests addressed to a loopback name.
@Suite struct HostGuardTests {
    /// One request with exactly this `Host` (TestApp.call always sends 127.0.0.1:8080).
    func call(_ app: TestApp, _ method: HTTPMethod, _ path: String, host: String, json: String = "") -> Reply {
        let headers = HTTPHeaders([("Host", host), ("Origin", "http://" + host), ("Content-Type", "application/json")])
        return Reply(app.app.router.respond(to: HTTPRequest(method: method, target: path, headers: headers, body: Array(json.utf8))))
    }

    @Test(arguments: ["evil.example:8080", "evil.example", "127.0.0.1.evil.example", "10.0.0.1:8080", "[::2]:8080"])
    func foreignHostNamesAreMisdirected(host: String) throws {
        let app = try TestApp()
        let reply = call(app, .POST, "/api/admin/restart", host: host)
        #expect(reply.status == 421)
        #expect(reply.error == "misdirected_request")
        #expect(call(app, .GET, "/api/inspect", host: host).status == 421)
    }

    @Test(arguments: ["127.0.0.1:8080", "localhost:8080", "LOCALHOST", "[::1]:8080", "127.0.0.2"])
    func loopbackNamesAreServed(host: String) {
        #expect(HostGuard.isLoopbackName(host))
    }

    @Test func aRebindingPageCannotSignInAsTheSeedAdmin() throws {
        let app = try TestApp()
        let reply = call(app, .POST, "/token/login", host: "evil.example:8080", json: #"{"username":"admin","password":"admin-demo"}"#)
        #expect(reply.status == 421)
        #expect(
            call(app, .POST, "/token/login", host: "127.0.0.1:8080", json: #"{"username":"admin","password":"admin-demo"}"#).status == 200)
    }
}
