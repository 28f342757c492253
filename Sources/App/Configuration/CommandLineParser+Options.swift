extension CommandLineParser {
    static let portOption = Option(name: "--port", value: "PORT", help: "TCP port (default 8080, or $PORT; 0 picks a free one)") {
        $0.port = try integer("--port", $1, in: 0...65_535)
    }

    /// Every flag, in the order `--help` lists them.
    static let options: [Option] = [
        Option(name: "--host", value: "ADDRESS", help: "IPv4 or IPv6 address to listen on (default 127.0.0.1)") {
            $0.host = try address("--host", $1)
        },
        portOption,
        Option(name: "--db", value: "PATH", help: "SQLite database file (default ./bookstore.sqlite)") { $0.databasePath = $1 },
        Option(name: "--static", value: "DIR", help: "folder of the teaching page (default ./Static)") { $0.staticDirectory = $1 },
        Option(name: "--threads", value: "N", help: "event-loop threads (default: one per core)") {
            $0.threads = try integer("--threads", $1, in: 1...256)
        },
        Option(name: "--quiet", value: nil, help: "no request log lines") { config, _ in config.quiet = true },
        Option(name: "--jwt-alg", value: "ES256|HS256", help: "the one JWT algorithm accepted (default ES256)") { config, value in
            guard ["ES256", "HS256"].contains(value) else {
                throw CommandLineError("--jwt-alg must be ES256 or HS256, not '\(value.sanitized)'.")
            }
            config.jwtAlgorithm = value
        },
        Option(name: "--access-ttl", value: "SECONDS", help: "access-token lifetime (default 300)") {
            $0.accessTTLSeconds = try integer("--access-ttl", $1, in: 1...86_400)
        },
        Option(name: "--leeway", value: "SECONDS", help: "clock-skew leeway for exp/nbf/iat (default 30)") {
            $0.leewaySeconds = try integer("--leeway", $1, in: 0...300)
        },
        Option(
            name: "--revocation", value: "none|denylist", help: "denylist: logout also revokes the access token's jti (server state again)"
        ) {
            config, value in
            guard let mode = AppConfiguration.Revocation(rawValue: value) else {
                throw CommandLineError("--revocation must be none or denylist, not '\(value.sanitized)'.")
            }
            config.revocation = mode
        },
        Option(
            name: "--signing-key", value: "PATH",
            help: "JWT signing key file: PEM P-256 key (ES256) or text secret (HS256); created 0600 if missing"
        ) {
            $0.signingKeyPath = $1
        },
        Option(name: "--password-iterations", value: "N", help: "PBKDF2 iterations for new password hashes (default 600000)") {
            $0.passwordIterations = try integer("--password-iterations", $1, in: 1...10_000_000)
        },
        Option(name: "--max-sessions", value: "N", help: "session-table bound; past it the least recently used is evicted (default 100000)")
        {
            $0.maxSessions = try integer("--max-sessions", $1, in: 1...10_000_000)
        },
        Option(name: "--session-idle", value: "SECONDS", help: "session idle timeout (default 1800)") {
            $0.sessionIdleSeconds = try integer("--session-idle", $1, in: 1...31_536_000)
        },
        Option(name: "--session-max-age", value: "SECONDS", help: "session absolute timeout (default 28800)") {
            $0.sessionMaxAgeSeconds = try integer("--session-max-age", $1, in: 1...31_536_000)
        },
        Option(name: "--max-header-bytes", value: "N", help: "request line + headers limit; past it 431 (default 16384)") {
            $0.limits.maxHeaderBytes = try integer("--max-header-bytes", $1, in: 1_024...1_048_576)
        },
        Option(name: "--max-body-bytes", value: "N", help: "request body limit; past it 413 (default 65536)") {
            $0.limits.maxBodyBytes = try integer("--max-body-bytes", $1, in: 0...67_108_864)
        },
        Option(name: "--header-timeout", value: "SECONDS", help: "close a client that has not sent its whole request by then (default 10)")
        {
            $0.limits.headerReadTimeoutSeconds = Double(try integer("--header-timeout", $1, in: 1...3_600))
        },
        Option(name: "--idle-timeout", value: "SECONDS", help: "close a keep-alive connection idle this long (default 60)") {
            $0.limits.keepAliveIdleTimeoutSeconds = Double(try integer("--idle-timeout", $1, in: 1...86_400))
        },
        Option(name: "--max-connections", value: "N", help: "open connections at most; past it new ones are refused (default 10000)") {
            $0.limits.maxConnections = try integer("--max-connections", $1, in: 1...1_000_000)
        },
        Option(name: "--allow-restart", value: nil, help: "enable POST /api/admin/restart (loopback only)") { config, _ in
            config.allowRestart = true
        },
        Option(name: "--tls-cert", value: "PATH", help: "PEM certificate chain: serve HTTPS (TLS 1.2+) with --tls-key") {
            $0.tlsCertificatePath = $1
        },
        Option(name: "--tls-key", value: "PATH", help: "PEM private key of --tls-cert (give both or neither)") {
            $0.tlsKeyPath = $1
        },
    ]

    package static var helpText: String {
        let width = options.map { $0.name.count + ($0.value.map { $0.count + 1 } ?? 0) }.max() ?? 0
        let rows = options.map { ($0.name + ($0.value.map { " " + $0 } ?? ""), $0.help) } + [("--help", "this text")]
        let lines = rows.map { left, help in "  " + left + String(repeating: " ", count: width - left.count + 2) + help }
        return """
            sessions-vs-tokens: cookie sessions and bearer tokens, side by side, over one bookstore.

            USAGE
              sessions-vs-tokens [serve] [flags]     start the server (the default)
              sessions-vs-tokens keys rotate [flags] make a new JWT signing key (uses --db, --jwt-alg, --signing-key)
              sessions-vs-tokens contrast [flags]    run the scripted contrast on a temporary server and print it

            FLAGS
            \(lines.joined(separator: "\n"))

            Open http://127.0.0.1:8080/ after `swift run` to see both panels.
            """
    }
}
