import Foundation
import Testing

@testable import HTTPServer

/// Every way out of the root, and every hidden file, is refused: never a 200, never the secret.
@Suite struct StaticFilesTraversalTests {
    @Test(arguments: [
        ("/../outside/secret.txt", 404),
        ("/docs/../../outside/secret.txt", 404),
        ("/%2e%2e/outside/secret.txt", 404),
        ("/%2E%2E/outside/secret.txt", 404),
        ("/%2e%2E/outside/secret.txt", 404),
        ("/.%2e/outside/secret.txt", 404),
        ("/%2e./outside/secret.txt", 404),
        ("/..%2foutside%2fsecret.txt", 404),
        ("/..%2Foutside%2Fsecret.txt", 404),
        ("/%2fetc%2fpasswd", 404),
        ("/..%5coutside%5csecret.txt", 404),
        ("/..\\outside\\secret.txt", 404),
        ("/index.html%00.txt", 404),
        ("/%00", 404),
        ("//etc/passwd", 404),
        ("/docs//index.html", 404),
        ("/link-out", 404),
        ("/dir-out/secret.txt", 404),
        ("/link-hidden", 404),
        ("/.env", 404),
        ("/%2eenv", 404),
        ("/.git/config", 404),
        ("/./index.html", 404),
        ("/%zz", 400),
        ("/%2", 400),
        ("/index.html%", 400),
        ("/%C0%AE%C0%AE/outside/secret.txt", 404),
        ("outside/secret.txt", 404),
        ("/%0a", 404),
    ])
    func traversalAndHiddenFilesAreRefused(target: String, status: Int) throws {
        let site = try StaticFilesFixture()
        defer { site.remove() }
        for method in [HTTPMethod.GET, .HEAD] {
            let response = site.get(target, method: method)
            #expect(response.status.code == status)
            #expect(!String(decoding: response.body, as: UTF8.self).contains(StaticFilesFixture.secret))
        }
    }

    @Test func theSecretExistsSoTheRefusalsAreMeaningful() throws {
        let site = try StaticFilesFixture()
        defer { site.remove() }
        let outside = StaticFiles(root: site.base.appendingPathComponent("outside").path)
        let response = outside.respond(to: HTTPRequest(method: .GET, target: "/secret.txt"))
        #expect(String(decoding: response.body, as: UTF8.self) == StaticFilesFixture.secret)
    }
}
