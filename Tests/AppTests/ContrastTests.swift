import AppTestSupport
import Foundation
import Testing

@testable import App

/// The lesson's claims, each proven by the scripted contrast over real sockets and
/// real restarts: the same step on both sides, and the exact statuses each answers.
/// One run per revocation mode is shared by the tests (each run starts three servers).
@Suite struct ContrastTests {
    /// Runs the contrast once on a throwaway folder; a failure is kept and reported by every test.
    static func run(_ revocation: AppConfiguration.Revocation) -> Result<[ContrastRun.Finding], any Error> {
        Result {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("svt-contrast-test-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            var configuration = AppConfiguration()
            configuration.passwordIterations = TestApp.testPasswordIterations
            configuration.threads = 1
            configuration.revocation = revocation
            return try ContrastRun(configuration: configuration, directory: directory).run()
        }
    }

    static let stateless = run(.none)
    static let denylist = run(.denylist)

    /// The (session, token) statuses of one step.
    static func statuses(_ step: String, in result: Result<[ContrastRun.Finding], any Error> = stateless) throws -> [Int] {
        let finding = try #require(try result.get().first { $0.step == step }, "no step named \(step)")
        return [finding.session, finding.token]
    }

    @Test func bothSidesSignIn() throws {
        #expect(try Self.statuses("sign in") == [200, 200])
    }

    @Test func bothSidesAddToTheCart() throws {
        #expect(try Self.statuses("add to cart") == [200, 200])
    }

    @Test func secondInstanceHasNeverSeenTheSessionButVerifiesTheToken() throws {
        #expect(try Self.statuses("second instance, same database") == [401, 200])
    }

    @Test func restartForgetsSessionsButTokensSurvive() throws {
        #expect(try Self.statuses("restart the server") == [401, 200])
    }

    @Test func scopeRemovalAppliesToSessionsAtOnceButTokensKeepFrozenScopes() throws {
        #expect(try Self.statuses("admin removes write:cart") == [403, 200])
    }

    @Test func refreshedTokenCarriesTheNewScopes() throws {
        #expect(try Self.statuses("…after a token refresh") == [403, 403])
    }

    @Test func logoutEndsTheSessionButTheAccessTokenLivesToExp() throws {
        #expect(try Self.statuses("log out, then reuse the credential") == [401, 200])
    }

    @Test func denylistMakesLogoutRecallTheAccessToken() throws {
        #expect(try Self.statuses("log out, then reuse the credential", in: Self.denylist) == [401, 401])
    }

    @Test func tamperedCredentialsAreRejectedOnBothSides() throws {
        #expect(try Self.statuses("tamper with the credential") == [401, 401])
    }

    @Test func everyStepIsReportedOnceInOrder() throws {
        #expect(
            try Self.stateless.get().map(\.step) == [
                "sign in", "add to cart", "second instance, same database", "restart the server", "admin removes write:cart",
                "…after a token refresh", "log out, then reuse the credential", "tamper with the credential",
            ])
        #expect(try Self.stateless.get().allSatisfy { !$0.lesson.isEmpty })
    }

    @Test func contrastTablePrintsOneRowPerStep() throws {
        let findings = try Self.stateless.get()
        let table = ContrastCommand.table(findings).split(separator: "\n")
        #expect(table.count == findings.count + 1)
        #expect(table.dropFirst().first?.contains("200") == true)
    }
}
