import AppTestSupport
import Foundation
import Testing

/// The teaching page driven in headless Chromium against a live server: the
/// page's JavaScript, the real HTTP contract and /api/inspect, end to end.
/// Needs chromium and chromedriver; without them the test is skipped, not failed.
@Suite(.serialized) struct PageBrowserTests {
    /// How long one scenario step may take in the page (sign-in hashes passwords; Chromium is slow to start).
    static let stepTimeoutSeconds = 10.0
    /// How often to look at the page while waiting.
    static let pollIntervalMicroseconds: UInt32 = 50_000

    // Skipped, with this message, where the browser is not installed (CI images, laptops without Chromium).
    @Test(
        "Sign-in, add to cart and tamper show the right state on both panels",
        .enabled(
            if: WebDriverProcess.isInstalled,
            "install chromium and chromium-driver (apt-get install chromium chromium-driver) to run the browser test"),
        .timeLimit(.minutes(1)))
    func signInCartAndTamperShowOnBothPanels() throws {
        let testApp = try TestApp { $0.allowRestart = false }
        let server = try testApp.start()
        defer { testApp.stop() }
        let chromedriver = try WebDriverProcess()
        defer { chromedriver.stop() }
        let browser = try WebDriverClient.startSession(port: chromedriver.port)
        defer { try? browser.endSession() }

        try browser.navigate(to: "http://127.0.0.1:\(server.port)/")
        try waitUntil("the catalogue loads") { try browser.text("#book").contains("—") }
        let bookID = try browser.execute("return document.getElementById('book').value") as? String ?? ""

        // 1. Sign in: the session side names the user, the token side decodes sub 42.
        try run("signIn", in: browser)
        #expect(try browser.text("#session-user").hasPrefix("edgaras (id 42"))
        #expect(try browser.text("#token-claims td[data-claim='sub']") == "42")
        #expect(try rows("#session-memory [data-table=sessions]", in: browser).contains { $0.contains("edgaras") })

        // 2. Add to cart: the session entry in memory and the carts row in SQLite both show the line.
        try run("addToCart", in: browser)
        #expect(try statuses("#session-exchanges", in: browser) == ["200"])
        #expect(try statuses("#token-exchanges", in: browser) == ["200"])
        #expect(try rows("#session-memory [data-table=sessions]", in: browser).contains { $0.contains("book \(bookID) × 1") })
        #expect(try rows("#token-database [data-table=carts]", in: browser).contains(["42", bookID, "1"]))

        // 8. Tamper: a made-up sid is unknown, and every edited token is refused.
        try run("tamper", in: browser)
        #expect(try statuses("#session-exchanges", in: browser) == ["200", "401"])
        #expect(try statuses("#token-exchanges", in: browser) == ["401", "401", "401"])
        #expect(try browser.text("#token-exchanges").contains("invalid_token"))
    }

    /// Clicks a scenario button and waits until the page has redrawn with its result.
    private func run(_ step: String, in browser: WebDriverClient) throws {
        try browser.click("button[data-step='\(step)']")
        try waitUntil("the step \(step) finishes") {
            let busy = try browser.execute("return document.getElementById('main').getAttribute('aria-busy')") as? String
            guard busy == "false" else { return false }
            return try browser.text("#status").hasPrefix("Done")
        }
    }

    /// The status badges of a panel's last calls, in order.
    private func statuses(_ css: String, in browser: WebDriverClient) throws -> [String] {
        let script = "return [...document.querySelectorAll(arguments[0] + ' .exchange .status')].map((b) => b.textContent)"
        return try browser.execute(script, [css]) as? [String] ?? []
    }

    /// The body rows of a table as arrays of cell texts.
    private func rows(_ css: String, in browser: WebDriverClient) throws -> [[String]] {
        let script = "return [...document.querySelectorAll(arguments[0] + ' tbody tr')].map((r) => [...r.cells].map((c) => c.textContent))"
        return try browser.execute(script, [css]) as? [[String]] ?? []
    }

    /// Polls the page until `condition` holds; the page works asynchronously, so there is no clock to advance instead.
    private func waitUntil(_ what: String, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(Self.stepTimeoutSeconds)
        while Date() < deadline {
            if try condition() { return }
            usleep(Self.pollIntervalMicroseconds)
        }
        Issue.record("timed out waiting until \(what)")
        throw CancellationError()
    }
}
