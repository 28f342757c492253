import Synchronization

/// A fixed set of connections to one database file, handing out one per call.
///
/// Up to `capacity` connections are opened lazily and kept on a free list
/// guarded by a `Mutex`. When every kept connection is in use (more callers
/// than `capacity`, or a body that calls the pool again), the pool opens an
/// extra connection for that one call and closes it afterwards rather than
/// blocking: a blocked event loop, or a nested call waiting on itself, would
/// be worse than the cost of an open. WAL mode lets all of them, and other
/// processes, read while one writes; writers queue on the busy timeout.
package final class DatabasePool: Sendable {
    package let path: String
    /// How many idle connections the pool keeps open (default: one per event-loop thread).
    package let capacity: Int
    private let idle: Mutex<[Connection]>

    /// Creates the pool and opens its first connection, so a bad path fails here.
    package init(path: String, capacity: Int) throws {
        precondition(capacity >= 1, "a pool needs at least one connection")
        self.path = path
        self.capacity = capacity
        self.idle = Mutex([try Connection(path: path)])
    }

    /// Runs `body` inside a DEFERRED transaction: a consistent snapshot for reading.
    package func read<T>(_ body: (Connection) throws -> T) throws -> T {
        try withConnection { db in try db.transaction(.deferred) { try body(db) } }
    }

    /// Runs `body` inside a BEGIN IMMEDIATE transaction, rolled back if it throws.
    /// IMMEDIATE takes the write lock up front, so the busy timeout applies and a
    /// read-then-write body cannot fail with an unrecoverable lock upgrade.
    package func write<T>(_ body: (Connection) throws -> T) throws -> T {
        try withConnection { db in try db.transaction(.immediate) { try body(db) } }
    }

    /// Runs `body` with a connection outside any transaction (migrations, pragmas).
    package func withConnection<T>(_ body: (Connection) throws -> T) throws -> T {
        let connection = try checkOut()
        defer { checkIn(connection) }
        return try body(connection)
    }

    /// Number of connections now on the free list (for tests).
    package var idleCount: Int { idle.withLock { $0.count } }

    private func checkOut() throws -> Connection {
        if let connection = idle.withLock({ $0.popLast() }) { return connection }
        return try Connection(path: path)  // exhausted: an extra connection for this call
    }

    private func checkIn(_ connection: Connection) {
        // A connection still inside a transaction (should not happen: bodies are
        // wrapped) is dropped rather than handed to the next caller half-used.
        guard connection.isAutocommit else { return }
        idle.withLock { list in
            if list.count < capacity { list.append(connection) }
        }
    }
}
