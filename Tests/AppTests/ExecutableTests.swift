import App
import Foundation
import Testing

/// The executable as a workshop attendee meets it: exit codes, the banner, a clean
/// stop on SIGTERM, and a request log that never prints a credential.
/// Skipped (with a message) when `.build/debug/sessions-vs-tokens` has not been built.
@Suite(.serialized, .enabled(if: ChildProcess.executable != nil, "build the executable first: swift build"))
struct ExecutableTests {
    let executable = ChildProcess.executable!

    /// A request-log line: method, path, status, body bytes, duration.
    static let logLinePattern = #"^[A-Z]+ \S+ [0-9]{3} [0-9]+B [0-9]+\.[0-9]ms$"#

    static func logLines(_ output: String) -> [String] {
        output.split(separator: "\n").map(String.init).filter { $0.range(of: logLinePattern, options: .regularExpression) != nil }
    }

    @Test func helpExitsZeroAndPrintsUsage() throws {
        let child = try ChildProcess(executable, ["--help"])
        #expect(child.waitForExit() == 0)
        #expect(child.standardOutput.contains("USAGE"))
        #expect(child.standardOutput.contains("--tls-cert"))
    }

    @Test func unknownFlagExitsTwoNamingTheFlagOnStandardError() throws {
        let child = try ChildProcess(executable, ["--no-such-flag"])
        #expect(child.waitForExit() == 2)
        #expect(child.standardError.contains("--no-such-flag"))
        #expect(child.standardOutput.isEmpty)
    }

    @Test func tlsCertificateWithoutKeyExitsTwoBeforeOpeningAnything() throws {
        let child = try ChildProcess(executable, ["--tls-cert", "cert.pem", "--port", "0"])
        #expect(child.waitForExit() == 2)
        #expect(child.standardError.contains("--tls-cert needs --tls-key"))
        #expect(!FileManager.default.fileExists(atPath: child.directory.appendingPathComponent("bookstore.sqlite").path))
    }

    @Test func missingCertificateFileExitsOneWithAClearMessage() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("svt-exe-\(UUID().uuidString)")
        let missing = directory.appendingPathComponent("absent-cert.pem").path
        let child = try ChildProcess(
            executable, ChildProcess.serverArguments(directory, ["--tls-cert", missing, "--tls-key", "key.pem"]), directory: directory)
        #expect(child.waitForExit() == 1)
        #expect(
            child.standardError.contains("cannot serve HTTPS: cannot read the TLS certificate file \(missing): No such file or directory"))
        #expect(!child.standardOutput.contains("Open "), "no banner for a server that never listened")
    }

    /// HTTPS end to end with curl as the client: health, then a login whose ticket is `Secure`
    /// and whose https:// Origin passes the CSRF check.
    @Test(.enabled(if: ExecutableTests.hasTLSTools, "needs /usr/bin/openssl and /usr/bin/curl"))
    func servesHTTPSAndTheLoginTicketIsSecure() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("svt-exe-\(UUID().uuidString)")
        let (certificate, key) = try Self.makeCertificate(in: directory)
        let child = try ChildProcess(
            executable, ChildProcess.serverArguments(directory, ["--tls-cert", certificate, "--tls-key", key]), directory: directory)
        let port = try #require(child.httpsBannerPort())
        let base = "https://127.0.0.1:\(port)"
        let health = try Self.run("/usr/bin/curl", ["-sk", "\(base)/healthz"])
        #expect(health.output == #"{"status":"ok"}"#)
        let login = try Self.run(
            "/usr/bin/curl",
            [
                "-sk", "-i", "-H", "Content-Type: application/json", "-H", "Origin: \(base)", "--data",
                #"{"username":"edgaras","password":"passport42"}"#, "\(base)/session/login",
            ])
        #expect(login.output.hasPrefix("HTTP/1.1 200"))
        let cookie = login.output.split(separator: "\r\n").first { $0.lowercased().hasPrefix("set-cookie: sid=") }
        #expect(cookie?.hasSuffix("; Path=/; Secure; HttpOnly; SameSite=Lax") == true, "\(cookie ?? "no sid cookie")")
        child.terminate()
        #expect(child.waitForExit(timeoutSeconds: 10) == 0)
    }

    @Test func portAlreadyInUseExitsOneWithAClearMessage() throws {
        let held = try HeldPort()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("svt-exe-\(UUID().uuidString)")
        var arguments = ChildProcess.serverArguments(directory)
        arguments += ["--port", String(held.port)]
        let child = try ChildProcess(executable, arguments, directory: directory)
        #expect(child.waitForExit() == 1)
        #expect(child.standardError.contains("port \(held.port) on 127.0.0.1 is already in use"))
        #expect(child.standardError.contains("--port"))
    }

    @Test func unopenableDatabaseExitsOneWithAClearMessage() throws {
        let child = try ChildProcess(executable, ["--db", "/nonexistent-\(UUID().uuidString)/x.sqlite", "--port", "0"])
        #expect(child.waitForExit() == 1)
        #expect(child.standardError.contains("cannot open the bookstore at /nonexistent-"))
    }

    @Test func serveOnPortZeroPrintsTheRealPortAndStopsCleanlyOnSIGTERM() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("svt-exe-\(UUID().uuidString)")
        let child = try ChildProcess(executable, ChildProcess.serverArguments(directory), directory: directory)
        let port = try #require(child.bannerPort())
        #expect(port > 0)
        #expect(try LoopbackClient(port: port).send("GET", "/healthz").text == #"{"status":"ok"}"#)
        child.terminate()
        #expect(child.waitForExit(timeoutSeconds: 10) == 0)
        #expect(child.standardOutput.hasSuffix("Stopped.\n"))
    }

    /// A real restart in a child process (never in the test process): same pid, same port even
    /// when started on port 0, sessions gone, tokens still verifying.
    @Test func allowedRestartReexecutesOnTheSamePortForgettingSessions() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("svt-exe-\(UUID().uuidString)")
        let child = try ChildProcess(
            executable, ChildProcess.serverArguments(directory, ["--allow-restart", "--quiet"]), directory: directory)
        let port = try #require(child.bannerPort())
        let client = LoopbackClient(port: port)
        let credentials = #"{"username":"edgaras","password":"passport42"}"#
        let sid = try #require(try client.send("POST", "/session/login", json: credentials).cookie("sid"))
        let access = try #require(try client.send("POST", "/token/login", json: credentials).json["access_token"] as? String)

        #expect(try client.send("POST", "/api/admin/restart").status == 202)
        #expect(child.waitForOutput { $0.components(separatedBy: "Open  http://127.0.0.1:\(port)/").count == 3 })
        #expect(child.process.isRunning)
        #expect(try client.send("GET", "/session/me", headers: [("Cookie", "sid=" + sid)]).status == 401)
        #expect(try client.send("GET", "/token/me", headers: [("Authorization", "Bearer " + access)]).status == 200)
        child.terminate()
        #expect(child.waitForExit(timeoutSeconds: 10) == 0)
    }

    @Test func requestLogHasOneLinePerRequestAndNoSecrets() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("svt-exe-\(UUID().uuidString)")
        let child = try ChildProcess(executable, ChildProcess.serverArguments(directory), directory: directory)
        let client = LoopbackClient(port: try #require(child.bannerPort()))
        let secrets = [("Cookie", "sid=SECRETVALUE"), ("Authorization", "Bearer SECRETTOKEN")]
        #expect(try client.send("GET", "/api/books?secret=zzz", headers: secrets).status == 200)
        #expect(try client.send("GET", "/session/me", headers: secrets).status == 401)
        #expect(try client.send("DELETE", "/healthz?x=1").status == 405)
        #expect(child.waitForOutput { Self.logLines($0).count >= 3 })
        child.terminate()
        #expect(child.waitForExit(timeoutSeconds: 10) == 0)

        let lines = Self.logLines(child.standardOutput)
        #expect(lines.count == 3)
        #expect(lines.contains { $0.hasPrefix("GET /api/books 200 ") })
        #expect(lines.contains { $0.hasPrefix("GET /session/me 401 ") })
        #expect(lines.contains { $0.hasPrefix("DELETE /healthz 405 ") })
        for secret in ["SECRETVALUE", "SECRETTOKEN", "zzz", "secret="] {
            #expect(!child.standardOutput.contains(secret), "the log printed \(secret)")
        }
        #expect(lines.allSatisfy { !$0.contains("?") }, "no query string in a log line")
    }

    @Test func quietPrintsNoRequestLines() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("svt-exe-\(UUID().uuidString)")
        let child = try ChildProcess(executable, ChildProcess.serverArguments(directory, ["--quiet"]), directory: directory)
        let client = LoopbackClient(port: try #require(child.bannerPort()))
        #expect(try client.send("GET", "/api/books").status == 200)
        #expect(try client.send("GET", "/nowhere").status == 404)
        child.terminate()
        #expect(child.waitForExit(timeoutSeconds: 10) == 0)
        #expect(Self.logLines(child.standardOutput).isEmpty)
        #expect(child.standardOutput.contains("Stopped."))
    }

    @Test func keysRotatePrintsTheNewKidAndExitsZero() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("svt-exe-\(UUID().uuidString)")
        let db = directory.appendingPathComponent("bookstore.sqlite").path
        let first = try ChildProcess(executable, ["keys", "rotate", "--db", db, "--password-iterations", "1000"], directory: directory)
        #expect(first.waitForExit() == 0)
        let kid = try #require(first.standardOutput.firstMatch(of: /kid (\S+)/)?.1)
        #expect(first.standardOutput.contains("new ES256 signing key: kid \(kid)"))
        #expect(first.standardOutput.contains("still verifies until"), "the key made on first use is retired, and says until when")
    }
}

extension ExecutableTests {
    static var hasTLSTools: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl") && FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")
    }

    /// A one-day self-signed P-256 certificate for 127.0.0.1 and its key, in `directory`.
    static func makeCertificate(in directory: URL) throws -> (certificate: String, key: String) {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let certificate = directory.appendingPathComponent("cert.pem").path
        let key = directory.appendingPathComponent("key.pem").path
        let result = try run(
            "/usr/bin/openssl",
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1", "-days", "1", "-keyout", key, "-out", certificate,
            ])
        try #require(result.status == 0, "openssl req failed")
        return (certificate, key)
    }

    /// Runs a short-lived program to completion; its exit status and standard output.
    static func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

extension ChildProcess {
    /// The port from the HTTPS banner line `Open  https://127.0.0.1:<port>/`, once it is printed.
    func httpsBannerPort() -> Int? {
        var port: Int?
        _ = waitForOutput { text in
            guard let match = text.firstMatch(of: /Open  https:\/\/127\.0\.0\.1:([0-9]+)\//) else { return false }
            port = Int(match.1)
            return true
        }
        return port
    }
}

/// The `contrast` subcommand as a process: it runs its own servers and prints the table.
@Suite(.enabled(if: ChildProcess.executable != nil, "build the executable first: swift build"))
struct ContrastCommandProcessTests {
    @Test func contrastPrintsEveryStepAndExitsZero() throws {
        let child = try ChildProcess(ChildProcess.executable!, ["contrast", "--password-iterations", "1000", "--threads", "1"])
        #expect(child.waitForExit(timeoutSeconds: 60) == 0)
        let output = child.standardOutput
        #expect(output.hasPrefix("step"))
        for step in ["sign in", "restart the server", "tamper with the credential"] { #expect(output.contains(step)) }
        #expect(child.standardError.isEmpty)
    }
}
