import Foundation

/// The few W3C WebDriver commands the browser test needs, over `WebDriverHTTP`.
/// https://www.w3.org/TR/webdriver2/ — every command is JSON in, `{"value": …}` out.
struct WebDriverClient {
    /// A WebDriver error answer (`{"value":{"error","message"}}`), or an answer of the wrong shape.
    struct Failure: Error, CustomStringConvertible {
        let command: String
        let status: Int
        let message: String
        var description: String { "WebDriver \(command) → \(status): \(message)" }
    }

    /// The key W3C WebDriver uses for an element reference in JSON.
    static let elementKey = "element-6066-11e4-a52e-4f735466cecf"
    /// Headless Chromium, no sandbox (containers often run as root), no GPU.
    static let chromiumArguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000"]

    let port: Int
    let sessionID: String

    /// POST /session: starts a headless Chromium.
    static func startSession(port: Int) throws -> WebDriverClient {
        let capabilities: [String: Any] = ["alwaysMatch": ["goog:chromeOptions": ["args": chromiumArguments]]]
        let value = try command(port: port, "POST", "/session", ["capabilities": capabilities], name: "new session")
        guard let id = (value as? [String: Any])?["sessionId"] as? String else {
            throw Failure(command: "new session", status: 200, message: "no sessionId in \(String(describing: value))")
        }
        return WebDriverClient(port: port, sessionID: id)
    }

    /// DELETE /session/{id}: closes Chromium.
    func endSession() throws { _ = try send("DELETE", "", nil, name: "delete session") }

    func navigate(to url: String) throws { _ = try send("POST", "/url", ["url": url], name: "navigate") }

    /// The reference of the first element matching a CSS selector.
    func element(_ css: String) throws -> String {
        let value = try send("POST", "/element", ["using": "css selector", "value": css], name: "find \(css)")
        guard let id = (value as? [String: Any])?[Self.elementKey] as? String else {
            throw Failure(command: "find \(css)", status: 200, message: "no element reference")
        }
        return id
    }

    func click(_ css: String) throws { _ = try send("POST", "/element/\(try element(css))/click", [:], name: "click \(css)") }

    /// The rendered text of an element, as a user sees it.
    func text(_ css: String) throws -> String {
        try send("GET", "/element/\(try element(css))/text", nil, name: "text of \(css)") as? String ?? ""
    }

    /// Runs a script in the page (`return …` gives the value back; a returned Promise is awaited).
    func execute(_ script: String, _ arguments: [Any] = []) throws -> Any? {
        try send("POST", "/execute/sync", ["script": script, "args": arguments], name: "execute script")
    }

    private func send(_ method: String, _ path: String, _ body: [String: Any]?, name: String) throws -> Any? {
        try Self.command(port: port, method, "/session/\(sessionID)\(path)", body, name: name)
    }

    /// One command: unwraps `value`, or throws the WebDriver error it carries.
    private static func command(port: Int, _ method: String, _ path: String, _ body: [String: Any]?, name: String) throws -> Any? {
        let answer = try WebDriverHTTP.send(port: port, method, path, json: body)
        let value = (answer.json as? [String: Any])?["value"]
        guard answer.status == 200 else {
            let detail = value as? [String: Any]
            let message = "\(detail?["error"] as? String ?? "error"): \(detail?["message"] as? String ?? "")"
            throw Failure(command: name, status: answer.status, message: String(message.prefix(400)))
        }
        return value is NSNull ? nil : value
    }
}
