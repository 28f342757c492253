import CSQLite

/// An SQLite failure as a Swift error: the result code, SQLite's own message,
/// and the statement that failed. Every C-level failure in this module is turned
/// into one of these here, so a log line always says which SQL broke and why.
package struct SQLiteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The (extended) result code, e.g. `SQLITE_BUSY` or `SQLITE_CONSTRAINT_UNIQUE`.
    package let code: Int32
    package let message: String
    /// The SQL text that failed, or nil when the failure was not tied to a statement (open, close).
    package let sql: String?

    package init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// The error SQLite holds for `handle` after a call returned `code`.
    init(code: Int32, handle: OpaquePointer?, sql: String?) {
        let message = handle.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
        self.init(code: code, message: message, sql: sql)
    }

    /// A column held a different storage class than the caller asked for.
    static func typeMismatch(column: Int, expected: String, found: SQLiteValue) -> SQLiteError {
        SQLiteError(code: SQLITE_MISMATCH, message: "column \(column) holds \(found.typeName), expected \(expected)")
    }

    /// The primary result code (the low byte), so `SQLITE_CONSTRAINT_UNIQUE` reads as `SQLITE_CONSTRAINT`.
    package var primaryCode: Int32 { code & 0xFF }

    /// True when a UNIQUE, CHECK, FOREIGN KEY or NOT NULL constraint refused a write.
    package var isConstraintViolation: Bool { primaryCode == SQLITE_CONSTRAINT }

    package var description: String {
        if let sql { return "SQLite error \(code): \(message) (in: \(sql))" }
        return "SQLite error \(code): \(message)"
    }
}
