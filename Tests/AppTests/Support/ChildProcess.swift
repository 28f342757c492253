import AppTestSupport
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The built `sessions-vs-tokens` executable, run as a child process, with its
/// standard output and error captured in temporary files so a test can read
/// them while the process still runs (a pipe would need a reader thread).
final class ChildProcess {
    /// How long a test waits for a line or an exit before failing instead of hanging.
    static let defaultTimeoutSeconds = 10.0
    /// Pause between two looks at a child's output: the child runs on its own clock, so polling is the only way.
    static let pollIntervalMicroseconds: UInt32 = 20_000

    /// `<repo>/.build/debug/sessions-vs-tokens`; `swift test` builds it with the tests.
    static var executable: URL? {
        let url = TestApp.repositoryRoot.appendingPathComponent(".build/debug/sessions-vs-tokens")
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }

    let process = Process()
    let directory: URL
    private let outputURL: URL
    private let errorURL: URL

    /// Starts the executable with `arguments` in a fresh temporary folder (also its working directory).
    init(_ executable: URL, _ arguments: [String], directory: URL? = nil) throws {
        self.directory =
            directory ?? FileManager.default.temporaryDirectory.appendingPathComponent("svt-exe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
        outputURL = self.directory.appendingPathComponent("stdout.txt")
        errorURL = self.directory.appendingPathComponent("stderr.txt")
        try Data().write(to: outputURL)
        try Data().write(to: errorURL)
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = self.directory
        var environment = ProcessInfo.processInfo.environment
        environment["PORT"] = nil
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: outputURL)
        process.standardError = try FileHandle(forWritingTo: errorURL)
        try process.run()
    }

    /// The default flags of a server under test: its own database, fast hashing, one loop, any free port.
    static func serverArguments(_ directory: URL, _ extra: [String] = []) -> [String] {
        [
            "--db", directory.appendingPathComponent("bookstore.sqlite").path, "--password-iterations", "1000", "--threads", "1",
            "--port", "0", "--static", TestApp.repositoryRoot.appendingPathComponent("Static").path,
        ] + extra
    }

    var standardOutput: String { (try? String(contentsOf: outputURL, encoding: .utf8)) ?? "" }
    var standardError: String { (try? String(contentsOf: errorURL, encoding: .utf8)) ?? "" }

    /// Polls standard output until `done` holds; false after the timeout or if the process exits first.
    func waitForOutput(timeoutSeconds: Double = defaultTimeoutSeconds, until done: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while Date() < deadline {
            if done(standardOutput) { return true }
            if !process.isRunning { return done(standardOutput) }
            usleep(Self.pollIntervalMicroseconds)
        }
        return false
    }

    /// The exit status, or nil when the process is still running after the timeout.
    func waitForExit(timeoutSeconds: Double = defaultTimeoutSeconds) -> Int32? {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while process.isRunning && Date() < deadline { usleep(Self.pollIntervalMicroseconds) }
        guard !process.isRunning else { return nil }
        return process.terminationStatus
    }

    /// The port from the banner line `Open  http://127.0.0.1:<port>/`, once it is printed.
    func bannerPort() -> Int? {
        var port: Int?
        _ = waitForOutput { text in
            guard let range = text.range(of: #"Open  http://127\.0\.0\.1:[0-9]+/"#, options: .regularExpression) else { return false }
            port = Int(text[range].dropFirst("Open  http://127.0.0.1:".count).dropLast())
            return true
        }
        return port
    }

    /// Sends SIGTERM, as `docker stop` and systemd do.
    func terminate() { process.terminate() }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }
}

/// A TCP socket that holds a loopback port, so a test can make "port already in use" happen.
final class HeldPort {
    let fd: Int32
    let port: Int

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard fd >= 0, bound == 0, listen(fd, 1) == 0 else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.fd = fd
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(fd) }
}
