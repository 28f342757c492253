import Foundation
import Testing

@testable import HTTPServer

/// A temporary site on disk: `root/` with a few files, and `outside/` next to it holding a
/// secret that no request may ever reach. Removed by `remove()`.
struct StaticFilesFixture {
    static let secret = "TOP-SECRET-OUTSIDE-ROOT"
    let base: URL
    var root: URL { base.appendingPathComponent("root") }

    init() throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("static-files-\(UUID().uuidString)")
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("docs"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try fm.createDirectory(at: base.appendingPathComponent("outside"), withIntermediateDirectories: true)
        let files: [(String, String)] = [
            ("root/index.html", "<h1>home</h1>"), ("root/docs/index.html", "<h1>docs</h1>"),
            ("root/app.js", "export {}"), ("root/style.css", "body{}"), ("root/data.json", "{}"),
            ("root/logo.svg", "<svg/>"), ("root/favicon.ico", "ico"), ("root/notes.txt", "hi"),
            ("root/font.woff2", "wOF2"), ("root/app.js.map", "{}"), ("root/module.MJS", "x"),
            ("root/blob.bin", "\u{0}"), ("root/README", "plain"), ("root/.env", Self.secret),
            ("root/.git/config", Self.secret), ("outside/secret.txt", Self.secret),
        ]
        for (path, content) in files {
            try Data(content.utf8).write(to: base.appendingPathComponent(path))
        }
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("link-out").path, withDestinationPath: "../outside/secret.txt")
        try fm.createSymbolicLink(
            atPath: root.appendingPathComponent("dir-out").path, withDestinationPath: base.appendingPathComponent("outside").path)
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("link-in.txt").path, withDestinationPath: "notes.txt")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("link-hidden").path, withDestinationPath: ".env")
    }

    func remove() { try? FileManager.default.removeItem(at: base) }

    func get(_ target: String, method: HTTPMethod = .GET, headers: HTTPHeaders = HTTPHeaders(), maxFileBytes: Int? = nil)
        -> HTTPResponse
    {
        let files = StaticFiles(root: root.path, maxFileBytes: maxFileBytes ?? StaticFiles.defaultMaxFileBytes)
        return files.respond(to: HTTPRequest(method: method, target: target, headers: headers))
    }
}

/// Serving files: index pages, content types, caching headers, conditional requests.
@Suite struct StaticFilesTests {
    @Test(arguments: [
        ("/", "<h1>home</h1>"), ("/index.html", "<h1>home</h1>"), ("/docs/", "<h1>docs</h1>"),
        ("/docs/index.html", "<h1>docs</h1>"), ("/link-in.txt", "hi"), ("/no%74es.txt", "hi"), ("/notes.txt?v=2", "hi"),
    ])
    func pathsServeTheirFiles(target: String, expected: String) throws {
        let site = try StaticFilesFixture()
        defer { site.remove() }
        let response = site.get(target)
        #expect(response.status == .ok)
        #expect(String(decoding: response.body, as: UTF8.self) == expected)
        #expect(response.headers["X-Content-Type-Options"] == "nosniff")
        #expect(response.headers["Cache-Control"] == "no-cache")
    }

    @Test(arguments: [
        ("/index.html", "text/html; charset=utf-8"), ("/app.js", "text/javascript; charset=utf-8"),
        ("/module.MJS", "text/javascript; charset=utf-8"), ("/style.css", "text/css; charset=utf-8"),
        ("/data.json", "application/json; charset=utf-8"), ("/logo.svg", "image/svg+xml"), ("/favicon.ico", "image/x-icon"),
        ("/notes.txt", "text/plain; charset=utf-8"), ("/font.woff2", "font/woff2"),
        ("/app.js.map", "application/json; charset=utf-8"), ("/blob.bin", "application/octet-stream"),
        ("/README", "application/octet-stream"),
    ])
    func contentTypeFollowsTheExtension(target: String, contentType: String) throws {
        let site = try StaticFilesFixture()
        defer { site.remove() }
        #expect(site.get(target).headers["Content-Type"] == contentType)
    }

    @Test func etagIsStrongAndDependsOnContent() throws {
        let site = try StaticFilesFixture()
        defer { site.remove() }
        let etag = try #require(site.get("/notes.txt").headers["ETag"])
        #expect(etag == EntityTag.strong(for: Array("hi".utf8)))
        #expect(etag.count == 18 && etag.hasPrefix("\"") && etag.hasSuffix("\""))
        #expect(site.get("/notes.txt").headers["ETag"] == etag)
        try Data("changed".utf8).write(to: site.root.appendingPathComponent("notes.txt"))
        #expect(site.get("/notes.txt").headers["ETag"] != etag)
    }

    @Test func fnvMatchesTheReferenceVector() {
        // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c (reference value from the FNV authors).
        #expect(EntityTag.strong(for: Array("a".utf8)) == "\"af63dc4c8601ec8c\"")
    }

    @Test(arguments: [
        ("{etag}", true), ("W/{etag}", true), ("\"other\", {etag}", true), ("*", true), ("\"other\"", false),
        ("\"other\",W/{etag}", true), ("garbage", false), ("", false),
    ])
    func ifNoneMatchUsesWeakComparison(header: String, notModified: Bool) throws {
        let site = try StaticFilesFixture()
        defer { site.remove() }
        let etag = try #require(site.get("/app.js").headers["ETag"])
        let response = site.get("/app.js", headers: ["If-None-Match": header.replacingOccurrences(of: "{etag}", with: etag)])
        #expect(response.status == (notModified ? .notModified : .ok))
        if notModified {
            #expect(response.body.isEmpty)
            #expect(response.headers["ETag"] == etag)
            #expect(response.headers["Cache-Control"] == "no-cache")
        }
    }

    @Test func headGetsTheGetAnswerAndOtherMethodsGet405() throws {
        let site = try StaticFilesFixture()
        defer { site.remove() }
        #expect(site.get("/app.js", method: .HEAD).status == .ok)
        let post = site.get("/app.js", method: .POST)
        #expect(post.status == .methodNotAllowed)
        #expect(post.headers["Allow"] == "GET, HEAD")
        #expect(site.get("/missing.js", method: .POST).status == .notFound)
    }

    @Test func missingFilesDirectoriesAndOversizedFilesAre404() throws {
        let site = try StaticFilesFixture()
        defer { site.remove() }
        for target in ["/missing.html", "/docs", "/docs/missing/"] {
            let response = site.get(target)
            #expect(response.status == .notFound)
            #expect(String(decoding: response.body, as: UTF8.self) == #"{"error":"not_found","error_description":"No such file."}"#)
        }
        #expect(site.get("/index.html", maxFileBytes: 4).status == .notFound)
    }

    @Test func missingRootAnswers404() {
        let files = StaticFiles(root: "/nonexistent-\(UUID().uuidString)")
        #expect(files.respond(to: HTTPRequest(method: .GET, target: "/")).status == .notFound)
    }

    @Test func staticFilesWorkAsTheRouterFallback() throws {
        let site = try StaticFilesFixture()
        defer { site.remove() }
        var builder = RouterBuilder()
        builder.get("/healthz") { _ in .text("ok") }
        builder.fallback = StaticFiles(root: site.root.path).handler
        let router = builder.build()
        #expect(String(decoding: router.respond(to: HTTPRequest(method: .GET, target: "/")).body, as: UTF8.self) == "<h1>home</h1>")
        #expect(router.respond(to: HTTPRequest(method: .GET, target: "/nope")).status == .notFound)
    }
}
