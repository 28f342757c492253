import CSQLite

/// One open SQLite connection: the `sqlite3*` handle, closed in `deinit`, and
/// its cache of prepared statements keyed by SQL text.
///
/// Opened with `SQLITE_OPEN_NOMUTEX` ("multi-thread" mode): SQLite skips its
/// per-connection mutex because this program promises that a connection is
/// used by one thread at a time. `DatabasePool` keeps that promise by handing
/// each connection to a single caller and taking it back before anyone else
/// gets it.
///
/// `@unchecked Sendable` is sound under that same rule: a `Connection` moves
/// between threads only through the pool's `Mutex`-guarded free list (which
/// orders the hand-over), and the pool's `read`/`write` bodies are
/// non-escaping, so two threads never touch one connection at once. Code that
/// opens a `Connection` directly must keep it on one thread at a time too.
package final class Connection: @unchecked Sendable {
    /// How long a statement waits on another writer's lock before failing with `SQLITE_BUSY`.
    package static let busyTimeoutMilliseconds: Int32 = 5_000

    let handle: OpaquePointer
    package let path: String
    private var statements: [String: Statement] = [:]

    /// Opens (creating if needed) the database at `path` in WAL mode with
    /// `synchronous=NORMAL`, foreign keys on, and a busy timeout.
    package init(path: String) throws(SQLiteError) {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let error = SQLiteError(code: code, handle: handle, sql: nil)
            sqlite3_close_v2(handle)
            throw error
        }
        self.handle = handle
        self.path = path
        sqlite3_extended_result_codes(handle, 1)
        // The busy timeout comes first: switching to WAL itself needs a lock another process may hold.
        sqlite3_busy_timeout(handle, Self.busyTimeoutMilliseconds)
        try configure()
    }

    deinit {
        statements.removeAll()  // finalize every statement before closing the handle
        sqlite3_close_v2(handle)
    }

    private func configure() throws(SQLiteError) {
        // journal_mode answers the mode actually in force; an in-memory or
        // read-only database may refuse WAL, and we want to know rather than assume.
        let row = try queryFirst("PRAGMA journal_mode = WAL")
        let mode = row.flatMap { try? $0.text(0) }
        guard mode?.lowercased() == "wal" else {
            throw SQLiteError(
                code: SQLITE_ERROR, message: "journal_mode answered \(mode ?? "nothing"), expected wal", sql: "PRAGMA journal_mode = WAL")
        }
        // NORMAL is durable against application crashes in WAL mode; only an OS crash may lose the last commits.
        try execute("PRAGMA synchronous = NORMAL")
        try execute("PRAGMA foreign_keys = ON")
    }

    /// Runs one statement with bound values and returns its rows (all of them, copied).
    @discardableResult
    package func query(_ sql: String, _ arguments: [any SQLiteBindable] = []) throws(SQLiteError) -> [Row] {
        try cachedStatement(sql).run(arguments.map(\.sqliteValue))
    }

    /// The first row of `sql`, or nil when it returns none.
    package func queryFirst(_ sql: String, _ arguments: [any SQLiteBindable] = []) throws(SQLiteError) -> Row? {
        try query(sql, arguments).first
    }

    /// Runs one statement with bound values, ignoring any rows.
    package func execute(_ sql: String, _ arguments: [any SQLiteBindable] = []) throws(SQLiteError) {
        try query(sql, arguments)
    }

    /// Runs a script of several statements with no parameters, for fixed schema
    /// DDL in migrations only; values never go through here.
    package func executeScript(_ sql: String) throws(SQLiteError) {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(message)
            throw SQLiteError(code: code, message: text, sql: sql)
        }
    }

    /// The rowid of the last row this connection inserted.
    package var lastInsertRowID: Int { Int(sqlite3_last_insert_rowid(handle)) }

    /// Rows changed by the last INSERT, UPDATE or DELETE on this connection.
    package var changes: Int { Int(sqlite3_changes(handle)) }

    /// False while a transaction is open on this connection.
    package var isAutocommit: Bool { sqlite3_get_autocommit(handle) != 0 }

    /// Number of statements currently prepared and cached (for tests and diagnostics).
    package var cachedStatementCount: Int { statements.count }

    private func cachedStatement(_ sql: String) throws(SQLiteError) -> Statement {
        if let statement = statements[sql] { return statement }
        let statement = try Statement(database: handle, sql: sql)
        statements[sql] = statement
        return statement
    }
}
