import Foundation
import Synchronization

/// The coat-check: session id → who you are and what is in your cart, held in
/// this process's memory.
///
/// Thread-safe by sharding: keys are SHA-256 digests, so their leading bits
/// pick one of up to ``maxShardCount`` shards uniformly, and each shard has
/// its own `Mutex`. Two requests contend only when their sessions share a shard.
///
/// Bounded: at most ``maxSessions`` entries. Each shard holds its share
/// (`maxSessions / shardCount`, the remainder spread over the first shards)
/// and, when full, evicts exactly *its own* least recently used entry. That
/// approximates global LRU: the evicted entry is the oldest of ~1/16 of the
/// table, not necessarily of all of it. Because keys spread uniformly this is
/// close in practice, and small tables (under ``minSessionsPerShard`` × 2
/// entries) use a single shard, so there LRU is exact.
///
/// Expiry: an entry is dead once idle for ``idleTimeoutSeconds`` or older than
/// ``absoluteTimeoutSeconds``. Lookups treat a dead entry as absent (and drop
/// it); ``sweep()`` clears the rest off the hot path (see ``SessionSweeper``).
///
/// Time comes from the injected `clock`, so tests move time without sleeping.
package final class SessionTable: Sendable {
    /// Default bound on live sessions (each costs a few hundred bytes).
    package static let defaultMaxSessions = 100_000
    /// Default idle timeout: 30 minutes without a request ends a session.
    package static let defaultIdleTimeoutSeconds = 1800
    /// Default absolute timeout: 8 hours after sign-in, however active.
    package static let defaultAbsoluteTimeoutSeconds = 28_800
    /// Most shards. 16 locks leave little contention for a few dozen threads.
    static let maxShardCount = 16
    /// Fewest entries a shard should hold, so per-shard LRU stays a fair
    /// stand-in for global LRU; smaller tables get fewer shards.
    static let minSessionsPerShard = 64

    package let maxSessions: Int
    package let idleTimeoutSeconds: Int
    package let absoluteTimeoutSeconds: Int
    private let clock: @Sendable () -> Date

    /// A shard behind its own lock. `Mutex` is noncopyable, so it cannot sit in
    /// an `Array` directly; a final class with a `let` is the simplest holder
    /// and is `Sendable` because `Mutex` is.
    final class LockedShard: Sendable {
        let state: Mutex<SessionTableShard>
        init(capacity: Int) { state = Mutex(SessionTableShard(capacity: capacity)) }
    }

    /// The shards; the count is a power of two so a key picks one with a mask.
    let shards: [LockedShard]

    package init(
        maxSessions: Int = defaultMaxSessions,
        idleTimeoutSeconds: Int = defaultIdleTimeoutSeconds,
        absoluteTimeoutSeconds: Int = defaultAbsoluteTimeoutSeconds,
        clock: @escaping @Sendable () -> Date = Date.init
    ) {
        precondition(maxSessions >= 1, "maxSessions must be at least 1")
        precondition(idleTimeoutSeconds >= 1 && absoluteTimeoutSeconds >= 1, "timeouts must be positive")
        self.maxSessions = maxSessions
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.absoluteTimeoutSeconds = absoluteTimeoutSeconds
        self.clock = clock
        let count = Self.shardCount(forMaxSessions: maxSessions)
        shards = (0..<count).map { i in
            LockedShard(capacity: maxSessions / count + (i < maxSessions % count ? 1 : 0))
        }
    }

    /// The largest power of two ≤ ``maxShardCount`` that still leaves each
    /// shard at least ``minSessionsPerShard`` entries (1 for small tables).
    static func shardCount(forMaxSessions maxSessions: Int) -> Int {
        var count = 1
        while count * 2 <= maxShardCount && maxSessions / (count * 2) >= minSessionsPerShard { count *= 2 }
        return count
    }

    /// Runs `body` with the shard that owns `key` locked.
    func withShard<T, E: Error>(for key: SessionKey, _ body: (inout SessionTableShard) throws(E) -> T) throws(E) -> T {
        try shards[key.leadingBits & (shards.count - 1)].state.withLock { (shard) throws(E) -> T in try body(&shard) }
    }

    /// Whether `entry` is past its idle or absolute timeout at `now`.
    func isExpired(_ entry: SessionEntry, now: Date) -> Bool {
        now.timeIntervalSince(entry.lastSeenAt) >= TimeInterval(idleTimeoutSeconds)
            || now.timeIntervalSince(entry.createdAt) >= TimeInterval(absoluteTimeoutSeconds)
    }

    /// Signs a user in: a brand-new id every time (never reuse one across a
    /// login, or a planted id would survive it: session fixation).
    package func create(userID: Int, username: String) -> SessionID {
        let now = clock()
        let entry = SessionEntry(userID: userID, username: username, createdAt: now, lastSeenAt: now)
        while true {
            let id = SessionID.random()
            let key = id.hash
            let inserted = withShard(for: key) { shard in
                // A repeat of a 256-bit random value will not happen; if it did, draw again.
                guard shard.slot(for: key) == nil else { return false }
                _ = shard.insert(entry, for: key)
                return true
            }
            if inserted { return id }
        }
    }

    /// The heart of the coat-check: hash the cookie value, find the entry.
    /// Returns nil for a malformed, unknown or expired id; a hit counts as
    /// activity (refreshes `lastSeenAt` and the LRU position).
    package func lookup(_ rawID: String) -> SessionEntry? {
        update(rawID) { $0 }
    }

    /// Changes a live session atomically under its shard's lock (cart edits,
    /// `lastPage`), refreshing `lastSeenAt` first. Returns `body`'s result, or
    /// nil (without calling `body`) when there is no live session for `rawID`.
    package func update<T, E: Error>(_ rawID: String, _ body: (inout SessionEntry) throws(E) -> T) throws(E) -> T? {
        guard let id = SessionID(rawValue: rawID) else { return nil }
        let key = id.hash
        let now = clock()
        return try withShard(for: key) { (shard) throws(E) -> T? in
            guard let slot = shard.slot(for: key) else { return nil }
            let expired = shard.withEntry(at: slot) { isExpired($0, now: now) }
            if expired {
                shard.remove(at: slot)
                return nil
            }
            shard.touch(slot)
            return try shard.withEntry(at: slot) { (entry) throws(E) -> T in
                entry.lastSeenAt = now
                return try body(&entry)
            }
        }
    }

    /// Ends one session (logout). Returns whether it was still live: an expired
    /// entry not yet swept is removed too, but counts as no session, as in `lookup`.
    @discardableResult
    package func remove(_ rawID: String) -> Bool {
        guard let id = SessionID(rawValue: rawID) else { return false }
        let key = id.hash
        let now = clock()
        return withShard(for: key) { shard in
            guard let slot = shard.slot(for: key) else { return false }
            let live = shard.withEntry(at: slot) { !isExpired($0, now: now) }
            shard.remove(at: slot)
            return live
        }
    }

    /// Ends every session of one user ("logout everywhere"); returns how many
    /// were still live. Expired entries not yet swept go too, but are not
    /// counted: they had already ended.
    /// Possible only because the server holds the sessions: the token side can
    /// merely revoke refresh tokens and wait for access tokens to expire.
    @discardableResult
    package func removeAll(userID: Int) -> Int {
        let now = clock()
        return shards.reduce(0) { total, locked in
            var live = 0
            locked.state.withLock { shard in
                _ = shard.removeAll { entry in
                    guard entry.userID == userID else { return false }
                    if !isExpired(entry, now: now) { live += 1 }
                    return true
                }
            }
            return total + live
        }
    }

    /// Drops every expired entry; returns how many. Meant for a background
    /// timer (``SessionSweeper``), one shard lock at a time.
    @discardableResult
    package func sweep() -> Int {
        let now = clock()
        return shards.reduce(0) { total, locked in
            total + locked.state.withLock { $0.removeAll { isExpired($0, now: now) } }
        }
    }

    /// Entries held in memory right now, including expired ones not yet swept.
    package var count: Int {
        shards.reduce(0) { total, locked in total + locked.state.withLock { $0.count } }
    }

    /// What `/api/inspect` shows: every held entry (secrets reduced to a hash
    /// prefix), most recently seen first, at most `limit` of them.
    package func snapshot(limit: Int = .max) -> [SessionSnapshot] {
        var all: [SessionSnapshot] = []
        for locked in shards {
            locked.state.withLock { shard in
                shard.forEach { key, entry in all.append(SessionSnapshot(key: key, entry: entry)) }
            }
        }
        all.sort { $0.lastSeenAt > $1.lastSeenAt }
        return Array(all.prefix(limit))
    }
}
