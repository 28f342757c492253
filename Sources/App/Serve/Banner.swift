/// The startup text a workshop presenter reads aloud: where to point the browser,
/// which database and key are in use, and how to stop.
package enum Banner {
    package static func text(configuration c: AppConfiguration, boundPort: Int, threads: Int) -> String {
        let shownHost = c.host == "0.0.0.0" || c.host == "::" ? "127.0.0.1" : c.host
        let urlHost = shownHost.contains(":") ? "[\(shownHost)]" : shownHost
        // Over TLS the session cookie gets `Secure` and the CSRF check expects https:// origins.
        let scheme = c.tls == nil ? "http" : "https"
        let revocation =
            c.revocation == .denylist ? "denylist (logout revokes the access token: server state)" : "none (access tokens live to exp)"
        return """

              sessions-vs-tokens — coat-check vs passport, side by side

              Open  \(scheme)://\(urlHost):\(boundPort)/

              database     \(c.databasePath)
              JWT          \(c.jwtAlgorithm), access tokens \(c.accessTTLSeconds) s, leeway \(c.leewaySeconds) s
              revocation   \(revocation)
              sessions     at most \(c.maxSessions), idle \(c.sessionIdleSeconds) s, absolute \(c.sessionMaxAgeSeconds) s
              TLS          \(c.tls.map { "certificate \($0.certificateChainPath), TLS 1.2+, ALPN http/1.1" } ?? "off (plain HTTP)")
              threads      \(threads) event loops\(c.quiet ? ", request log off (--quiet)" : "")

              Demo users: edgaras/passport42, admin/admin-demo, reader/reader-demo
              Stop with Ctrl-C.

            """
    }
}
