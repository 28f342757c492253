import CSQLite
import Testing

@testable import SQLiteStore

@Suite struct ConnectionTests {
    @Test func openingSetsWALNormalSyncForeignKeysAndBusyTimeout() throws {
        try withTemporaryDatabase { path in
            let db = try Connection(path: path)
            #expect(try db.queryFirst("PRAGMA journal_mode")?.text(0) == "wal")
            #expect(try db.queryFirst("PRAGMA synchronous")?.int(0) == 1)  // NORMAL
            #expect(try db.queryFirst("PRAGMA foreign_keys")?.int(0) == 1)
            #expect(try db.queryFirst("PRAGMA busy_timeout")?.int(0) == Int(Connection.busyTimeoutMilliseconds))
        }
    }

    @Test(arguments: [
        SQLiteValue.integer(Int64.max), .integer(-1), .real(3.25), .text(""), .text("naïve ☕"), .text("a\u{0}b"),
        .text("'; DROP TABLE t; --"), .blob([]), .blob([0, 255, 0]), .null,
    ])
    func everyStorageClassRoundTripsThroughABoundParameter(value: SQLiteValue) throws {
        try withTemporaryDatabase { path in
            let db = try Connection(path: path)
            try db.execute("CREATE TABLE t(v)")
            try db.execute("INSERT INTO t(v) VALUES (?)", [value])
            #expect(try db.query("SELECT v FROM t").map { $0[0] } == [value])
            #expect(try db.queryFirst("SELECT count(*) FROM sqlite_master WHERE name = 't'")?.int(0) == 1)
        }
    }

    @Test func typedGettersReadSwiftValuesAndRefuseTheWrongStorageClass() throws {
        try withTemporaryDatabase { path in
            let db = try Connection(path: path)
            let row = try #require(try db.queryFirst("SELECT ?, ?, ?, ?, ?", [42, "hi", [UInt8]([1, 2]), 1.5, Int?.none]))
            #expect(try row.int(0) == 42)
            #expect(try row.text(1) == "hi")
            #expect(try row.blob(2) == [1, 2])
            #expect(try row.real(3) == 1.5)
            #expect(try row.optionalInt(4) == nil)
            #expect(throws: SQLiteError.self) { try row.int(1) }
        }
    }

    @Test func aCachedStatementIsReusedAndKeepsNoBindingsFromItsLastUse() throws {
        try withTemporaryDatabase { path in
            let db = try Connection(path: path)
            let before = db.cachedStatementCount
            #expect(try db.queryFirst("SELECT ?", [1])?.int(0) == 1)
            #expect(try db.queryFirst("SELECT ?", [2])?.int(0) == 2)
            #expect(db.cachedStatementCount == before + 1)
            // Too few arguments is an error, not a silent reuse of the last value.
            #expect(throws: SQLiteError.self) { try db.query("SELECT ?") }
        }
    }

    @Test func anErrorSaysWhichStatementFailedAndWhy() throws {
        try withTemporaryDatabase { path in
            let db = try Connection(path: path)
            try db.execute("CREATE TABLE u(name TEXT UNIQUE)")
            try db.execute("INSERT INTO u VALUES (?)", ["x"])
            let sql = "INSERT INTO u VALUES (?)"
            let error = try #require(throws: SQLiteError.self) { try db.execute(sql, ["x"]) }
            #expect(error.sql == sql)
            #expect(error.isConstraintViolation)
            #expect(error.message.contains("UNIQUE"))
            let syntax = try #require(throws: SQLiteError.self) { try db.execute("SELEC 1") }
            #expect(syntax.primaryCode == SQLITE_ERROR)
            #expect(syntax.description.contains("SELEC 1"))
        }
    }

    @Test func aTransactionRollsBackWhenItsBodyThrows() throws {
        try withTemporaryDatabase { path in
            let db = try Connection(path: path)
            try db.execute("CREATE TABLE t(v INTEGER)")
            #expect(insertThenThrow(in: db) is InjectedFailure)
            #expect(db.isAutocommit)
            #expect(try db.queryFirst("SELECT count(*) FROM t")?.int(0) == 0)
            try db.transaction(.immediate) {
                try db.execute("INSERT INTO t VALUES (?)", [2])
            }
            #expect(try db.queryFirst("SELECT count(*) FROM t")?.int(0) == 1)
        }
    }
}

/// Runs a transaction whose body inserts a row and then throws; returns what it threw.
/// (A plain do/catch: with this toolchain, a generic trailing-closure call inside
/// `#expect(throws:)` made a later `transaction` call in the same test run the wrong closure.)
private func insertThenThrow(in db: Connection) -> (any Error)? {
    do {
        try db.transaction(.immediate) {
            try db.execute("INSERT INTO t VALUES (?)", [1])
            throw InjectedFailure()
        }
        return nil
    } catch {
        return error
    }
}
