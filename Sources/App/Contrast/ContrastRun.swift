import Foundation
import HTTPServer

/// The scripted contrast: every claim of the lesson, run against real servers
/// over real sockets, the same step on both sides. `sessions-vs-tokens contrast`
/// prints it; the contrast tests assert it.
package struct ContrastRun {
    /// One step: what each side answered, and what that teaches.
    package struct Finding: Sendable {
        package let step: String
        package let session: Int
        package let token: Int
        package let lesson: String
    }

    let base: AppConfiguration
    let book = 1

    /// Uses `configuration`'s settings but always a fresh temporary database and
    /// port 0, so a presenter's own data is never touched.
    package init(configuration: AppConfiguration, directory: URL) {
        var c = configuration
        c.databasePath = directory.appendingPathComponent("contrast.sqlite").path
        c.port = 0
        c.quiet = true
        c.signingKeyPath = nil
        c.allowRestart = false
        c.passwordIterations = min(c.passwordIterations, Self.contrastPasswordIterations)
        base = c
    }

    /// A lower hash cost keeps the run to a few seconds; it only guards throwaway demo data.
    static let contrastPasswordIterations = 10_000

    package func run() throws -> [Finding] {
        var findings: [Finding] = []
        var a = try Instance(base)
        defer { a.stop() }

        // 1. Sign in on both sides.
        let sLogin = try a.client.send("POST", "/session/login", json: #"{"username":"edgaras","password":"passport42"}"#)
        let tLogin = try a.client.send("POST", "/token/login", json: #"{"username":"edgaras","password":"passport42"}"#)
        var sid = sLogin.cookie("sid") ?? ""
        var access = tLogin.json["access_token"] as? String ?? ""
        var refresh = tLogin.json["refresh_token"] as? String ?? ""
        findings.append(
            Finding(
                step: "sign in", session: sLogin.status, token: tLogin.status,
                lesson: "the session side hands out a ticket (sid cookie); the token side a signed passport"))

        // 2. Add to cart.
        let item = #"{"book_id":\#(book),"qty":2}"#
        findings.append(
            Finding(
                step: "add to cart",
                session: try a.session("POST", "/session/cart/items", sid, item).status,
                token: try a.token("POST", "/token/cart/items", access, item).status,
                lesson: "the session cart is in this process's memory; the token cart is in SQLite by sub"))

        // 3. A second instance on the same database.
        var b = try Instance(base)
        findings.append(
            Finding(
                step: "second instance, same database",
                session: try b.session("GET", "/session/cart", sid).status,
                token: try b.token("GET", "/token/cart", access).status,
                lesson: "the other instance has never seen the ticket; the passport verifies anywhere the key is"))
        b.stop()

        // 4. Restart.
        a.stop()
        a = try Instance(base)
        findings.append(
            Finding(
                step: "restart the server",
                session: try a.session("GET", "/session/cart", sid).status,
                token: try a.token("GET", "/token/cart", access).status,
                lesson: "the coat is gone with the process; the token and its SQLite cart survive"))
        sid = try a.client.send("POST", "/session/login", json: #"{"username":"edgaras","password":"passport42"}"#).cookie("sid") ?? ""

        // 5. The admin takes write:cart away.
        let admin = try a.client.send("POST", "/token/login", json: #"{"username":"admin","password":"admin-demo"}"#)
        let adminToken = admin.json["access_token"] as? String ?? ""
        _ = try a.token("PUT", "/api/admin/users/42/scopes", adminToken, #"{"scopes":["read:books","read:orders","write:orders"]}"#)
        findings.append(
            Finding(
                step: "admin removes write:cart",
                session: try a.session("POST", "/session/cart/items", sid, item).status,
                token: try a.token("POST", "/token/cart/items", access, item).status,
                lesson: "sessions read permissions on every request; the token keeps its frozen scopes until it expires"))
        let refreshed = try a.client.send("POST", "/token/refresh", json: #"{"refresh_token":"\#(refresh)"}"#)
        access = refreshed.json["access_token"] as? String ?? access
        refresh = refreshed.json["refresh_token"] as? String ?? refresh
        findings.append(
            Finding(
                step: "…after a token refresh",
                session: try a.session("POST", "/session/cart/items", sid, item).status,
                token: try a.token("POST", "/token/cart/items", access, item).status,
                lesson: "a refreshed token carries the new scopes"))
        _ = try a.token(
            "PUT", "/api/admin/users/42/scopes", adminToken,
            #"{"scopes":["read:books","read:orders","write:cart","write:orders"]}"#)

        // 6. Log out, then try the old credential.
        _ = try a.session("POST", "/session/logout", sid)
        _ = try a.client.send(
            "POST", "/token/logout", headers: [("Authorization", "Bearer " + access)],
            json: #"{"refresh_token":"\#(refresh)"}"#)
        findings.append(
            Finding(
                step: "log out, then reuse the credential",
                session: try a.session("GET", "/session/me", sid).status,
                token: try a.token("GET", "/token/me", access).status,
                lesson: base.revocation == .denylist
                    ? "with the denylist, logout recalls the access token: state on the token side again"
                    : "logout ends the session at once; the access token lives to exp (only the refresh family is revoked)"))

        // 7. Tamper with the credential.
        let freshSid =
            try a.client.send("POST", "/session/login", json: #"{"username":"edgaras","password":"passport42"}"#)
            .cookie("sid") ?? ""
        findings.append(
            Finding(
                step: "tamper with the credential",
                session: try a.session("GET", "/session/me", Self.flipLast(freshSid)).status,
                token: try a.token("GET", "/token/me", Self.tamperPayload(access)).status,
                lesson: "a forged ticket is just unknown; an edited passport fails its signature check"))
        return findings
    }

    /// Changes one character of a session id: a different, unknown ticket.
    static func flipLast(_ text: String) -> String {
        guard let last = text.last else { return "x" }
        return String(text.dropLast()) + (last == "A" ? "B" : "A")
    }

    /// Changes one character in the middle of the payload part of a JWT.
    static func tamperPayload(_ token: String) -> String {
        var parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, parts[1].count > 4 else { return token + "x" }
        var payload = Array(parts[1])
        let i = payload.count / 2
        payload[i] = payload[i] == "A" ? "B" : "A"
        parts[1] = String(payload)
        return parts.joined(separator: ".")
    }
}
