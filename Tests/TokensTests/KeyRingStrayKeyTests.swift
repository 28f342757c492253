import AppTestSupport
import Foundation
import JWT
import Testing

@testable import Tokens

/// Only the active key and keys retired by a rotation verify: a stray, never-retired
/// row (left from before `--signing-key` was given) must not verify forever.
@Suite struct KeyRingStrayKeyTests {
    @Test func aKeyLeftInTheTableIsIgnoredOnceAKeyFileTakesOver() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("svt-stray-\(UUID().uuidString)")
        let first = try TestApp(directory: directory)
        let oldKey = first.app.keys.keys.signing
        let (oldToken, _) = first.tokenLogin()
        #expect(first.token("GET", "/token/me", token: oldToken).status == 200)

        let keyFile = directory.appendingPathComponent("signing.pem").path
        let second = try TestApp(directory: directory) { $0.signingKeyPath = keyFile }
        #expect(second.app.keys.keys.signing.kid != oldKey.kid)
        #expect(second.app.keys.keys.key(kid: oldKey.kid) == nil)
        #expect(second.token("GET", "/token/me", token: oldToken).status == 401)
        _ = first
    }

    @Test func rotationLeavesExactlyOneActiveKey() throws {
        let app = try TestApp()
        let policy = TokenPolicy(accessTTLSeconds: 300, leewaySeconds: 30)
        _ = try KeyRing.rotate(store: app.app.store, policy: policy, signingKeyPath: nil, now: app.clock.now)
        _ = try KeyRing.rotate(store: app.app.store, policy: policy, signingKeyPath: nil, now: app.clock.now)
        let active = try app.app.store.signingKeys.all().filter { $0.retiredAt == nil }
        #expect(active.count == 1)
    }
}
