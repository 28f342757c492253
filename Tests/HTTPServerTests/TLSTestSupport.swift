import Foundation
import Testing

@testable import HTTPServer

/// A throwaway self-signed P-256 certificate for `127.0.0.1` and its key, made with the
/// openssl command line in a fresh temporary folder, so no key is ever checked in.
/// Call `remove()` when done (the live-server helper does).
struct TLSFixture {
    static let openssl = "/usr/bin/openssl"
    static let curl = "/usr/bin/curl"
    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: openssl) }
    static var hasCurl: Bool { FileManager.default.isExecutableFile(atPath: curl) }

    let directory: URL
    let certificatePath: String
    let keyPath: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("svt-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        (certificatePath, keyPath) = try Self.makePair(in: directory, named: "server")
    }

    var configuration: TLSConfiguration { TLSConfiguration(certificateChainPath: certificatePath, privateKeyPath: keyPath) }

    /// Writes a file of this fixture's folder (a garbage certificate, say) and returns its path.
    func write(_ text: String, to name: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    /// `openssl req -x509` for a one-day P-256 certificate with `IP:127.0.0.1` as its name.
    static func makePair(in directory: URL, named name: String) throws -> (certificate: String, key: String) {
        let certificate = directory.appendingPathComponent("\(name)-cert.pem").path
        let key = directory.appendingPathComponent("\(name)-key.pem").path
        let result = try run(
            openssl,
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1", "-days", "1", "-keyout", key, "-out", certificate,
            ])
        guard result.status == 0 else { throw TestClientError(description: "openssl req failed: \(result.error)") }
        return (certificate, key)
    }

    /// Runs a program to completion; its exit status, standard output and standard error.
    static func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read before waiting, so a chatty child never blocks on a full pipe.
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }
}

/// Answers `secure=<isSecure>` on `/secure`, and defers to `EchoResponder` otherwise,
/// so a test sees with its own eyes what the responder was told about the connection.
struct SecureProbeResponder: HTTPResponder {
    func respond(to request: HTTPRequest) -> HTTPResponse {
        request.path == "/secure" ? .text("secure=\(request.isSecure)") : EchoResponder().respond(to: request)
    }
}

/// Starts an HTTPS server on 127.0.0.1 port 0 with a fresh certificate, runs `body`,
/// and always shuts the server down and deletes the certificate.
func withTLSServer(
    limits: HTTPLimits = HTTPLimits(), threads: Int = 1, responder: any HTTPResponder = SecureProbeResponder(),
    offloadThreads: Int? = nil, _ body: (Int, TLSFixture) throws -> Void
) throws {
    let fixture = try TLSFixture()
    defer { fixture.remove() }
    let configuration = HTTPServerConfiguration(
        host: "127.0.0.1", port: 0, threads: threads, limits: limits, offloadThreads: offloadThreads, tls: fixture.configuration)
    let server = HTTPServer(configuration: configuration, responder: responder)
    let port = try server.start()
    defer {
        server.shutdown()
        server.waitUntilStopped()
    }
    try body(port, fixture)
}
