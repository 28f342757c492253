/// How a transaction takes its locks.
package enum TransactionKind: String, Sendable {
    /// Takes the read lock at the first read; for readers. A deferred transaction
    /// that later writes may fail with SQLITE_BUSY, which no busy timeout rescues.
    case deferred = "BEGIN DEFERRED"
    /// Takes the write lock at BEGIN (waiting up to the busy timeout); for writers.
    case immediate = "BEGIN IMMEDIATE"
    case exclusive = "BEGIN EXCLUSIVE"
}

extension Connection {
    /// Runs `body` inside a transaction: COMMIT when it returns, ROLLBACK when
    /// it (or the COMMIT) throws, then rethrows. Not reentrant: SQLite refuses a
    /// BEGIN inside an open transaction.
    package func transaction<T>(_ kind: TransactionKind = .deferred, _ body: () throws -> T) throws -> T {
        try execute(kind.rawValue)
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            // SQLite may already have rolled back on its own (e.g. after SQLITE_FULL).
            if !isAutocommit { try? execute("ROLLBACK") }
            throw error
        }
    }
}
