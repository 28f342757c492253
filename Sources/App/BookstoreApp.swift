import Bookstore
import Foundation
import HTTPServer
import JWT
import Sessions
import Tokens

/// One running bookstore: the database, the coat-check's session table, the
/// passport office's keys, both routers over one HTTP server.
package final class BookstoreApp: Sendable {
    package let configuration: AppConfiguration
    package let store: Bookstore
    package let sessions: SessionTable
    package let keys: KeyRing
    package let router: Router
    let server: HTTPServer
    let sweeper: SessionSweeper
    /// Called by `POST /api/admin/restart` (when allowed) after the 202 is queued.
    let restartRequested: RestartFlag

    /// Opens (or creates and seeds) the database, loads or makes the signing key, builds the routes.
    package init(
        configuration c: AppConfiguration, log: (@Sendable (String) -> Void)? = nil, clock: @escaping @Sendable () -> Date = Date.init
    )
        throws
    {
        configuration = c
        let threads = c.threads ?? HTTPServerConfiguration.defaultThreads
        store = try Bookstore(path: c.databasePath, connections: threads, passwordIterations: c.passwordIterations, now: clock)
        sessions = SessionTable(
            maxSessions: c.maxSessions, idleTimeoutSeconds: c.sessionIdleSeconds, absoluteTimeoutSeconds: c.sessionMaxAgeSeconds,
            clock: clock)
        let store = store
        // Each sweep also drops token rows past their expiry, so neither table grows without bound.
        sweeper = SessionSweeper(table: sessions) {
            let now = clock()
            _ = try? store.refreshTokens.deleteExpired(before: now)
            _ = try? store.revokedJTIs.purgeExpired(now: now)
        }
        let policy = TokenPolicy(
            algorithm: JWTAlgorithm(rawValue: c.jwtAlgorithm) ?? .es256, accessTTLSeconds: c.accessTTLSeconds,
            leewaySeconds: c.leewaySeconds, revocation: c.revocation == .denylist ? .denylist : .none)
        keys = try KeyRing(store: store, policy: policy, signingKeyPath: c.signingKeyPath, clock: clock)
        restartRequested = RestartFlag()

        let sessionRouter = SessionRouter(store: store, table: sessions)
        let verifier = TokenVerifier(keys: keys, policy: policy, store: store, clock: clock)
        let tokenRouter = TokenRouter(
            store: store, issuer: TokenIssuer(store: store, keys: keys, policy: policy, clock: clock), verifier: verifier)

        var routes = RouterBuilder()
        if let log {
            routes.onError = { @Sendable message in log("error: " + message) }
        }
        if Self.isLoopback(c.host) { routes.use(HostGuard.middleware) }
        routes.use(DomainErrors.middleware)
        let keys = keys
        CommonRoutes(
            store: store, sessions: sessions,
            jwks: {
                // A `keys rotate` by another process shows here within a second.
                keys.reloadIfStale()
                return try .json(keys.keys.jwks(now: clock()))
            }, clock: clock
        ).register(into: &routes)
        let restart = restartRequested
        let logoutEverywhere: @Sendable (Int) throws -> LogoutEverywhereResponse = { userID in
            LogoutEverywhereResponse(
                sessionsEnded: sessionRouter.endSessions(userID: userID),
                refreshTokensRevoked: try tokenRouter.revokeRefreshTokens(userID: userID))
        }
        var restartAction: (@Sendable () -> Void)? = nil
        if c.allowRestart && Self.isLoopback(c.host) {
            restartAction = { @Sendable in restart.request() }
        }
        AdminRoutes(
            store: store, sessionAdmin: { try sessionRouter.adminUser(for: $0) }, tokenAdmin: { try tokenRouter.adminUser(for: $0) },
            logoutEverywhere: logoutEverywhere, restart: restartAction
        ).register(into: &routes)
        sessionRouter.register(into: &routes)
        tokenRouter.register(into: &routes)
        routes.fallback = StaticFiles(root: c.staticDirectory).handler
        router = routes.build()

        server = HTTPServer(
            configuration: HTTPServerConfiguration(
                host: c.host, port: c.port, threads: threads, limits: c.limits, log: c.quiet ? nil : log, tls: c.tls),
            responder: router)
        restartRequested.attach(server)
    }

    /// Binds and starts serving; returns the bound port (useful with port 0).
    package func start() throws -> Int {
        let port = try server.start()
        sweeper.start()
        return port
    }

    /// Stops accepting, finishes in-flight requests, closes idle connections.
    package func shutdown() { server.shutdown() }

    /// Blocks until the server has stopped; then stops the sweeper.
    package func waitUntilStopped() {
        server.waitUntilStopped()
        sweeper.stop()
    }

    /// Whether `POST /api/admin/restart` asked for a restart before the server stopped.
    package var wantsRestart: Bool { restartRequested.isRequested }

    /// The underlying server, for the signal handler.
    package var httpServer: HTTPServer { server }

    /// Restarting is offered only on loopback: a remote client must never restart a shared server.
    static func isLoopback(_ host: String) -> Bool {
        host == "127.0.0.1" || host == "::1" || host == "localhost" || host.hasPrefix("127.")
    }
}
