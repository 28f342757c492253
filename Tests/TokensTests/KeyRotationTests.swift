import AppTestSupport
import Foundation
import JWT
import Testing
import Tokens

/// Signing keys: rotation while the server runs, and keys that survive a restart.
@Suite struct KeyRotationTests {
    static func kid(_ token: String) -> String? { Forge.object(Forge.parts(token)[0])["kid"] as? String }

    static func jwksKids(_ t: TestApp) -> Set<String> {
        Set(((t.call("GET", "/.well-known/jwks.json").json["keys"] as? [[String: Any]]) ?? []).compactMap { $0["kid"] as? String })
    }

    @Test func rotationKeepsOldTokensValidWhileNewLoginsGetTheNewKid() throws {
        let t = try TestApp()
        let before = t.tokenLogin().access
        let oldKey = t.signingKey
        let rotation = try KeyRing.rotate(store: t.app.store, policy: TokenPolicy(), signingKeyPath: nil, now: t.clock.now)
        #expect(rotation.retiredKid == oldKey.kid)
        #expect(rotation.newKid != oldKey.kid)
        #expect(rotation.verifiesUntil == t.clock.now.addingTimeInterval(330))

        // The ring reloads when it next signs (at most once a second).
        t.clock.advance(seconds: KeyRing.reloadIntervalSeconds)
        let after = t.tokenLogin().access
        #expect(Self.kid(before) == oldKey.kid)
        #expect(Self.kid(after) == rotation.newKid)
        #expect(t.token("GET", "/token/me", token: before).status == 200)
        #expect(t.token("GET", "/token/me", token: after).status == 200)
        #expect(Self.jwksKids(t) == [oldKey.kid, rotation.newKid])

        // Past the grace period (TTL + leeway) the old key verifies nothing and is no longer published.
        t.clock.advance(seconds: 330)
        #expect(Self.jwksKids(t) == [rotation.newKid])
        let lateOldKeyToken = try JWTSigner().sign(t.claims(), with: oldKey)
        #expect(t.token("GET", "/token/me", token: lateOldKeyToken).status == 401)
        #expect(t.token("GET", "/token/me", token: try t.sign(t.claims())).status == 200)
    }

    @Test func aRotationByAnotherProcessIsFoundWhenATokenNamesTheNewKid() throws {
        let t = try TestApp()
        let other = try TestApp(clock: t.clock, directory: t.directory)
        _ = t.tokenLogin()
        let rotation = try KeyRing.rotate(store: other.app.store, policy: TokenPolicy(), signingKeyPath: nil, now: t.clock.now)
        t.clock.advance(seconds: KeyRing.reloadIntervalSeconds)
        // The second instance signs with the new key; the first has not reloaded yet, but an unknown kid makes it look.
        let fromOther = other.tokenLogin().access
        #expect(Self.kid(fromOther) == rotation.newKid)
        #expect(t.token("GET", "/token/me", token: fromOther).status == 200)
        withExtendedLifetime(other) {}
    }

    @Test func tokensSurviveARestartOnTheSameDatabase() throws {
        let first = try TestApp()
        let pair = first.tokenLogin()
        first.clock.advance(seconds: 60)
        let second = try TestApp(clock: first.clock, directory: first.directory)
        #expect(second.signingKey.kid == first.signingKey.kid)
        #expect(second.token("GET", "/token/me", token: pair.access).status == 200)
        #expect(second.call("POST", "/token/refresh", json: #"{"refresh_token":"\#(pair.refresh)"}"#).status == 200)
        withExtendedLifetime(first) {}
    }

    @Test func aSigningKeyFileIsCreatedOwnerOnlyAndTokensSurviveARestart() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("svt-keys-\(UUID().uuidString)")
        let keyPath = directory.appendingPathComponent("signing.pem").path
        let first = try TestApp(directory: directory) { $0.signingKeyPath = keyPath }
        let attributes = try FileManager.default.attributesOfItem(atPath: keyPath)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let pem = try String(contentsOfFile: keyPath, encoding: .utf8)
        #expect(pem.hasPrefix("-----BEGIN PRIVATE KEY-----"))
        let access = first.tokenLogin().access
        #expect(Self.kid(access) == first.signingKey.kid)

        let second = try TestApp(clock: first.clock, directory: directory) { $0.signingKeyPath = keyPath }
        #expect(second.token("GET", "/token/me", token: access).status == 200)
        #expect(try String(contentsOfFile: keyPath, encoding: .utf8) == pem)
        withExtendedLifetime(first) {}
    }

    @Test func anExistingKeyFileIsUsedAsIs() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("svt-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let keyPath = directory.appendingPathComponent("mine.pem").path
        let mine = try JWTKey(generating: .es256)
        try Data(mine.material).write(to: URL(fileURLWithPath: keyPath))
        let t = try TestApp(directory: directory) { $0.signingKeyPath = keyPath }
        #expect(Self.kid(t.tokenLogin().access) == mine.kid)
        #expect(try JWTSigner().sign(t.claims(), with: mine).isEmpty == false)
        #expect(t.token("GET", "/token/me", token: try JWTSigner().sign(t.claims(), with: mine)).status == 200)
    }

    @Test func rotatingAKeyFileRetiresTheOldKeyAndKeepsTheFileOwnerOnly() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("svt-keys-\(UUID().uuidString)")
        let keyPath = directory.appendingPathComponent("signing.pem").path
        let t = try TestApp(directory: directory) { $0.signingKeyPath = keyPath }
        let before = t.tokenLogin().access
        let rotation = try KeyRing.rotate(store: t.app.store, policy: TokenPolicy(), signingKeyPath: keyPath, now: t.clock.now)
        #expect(rotation.retiredKid == Self.kid(before))
        let attributes = try FileManager.default.attributesOfItem(atPath: keyPath)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        t.clock.advance(seconds: KeyRing.reloadIntervalSeconds)
        let after = t.tokenLogin().access
        #expect(Self.kid(after) == rotation.newKid)
        #expect(t.token("GET", "/token/me", token: before).status == 200)
        #expect(Self.jwksKids(t) == [rotation.newKid, rotation.retiredKid ?? ""])
        // The table keeps only the public half of the retired key.
        let stored = try t.app.store.signingKeys.all().first { $0.kid == rotation.retiredKid }
        let material = String(decoding: stored?.material ?? [], as: UTF8.self)
        #expect(material.hasPrefix("-----BEGIN PUBLIC KEY-----"))
    }
}
