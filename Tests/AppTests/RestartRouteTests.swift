import AppTestSupport
import Foundation
import Testing

@testable import App

/// `POST /api/admin/restart` exists only with `--allow-restart` on a loopback host;
/// then it answers 202 and drains the server, and the executable re-executes itself
/// (that last step is `ServeCommand`'s, never run in tests: it would replace the test process).
@Suite struct RestartRouteTests {
    @Test func restartIsUnknownWithoutAllowRestart() throws {
        let app = try TestApp()
        let admin = app.tokenLogin("admin", "admin-demo").access
        let reply = app.token("POST", "/api/admin/restart", token: admin)
        #expect(reply.status == 404)
        #expect(reply.error == "not_found")
        #expect(!app.app.wantsRestart)
    }

    @Test(arguments: ["0.0.0.0", "::", "192.168.1.10"])
    func restartIsUnknownOffLoopbackEvenWhenAllowed(_ host: String) throws {
        let app = try TestApp {
            $0.allowRestart = true
            $0.host = host
        }
        #expect(app.call("POST", "/api/admin/restart").status == 404)
        #expect(!app.app.wantsRestart)
    }

    @Test(arguments: ["127.0.0.1", "::1", "localhost", "127.0.0.2"])
    func loopbackHostsCountAsLoopback(_ host: String) {
        #expect(BookstoreApp.isLoopback(host))
    }

    @Test func crossSiteRestartIsRejected() throws {
        let app = try TestApp { $0.allowRestart = true }
        let reply = app.call("POST", "/api/admin/restart", headers: [("Origin", "https://evil.example")])
        #expect(reply.status == 403)
        #expect(!app.app.wantsRestart)
    }

    @Test func allowedRestartAnswers202ThenStopsTheLiveServer() throws {
        let app = try TestApp { $0.allowRestart = true }
        let client = try app.start()
        #expect(try client.send("GET", "/healthz").status == 200)
        #expect(!app.app.wantsRestart)

        let reply = try client.send("POST", "/api/admin/restart")
        #expect(reply.status == 202)
        #expect(reply.json["status"] as? String == "restarting")
        app.app.waitUntilStopped()  // returns only because the restart drained the server
        #expect(app.app.wantsRestart)
        #expect(throws: (any Error).self) { try client.send("GET", "/healthz") }
    }
}

/// The restarted process gets the same arguments; only a port-0 server is pinned to the
/// port it got, or the teaching page polling `/healthz` would never find it again.
@Suite struct RestartArgumentsTests {
    @Test func fixedPortRestartsWithTheSameArguments() {
        let arguments = ["/bin/svt", "--port", "8080", "--allow-restart"]
        #expect(ServeCommand.restartArguments(arguments, configuredPort: 8080, boundPort: 8080) == arguments)
    }

    @Test func portZeroRestartsOnTheBoundPort() throws {
        let arguments = ["/bin/svt", "serve", "--port=0", "--allow-restart"]
        let again = ServeCommand.restartArguments(arguments, configuredPort: 0, boundPort: 43_210)
        #expect(again == arguments + ["--port", "43210"])
        guard case .serve(let configuration) = try CommandLineParser.parse(Array(again.dropFirst()), environment: ["PORT": "0"]) else {
            Issue.record("restart arguments must still parse as serve")
            return
        }
        #expect(configuration.port == 43_210)
    }
}
