import Bookstore
import Foundation
import JWT
import Synchronization

/// The passport office's seals: one key signs, older keys still verify until
/// every token they signed has expired.
///
/// Keys persist, so tokens survive a restart and a second instance on the same
/// database accepts them. By default they live in the `signing_keys` table;
/// with `--signing-key PATH` the active key is that file and retired keys are
/// kept in the table (public half only, for ES256). `keys rotate`, run while the
/// server is up, is noticed the next time the server signs a token or meets an
/// unknown `kid`, at most once per `reloadIntervalSeconds` either way (a reload
/// reads and prunes the key table). Signing with the retired key for that second
/// is harmless: it keeps verifying for a token lifetime plus leeway.
package final class KeyRing: Sendable {
    /// Fewest seconds between reloads triggered by unknown `kid`s, so a flood of
    /// forged kids cannot turn into a flood of database reads.
    package static let reloadIntervalSeconds: Double = 1

    private struct State {
        var keys: JWTKeySet
        /// Keys already parsed, by kid: a reload parses only new rows.
        var parsed: [String: JWTKey]
        var lastReload: Date
    }

    private let store: Bookstore
    private let policy: TokenPolicy
    private let signingKeyPath: String?
    private let clock: @Sendable () -> Date
    private let state: Mutex<State>

    package init(store: Bookstore, policy: TokenPolicy, signingKeyPath: String?, clock: @escaping @Sendable () -> Date = Date.init)
        throws
    {
        self.store = store
        self.policy = policy
        self.signingKeyPath = signingKeyPath
        self.clock = clock
        var parsed: [String: JWTKey] = [:]
        let keys = try Self.load(store: store, policy: policy, signingKeyPath: signingKeyPath, now: clock(), parsed: &parsed)
        state = Mutex(State(keys: keys, parsed: parsed, lastReload: clock()))
    }

    /// The keys in force right now.
    package var keys: JWTKeySet { state.withLock { $0.keys } }

    /// Re-reads the keys (after a `keys rotate` by another process).
    package func reload() throws {
        var parsed = state.withLock { $0.parsed }
        let now = clock()
        let keys = try Self.load(store: store, policy: policy, signingKeyPath: signingKeyPath, now: now, parsed: &parsed)
        state.withLock { $0 = State(keys: keys, parsed: parsed, lastReload: now) }
    }

    /// Reloads unless that happened within the last `reloadIntervalSeconds`; returns whether it did.
    @discardableResult
    package func reloadIfStale() -> Bool {
        let now = clock()
        // Claim the slot before reloading, so threads arriving meanwhile do not reload too.
        let due = state.withLock { state -> Bool in
            guard now.timeIntervalSince(state.lastReload) >= Self.reloadIntervalSeconds else { return false }
            state.lastReload = now
            return true
        }
        guard due else { return false }
        do { try reload() } catch { return false }
        return true
    }

    /// Reads the active and retired keys; creates and stores a first key when none exists.
    private static func load(
        store: Bookstore, policy: TokenPolicy, signingKeyPath: String?, now: Date, parsed: inout [String: JWTKey]
    ) throws -> JWTKeySet {
        let grace = TimeInterval(policy.retiredKeyGraceSeconds)
        try store.signingKeys.deleteRetired(before: now.addingTimeInterval(-grace))
        var records = try store.signingKeys.all().filter { $0.alg == policy.algorithm.rawValue }
        let signing: JWTKey
        if let path = signingKeyPath {
            signing = try SigningKeyFile.loadOrCreate(path: path, algorithm: policy.algorithm)
            records.removeAll { $0.kid == signing.kid }
        } else if let newest = records.last(where: { $0.retiredAt == nil }) {
            signing = try key(for: newest, parsed: &parsed)
            records.removeAll { $0.kid == newest.kid }
        } else {
            signing = try JWTKey(generating: policy.algorithm)
            try store.signingKeys.insert(kid: signing.kid, alg: signing.algorithm.rawValue, material: signing.material, createdAt: now)
        }
        parsed[signing.kid] = signing
        // A key that stopped signing keeps verifying for one token lifetime plus leeway.
        // Only keys retired by a rotation verify, and only for their grace period; a stray
        // unretired row (say, from before `--signing-key` was given) never does.
        let retired = try records.compactMap { record -> JWTKeySet.RetiredKey? in
            guard let retiredAt = record.retiredAt else { return nil }
            let notAfter = retiredAt.addingTimeInterval(grace)
            guard notAfter > now else { return nil }
            return JWTKeySet.RetiredKey(key: try key(for: record, parsed: &parsed), notAfter: notAfter)
        }
        return JWTKeySet(signing: signing, verifyOnly: retired)
    }

    private static func key(for record: SigningKeyRecord, parsed: inout [String: JWTKey]) throws -> JWTKey {
        if let key = parsed[record.kid] { return key }
        let key = try JWTKey(algorithm: JWTAlgorithm(rawValue: record.alg) ?? .es256, material: record.material)
        parsed[record.kid] = key
        return key
    }
}
