import Testing

@testable import SQLiteStore

@Suite struct MigratorTests {
    let migrator = Migrator([
        Migration(version: 1, name: "schema") { db in try db.executeScript("CREATE TABLE t(v INTEGER);") },
        Migration(version: 2, name: "seed") { db in try db.execute("INSERT INTO t VALUES (?)", [7]) },
    ])

    @Test func migratingAnEmptyFileAppliesEveryStepAndASecondRunIsANoOp() throws {
        try withTemporaryDatabase { path in
            let db = try Connection(path: path)
            #expect(try Migrator.userVersion(db) == 0)
            #expect(try migrator.migrate(db) == [1, 2])
            #expect(try Migrator.userVersion(db) == 2)
            let again = try Connection(path: path)
            #expect(try migrator.migrate(again) == [])
            #expect(try Migrator.userVersion(again) == 2)
            #expect(try again.queryFirst("SELECT count(*) FROM t")?.int(0) == 1)
        }
    }

    @Test func aFailingMigrationLeavesTheDatabaseAtTheLastWholeVersion() throws {
        try withTemporaryDatabase { path in
            let db = try Connection(path: path)
            let failing = Migrator([
                migrator.migrations[0],
                Migration(version: 2, name: "broken") { db in
                    try db.execute("INSERT INTO t VALUES (?)", [1])
                    throw InjectedFailure()
                },
            ])
            #expect(throws: InjectedFailure.self) { try failing.migrate(db) }
            #expect(try Migrator.userVersion(db) == 1)
            #expect(try db.queryFirst("SELECT count(*) FROM t")?.int(0) == 0)
        }
    }

    @Test func aDatabaseNewerThanTheProgramIsRefused() throws {
        try withTemporaryDatabase { path in
            let db = try Connection(path: path)
            try db.execute("PRAGMA user_version = 9")
            #expect(throws: SQLiteError.self) { try migrator.migrate(db) }
        }
    }
}
