/// Every setting of a running server, with the defaults api.md's command line names.
/// Parsed from flags by `CommandLineParser`; the same struct is what tests build directly.
import HTTPServer

package struct AppConfiguration: Sendable, Equatable {
    /// How logout treats an access token that is still within its lifetime.
    package enum Revocation: String, Sendable, Equatable, CaseIterable {
        /// Stateless: the token stays valid until `exp` (the honest price of tokens).
        case none
        /// The server remembers revoked `jti`s until their `exp`: server state again.
        case denylist
    }

    package var host = "127.0.0.1"
    package var port = 8080
    package var databasePath = "./bookstore.sqlite"
    package var staticDirectory = "./Static"
    /// Event-loop threads; nil means one per core.
    package var threads: Int? = nil
    package var quiet = false
    /// Request-size limits and timeouts of the HTTP server (api.md: 16 KiB of head, 64 KiB of body).
    package var limits = HTTPLimits()

    package var jwtAlgorithm = "ES256"
    package var accessTTLSeconds = 300
    package var leewaySeconds = 30
    package var revocation = Revocation.none
    package var signingKeyPath: String? = nil

    /// PBKDF2-HMAC-SHA256 iterations for new hashes (OWASP 2023 recommends 600,000).
    package var passwordIterations = 600_000

    package var maxSessions = 100_000
    package var sessionIdleSeconds = 1_800
    package var sessionMaxAgeSeconds = 28_800

    package var allowRestart = false

    /// `--tls-cert` / `--tls-key`: the PEM certificate chain and private key to serve HTTPS
    /// with. Both or neither: `serve` refuses one without the other (see `ServeCommand.refusal`).
    package var tlsCertificatePath: String? = nil
    package var tlsKeyPath: String? = nil

    package init() {}

    /// The server's TLS settings when both paths are given; nil (plain HTTP) otherwise.
    package var tls: TLSConfiguration? {
        guard let tlsCertificatePath, let tlsKeyPath else { return nil }
        return TLSConfiguration(certificateChainPath: tlsCertificatePath, privateKeyPath: tlsKeyPath)
    }
}
