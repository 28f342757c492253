import Foundation
import HTTPServer

#if canImport(Glibc)
    import Glibc
#endif

/// A chromedriver child process on a free loopback port, for the browser test.
/// `stop()` ends it (and with it any Chromium it started); call it in a `defer`.
struct WebDriverProcess {
    /// Where Debian's `chromium` and `chromium-driver` packages install the two programs.
    static let chromedriverPath = "/usr/bin/chromedriver"
    static let chromiumPath = "/usr/bin/chromium"
    /// How long chromedriver may take to answer /status after it starts.
    static let startTimeoutSeconds = 10.0
    /// How long chromedriver may take to exit after /shutdown before it is killed.
    static let stopTimeoutSeconds = 3.0
    /// How often to ask /status (or check for exit) while waiting.
    static let pollIntervalMicroseconds: UInt32 = 50_000

    /// Both programs present and executable: the condition for running the browser test.
    static var isInstalled: Bool {
        FileManager.default.isExecutableFile(atPath: chromedriverPath) && FileManager.default.isExecutableFile(atPath: chromiumPath)
    }

    let port: Int
    private let process: Process

    /// Starts chromedriver and waits until it reports ready.
    init() throws {
        port = try Self.freeLoopbackPort()
        process = Process()
        process.executableURL = URL(fileURLWithPath: Self.chromedriverPath)
        process.arguments = ["--port=\(port)", "--allowed-ips=127.0.0.1"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(Self.startTimeoutSeconds)
        while Date() < deadline {
            if let answer = try? WebDriverHTTP.send(port: port, "GET", "/status"),
                let value = (answer.json as? [String: Any])?["value"] as? [String: Any], value["ready"] as? Bool == true
            {
                return
            }
            usleep(Self.pollIntervalMicroseconds)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        throw SystemError(errno: ETIMEDOUT, call: "start chromedriver on port \(port)")
    }

    /// Ends chromedriver and waits for it, so no process outlives the test.
    ///
    /// Foundation's `Process` passes on the spawning thread's signal mask, and
    /// test threads block SIGTERM, so `terminate()` would be ignored. chromedriver's
    /// own `/shutdown` command ends it cleanly; SIGKILL (which cannot be blocked) is the fallback.
    func stop() {
        _ = try? WebDriverHTTP.send(port: port, "GET", "/shutdown")
        let deadline = Date().addingTimeInterval(Self.stopTimeoutSeconds)
        while process.isRunning && Date() < deadline { usleep(Self.pollIntervalMicroseconds) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// Asks the kernel for a free port by binding port 0, then releases it for chromedriver.
    private static func freeLoopbackPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SystemError(errno: errno, call: "socket") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw SystemError(errno: errno, call: "bind port 0") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
