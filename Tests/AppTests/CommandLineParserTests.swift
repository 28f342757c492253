import Foundation
import Testing

@testable import App

/// The command line as pure parsing: api.md's defaults, both spellings of every
/// flag, `$PORT`, bad values with a message a person can act on, and subcommands.
@Suite struct CommandLineParserTests {
    /// Parses and expects `serve`; records a failure otherwise.
    static func serve(_ arguments: [String], environment: [String: String] = [:]) throws -> AppConfiguration {
        let command = try CommandLineParser.parse(arguments, environment: environment)
        guard case .serve(let configuration) = command else {
            Issue.record("expected serve, got \(command)")
            return AppConfiguration()
        }
        return configuration
    }

    /// The message of the `CommandLineError` that parsing throws, or nil when it parses.
    static func failure(_ arguments: [String], environment: [String: String] = [:]) -> String? {
        do {
            _ = try CommandLineParser.parse(arguments, environment: environment)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func noArgumentsServesWithApiMdDefaults() throws {
        let c = try Self.serve([])
        #expect(c.host == "127.0.0.1")
        #expect(c.port == 8080)
        #expect(c.databasePath == "./bookstore.sqlite")
        #expect(c.staticDirectory == "./Static")
        #expect(c.threads == nil)
        #expect(c.quiet == false)
        #expect(c.jwtAlgorithm == "ES256")
        #expect(c.accessTTLSeconds == 300)
        #expect(c.leewaySeconds == 30)
        #expect(c.revocation == .none)
        #expect(c.passwordIterations == 600_000)
        #expect(c.maxSessions == 100_000)
        #expect(c.sessionIdleSeconds == 1_800)
        #expect(c.sessionMaxAgeSeconds == 28_800)
        #expect(c.allowRestart == false)
        #expect(c.signingKeyPath == nil)
        #expect(c.tlsCertificatePath == nil && c.tlsKeyPath == nil)
        #expect(try Self.serve(["serve"]) == c)
    }

    /// One flag with a value, and the setting it must produce.
    struct ValueFlag: Sendable, CustomTestStringConvertible {
        let flag: String
        let value: String
        let check: @Sendable (AppConfiguration) -> Bool
        var testDescription: String { "\(flag) \(value)" }
    }

    static let valueFlags: [ValueFlag] = [
        ValueFlag(flag: "--host", value: "0.0.0.0") { $0.host == "0.0.0.0" },
        ValueFlag(flag: "--port", value: "9091") { $0.port == 9091 },
        ValueFlag(flag: "--db", value: "/tmp/x.sqlite") { $0.databasePath == "/tmp/x.sqlite" },
        ValueFlag(flag: "--static", value: "/srv/page") { $0.staticDirectory == "/srv/page" },
        ValueFlag(flag: "--threads", value: "3") { $0.threads == 3 },
        ValueFlag(flag: "--jwt-alg", value: "HS256") { $0.jwtAlgorithm == "HS256" },
        ValueFlag(flag: "--access-ttl", value: "60") { $0.accessTTLSeconds == 60 },
        ValueFlag(flag: "--leeway", value: "5") { $0.leewaySeconds == 5 },
        ValueFlag(flag: "--revocation", value: "denylist") { $0.revocation == .denylist },
        ValueFlag(flag: "--password-iterations", value: "1000") { $0.passwordIterations == 1_000 },
        ValueFlag(flag: "--max-sessions", value: "10") { $0.maxSessions == 10 },
        ValueFlag(flag: "--session-idle", value: "60") { $0.sessionIdleSeconds == 60 },
        ValueFlag(flag: "--session-max-age", value: "120") { $0.sessionMaxAgeSeconds == 120 },
        ValueFlag(flag: "--signing-key", value: "/tmp/key.pem") { $0.signingKeyPath == "/tmp/key.pem" },
        ValueFlag(flag: "--tls-cert", value: "/tmp/cert.pem") { $0.tlsCertificatePath == "/tmp/cert.pem" },
        ValueFlag(flag: "--tls-key", value: "/tmp/key.pem") { $0.tlsKeyPath == "/tmp/key.pem" },
        ValueFlag(flag: "--max-body-bytes", value: "1024") { $0.limits.maxBodyBytes == 1_024 },
    ]

    @Test(arguments: valueFlags)
    func flagWithSeparateValueSetsItsSetting(_ flag: ValueFlag) throws {
        let c = try Self.serve([flag.flag, flag.value])
        #expect(flag.check(c))
        #expect(!flag.check(AppConfiguration()), "the test value must differ from the default")
    }

    @Test(arguments: valueFlags)
    func flagWithEqualsValueSetsItsSetting(_ flag: ValueFlag) throws {
        #expect(flag.check(try Self.serve(["\(flag.flag)=\(flag.value)"])))
    }

    @Test(arguments: [("localhost", "127.0.0.1"), ("::1", "::1"), ("0.0.0.0", "0.0.0.0"), ("::", "::")])
    func hostAcceptsAddressesAndLocalhost(_ value: String, _ host: String) throws {
        #expect(try Self.serve(["--host", value]).host == host)
    }

    @Test func switchesTurnOnAndRefuseAValue() throws {
        let c = try Self.serve(["--quiet", "--allow-restart"])
        #expect(c.quiet && c.allowRestart)
        #expect(Self.failure(["--quiet=yes"])?.contains("--quiet takes no value") == true)
    }

    @Test func portEnvironmentVariableIsUsedAndPortFlagOverridesIt() throws {
        #expect(try Self.serve([], environment: ["PORT": "9000"]).port == 9000)
        #expect(try Self.serve(["--port", "9001"], environment: ["PORT": "9000"]).port == 9001)
        let message = Self.failure([], environment: ["PORT": "http"])
        #expect(message?.contains("PORT environment variable") == true)
    }

    /// Bad values, and words the message must contain to tell the user what would work.
    static let badValues: [([String], [String])] = [
        (["--port", "70000"], ["--port", "0 to 65535", "70000"]),
        (["--port=-1"], ["--port", "0 to 65535"]),
        (["--port", "eighty"], ["--port", "eighty"]),
        (["--jwt-alg", "RS256"], ["--jwt-alg", "ES256 or HS256", "RS256"]),
        (["--revocation", "maybe"], ["--revocation", "none or denylist", "maybe"]),
        (["--threads", "0"], ["--threads", "1 to 256"]),
        (["--access-ttl", "0"], ["--access-ttl"]),
        (["--password-iterations", "0"], ["--password-iterations"]),
        (["--host", "example.com"], ["--host", "IPv4 or IPv6 address", "example.com"]),
        (["--host", "127.0.0.1:80"], ["--host"]),
        (["--port"], ["--port needs a value"]),
        (["--db", "--quiet"], ["--db needs a value", "--quiet"]),
    ]

    @Test(arguments: badValues)
    func badValueIsRejectedWithAClearMessage(_ arguments: [String], _ words: [String]) {
        let message = Self.failure(arguments)
        #expect(message != nil)
        for word in words { #expect(message?.contains(word) == true, "\(message ?? "nil") lacks \(word)") }
    }

    @Test func unknownFlagThrowsCommandLineErrorNamingIt() {
        #expect(throws: CommandLineError.self) { try CommandLineParser.parse(["--bogus"]) }
        #expect(Self.failure(["--port", "1", "--bogus=3"])?.contains("'--bogus'") == true)
        #expect(Self.failure(["--bogus\u{1B}[31m"])?.contains("\u{1B}") == false, "control bytes are not echoed")
    }

    @Test func unknownCommandIsRejected() {
        #expect(Self.failure(["launch"])?.contains("Unknown command 'launch'") == true)
        #expect(Self.failure(["keys"])?.contains("keys rotate") == true)
        #expect(Self.failure(["keys", "delete"])?.contains("'keys delete'") == true)
    }

    @Test func keysRotateAndContrastAreSubcommandsWithFlags() throws {
        guard case .rotateKeys(let rotate) = try CommandLineParser.parse(["keys", "rotate", "--db", "/tmp/k.sqlite"]) else {
            Issue.record("keys rotate did not parse as rotateKeys")
            return
        }
        #expect(rotate.databasePath == "/tmp/k.sqlite")
        guard case .contrast(let contrast) = try CommandLineParser.parse(["contrast", "--revocation=denylist"]) else {
            Issue.record("contrast did not parse as contrast")
            return
        }
        #expect(contrast.revocation == .denylist)
    }

    @Test(arguments: [["--help"], ["-h"], ["help"], ["serve", "--port", "1", "--help"], ["contrast", "--help"]])
    func helpIsAskedFor(_ arguments: [String]) throws {
        #expect(try CommandLineParser.parse(arguments) == .help(CommandLineParser.helpText))
    }
}
