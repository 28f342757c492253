import App
import Foundation
import HTTPServer
import Synchronization

/// A clock tests move by hand, so expiry is tested without sleeping.
package final class ManualClock: Sendable {
    private let current: Mutex<Date>

    package init(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000)) { current = Mutex(start) }

    package var now: Date { current.withLock { $0 } }
    package func advance(seconds: Double) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
    package var function: @Sendable () -> Date { { [self] in now } }
}

/// A whole bookstore on a temporary database, for route tests: call it in-process
/// through the router, or start it on 127.0.0.1:0 and talk over real sockets.
/// The database folder is removed when the value is released.
package final class TestApp: Sendable {
    package let app: BookstoreApp
    package let clock: ManualClock
    package let directory: URL

    /// Fast password hashing keeps the suite quick; one test checks the real default.
    package static let testPasswordIterations = 1_000

    package init(clock: ManualClock = ManualClock(), directory: URL? = nil, _ configure: (inout AppConfiguration) -> Void = { _ in }) throws
    {
        self.clock = clock
        self.directory = directory ?? FileManager.default.temporaryDirectory.appendingPathComponent("svt-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
        var configuration = AppConfiguration()
        configuration.databasePath = self.directory.appendingPathComponent("bookstore.sqlite").path
        configuration.staticDirectory = Self.repositoryRoot.appendingPathComponent("Static").path
        configuration.port = 0
        configuration.quiet = true
        configuration.threads = 2
        configuration.passwordIterations = Self.testPasswordIterations
        configure(&configuration)
        app = try BookstoreApp(configuration: configuration, clock: clock.function)
    }

    /// The checkout root, found from this file's path.
    package static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// One request through the router, no sockets.
    package func call(
        _ method: String, _ target: String, headers: [(String, String)] = [], json: String? = nil, body: [UInt8]? = nil
    ) -> Reply {
        var fields = HTTPHeaders([("Host", "127.0.0.1:8080")] + headers)
        if json != nil { fields.add("Content-Type", "application/json") }
        let request = HTTPRequest(
            method: HTTPMethod(rawValue: method), target: target, headers: fields, body: body ?? Array((json ?? "").utf8))
        return Reply(app.router.respond(to: request))
    }

    /// With the session ticket, as a browser sends it.
    package func session(_ method: String, _ target: String, sid: String, json: String? = nil, headers: [(String, String)] = []) -> Reply {
        call(method, target, headers: [("Cookie", "sid=\(sid)")] + headers, json: json)
    }

    /// With the passport.
    package func token(_ method: String, _ target: String, token: String, json: String? = nil) -> Reply {
        call(method, target, headers: [("Authorization", "Bearer \(token)")], json: json)
    }

    /// Signs in on the coat-check side; returns the sid.
    package func sessionLogin(_ username: String = "edgaras", _ password: String = "passport42") -> String {
        call("POST", "/session/login", json: #"{"username":"\#(username)","password":"\#(password)"}"#).cookie("sid") ?? ""
    }

    /// Signs in on the passport side; returns (access token, refresh token).
    package func tokenLogin(_ username: String = "edgaras", _ password: String = "passport42") -> (access: String, refresh: String) {
        let reply = call("POST", "/token/login", json: #"{"username":"\#(username)","password":"\#(password)"}"#)
        return (reply.json["access_token"] as? String ?? "", reply.json["refresh_token"] as? String ?? "")
    }

    /// Starts the real server on an ephemeral port; pair with `stop()`.
    package func start() throws -> LoopbackClient { LoopbackClient(port: try app.start()) }

    package func stop() {
        app.shutdown()
        app.waitUntilStopped()
    }

    deinit { try? FileManager.default.removeItem(at: directory) }
}

/// A response as tests read it.
package struct Reply: Sendable {
    package let response: HTTPResponse
    package init(_ response: HTTPResponse) { self.response = response }

    package var status: Int { response.status.code }
    package var text: String { String(decoding: response.body, as: UTF8.self) }
    package var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:] }
    package var error: String? { json["error"] as? String }
    package func header(_ name: String) -> String? { response.headers[name] }
    package func cookie(_ name: String) -> String? {
        for value in response.headers.values("Set-Cookie") where value.hasPrefix(name + "=") {
            return String(value.dropFirst(name.count + 1).prefix { $0 != ";" })
        }
        return nil
    }
}
