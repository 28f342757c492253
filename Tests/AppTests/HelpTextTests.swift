import HTTPServer
import Testing

@testable import App

/// `--help` is the only manual a workshop attendee reads: it must list every flag the
/// parser knows and every flag api.md promises, and say plainly what is not supported.
@Suite struct HelpTextTests {
    /// api.md's command line, written out by hand so a flag dropped from the table fails here.
    static let apiMdFlags = [
        "--host", "--port", "--db", "--static", "--threads", "--quiet", "--jwt-alg", "--access-ttl", "--leeway", "--revocation",
        "--password-iterations", "--max-sessions", "--session-idle", "--session-max-age", "--allow-restart", "--tls-cert",
        "--tls-key", "--signing-key", "--help",
    ]

    /// The help line that documents `flag`: a line starting with two spaces and the flag.
    static func line(for flag: String) -> Substring? {
        CommandLineParser.helpText.split(separator: "\n").first { $0.hasPrefix("  \(flag) ") || $0 == "  \(flag)" }
    }

    @Test func helpListsEveryFlagOfTheOptionsTableWithItsHelp() {
        for option in CommandLineParser.options {
            let line = Self.line(for: option.name)
            #expect(line != nil, "\(option.name) is missing from --help")
            #expect(line?.contains(option.help) == true)
            if let value = option.value { #expect(line?.contains(value) == true, "\(option.name) should show \(value)") }
        }
    }

    @Test(arguments: apiMdFlags)
    func helpListsEveryFlagOfApiMd(_ flag: String) {
        #expect(Self.line(for: flag) != nil)
    }

    @Test(arguments: apiMdFlags.filter { $0 != "--help" })
    func everyApiMdFlagParses(_ flag: String) {
        let option = CommandLineParser.options.first { $0.name == flag }
        #expect(option != nil, "\(flag) is not in the options table")
        guard let option else { return }
        // A value the flag accepts: a number for numeric flags, a word for the rest.
        let value: String? =
            switch flag {
            case "--jwt-alg": "HS256"
            case "--revocation": "denylist"
            case "--host": "127.0.0.2"
            default: option.value.map { $0.contains("N") || $0.contains("SECONDS") || $0 == "PORT" ? "7" : "x" }
            }
        #expect(throws: Never.self) { try CommandLineParser.parse([flag] + (value.map { [$0] } ?? [])) }
    }

    @Test func helpNamesTheSubcommandsAndTheDefaults() {
        let text = CommandLineParser.helpText
        #expect(text.contains("USAGE"))
        #expect(text.contains("keys rotate"))
        #expect(text.contains("contrast"))
        #expect(text.contains("default 8080"))
        #expect(text.contains("default ES256"))
    }

    @Test(arguments: ["--tls-cert", "--tls-key"])
    func tlsFlagsAreDocumentedAsPEMFilesForHTTPS(_ flag: String) {
        #expect(Self.line(for: flag)?.contains("PEM") == true)
        #expect(Self.line(for: flag)?.contains("not supported") == false)
    }
}

/// `--tls-cert` / `--tls-key` serve HTTPS together; one without the other is a usage
/// mistake refused before anything opens, instead of plain HTTP for someone who asked for HTTPS.
@Suite struct ServeRefusalTests {
    @Test func plainConfigurationMayServe() {
        #expect(ServeCommand.refusal(for: AppConfiguration()) == nil)
        #expect(AppConfiguration().tls == nil)
    }

    @Test(arguments: [["--tls-cert", "c.pem", "--tls-key", "k.pem"], ["--tls-cert=c.pem", "--tls-key=k.pem"]])
    func bothTLSFlagsServeHTTPS(_ arguments: [String]) throws {
        guard case .serve(let configuration) = try CommandLineParser.parse(arguments) else {
            Issue.record("TLS flags should parse as serve")
            return
        }
        #expect(ServeCommand.refusal(for: configuration) == nil)
        #expect(configuration.tls == TLSConfiguration(certificateChainPath: "c.pem", privateKeyPath: "k.pem"))
    }

    @Test(arguments: [
        (["--tls-cert", "c.pem"], "--tls-cert needs --tls-key"), (["--tls-key", "k.pem"], "--tls-key needs --tls-cert"),
    ])
    func oneTLSFlagAloneIsRefusedNamingTheOther(_ arguments: [String], _ message: String) throws {
        guard case .serve(let configuration) = try CommandLineParser.parse(arguments) else {
            Issue.record("TLS flags should still parse as serve")
            return
        }
        #expect(ServeCommand.refusal(for: configuration)?.hasPrefix(message) == true)
        #expect(configuration.tls == nil)
    }

    @Test func restartKeepsTheTLSFlags() {
        let arguments = ["/bin/svt", "--tls-cert", "c.pem", "--tls-key", "k.pem", "--port", "0"]
        let restarted = ServeCommand.restartArguments(arguments, configuredPort: 0, boundPort: 8443)
        #expect(restarted == arguments + ["--port", "8443"])
    }

    @Test func bannerShowsHTTPSOnlyWithTLS() {
        var configuration = AppConfiguration()
        #expect(Banner.text(configuration: configuration, boundPort: 8080, threads: 1).contains("Open  http://127.0.0.1:8080/"))
        configuration.tlsCertificatePath = "c.pem"
        configuration.tlsKeyPath = "k.pem"
        let text = Banner.text(configuration: configuration, boundPort: 8443, threads: 1)
        #expect(text.contains("Open  https://127.0.0.1:8443/"))
        #expect(text.contains("certificate c.pem"))
    }

    @Test func refusedServeExitsWithTwoBeforeOpeningAnything() {
        var configuration = AppConfiguration()
        configuration.tlsCertificatePath = "c.pem"
        configuration.databasePath = "/nonexistent-dir-\(Int.random(in: 0..<1_000_000))/never.sqlite"
        #expect(ServeCommand.run(configuration) == 2)
    }
}
