import Foundation
import Synchronization
import Testing

@testable import SQLiteStore

/// The python3 interpreter on PATH, if any: the second process of the cross-process test.
private let python3Path: String? = {
    let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
    return (directories + ["/usr/bin", "/usr/local/bin"]).map { $0 + "/python3" }
        .first { FileManager.default.isExecutableFile(atPath: $0) }
}()

@Suite struct DatabasePoolTests {
    /// Increments per writer; enough to interleave, small enough for a shared 2-core machine.
    static let incrementsPerWriter = 200

    private func makeCounter(_ pool: DatabasePool) throws {
        try pool.write { db in
            try db.execute("CREATE TABLE counter(n INTEGER NOT NULL)")
            try db.execute("INSERT INTO counter VALUES (?)", [0])
        }
    }

    /// Read-then-write, the pattern that loses updates without a write lock taken up front.
    private func increment(_ pool: DatabasePool) throws {
        try pool.write { db in
            let n = try db.queryFirst("SELECT n FROM counter")!.int(0)
            try db.execute("UPDATE counter SET n = ?", [n + 1])
        }
    }

    @Test func twoThreadsIncrementingThroughBeginImmediateLoseNoUpdate() throws {
        try withTemporaryDatabase { path in
            let pool = try DatabasePool(path: path, capacity: 2)
            try makeCounter(pool)
            let failures = FailureCounter()
            DispatchQueue.concurrentPerform(iterations: 2) { _ in
                for _ in 0..<Self.incrementsPerWriter {
                    do { try increment(pool) } catch { failures.add() }
                }
            }
            #expect(failures.value == 0)
            #expect(try pool.read { try $0.queryFirst("SELECT n FROM counter")!.int(0) } == 2 * Self.incrementsPerWriter)
        }
    }

    @Test(.enabled(if: python3Path != nil, "python3 not found on PATH; cross-process test skipped"))
    func anotherProcessAndThisOneIncrementingTheSameFileLoseNoUpdate() throws {
        try withTemporaryDatabase { path in
            let pool = try DatabasePool(path: path, capacity: 1)
            try makeCounter(pool)
            let script = """
                import sqlite3, sys
                con = sqlite3.connect(sys.argv[1], timeout=10, isolation_level=None)
                for _ in range(int(sys.argv[2])):
                    con.execute("BEGIN IMMEDIATE")
                    n = con.execute("SELECT n FROM counter").fetchone()[0]
                    con.execute("UPDATE counter SET n = ?", (n + 1,))
                    con.execute("COMMIT")
                """
            let child = Process()
            child.executableURL = URL(fileURLWithPath: python3Path!)
            child.arguments = ["-c", script, path, String(Self.incrementsPerWriter)]
            try child.run()
            for _ in 0..<Self.incrementsPerWriter { try increment(pool) }
            child.waitUntilExit()
            #expect(child.terminationStatus == 0)
            #expect(try pool.read { try $0.queryFirst("SELECT n FROM counter")!.int(0) } == 2 * Self.incrementsPerWriter)
        }
    }

    @Test func aNestedCallGetsAnExtraConnectionInsteadOfDeadlocking() throws {
        try withTemporaryDatabase { path in
            let pool = try DatabasePool(path: path, capacity: 1)
            try makeCounter(pool)
            let inner = try pool.read { _ in try pool.read { try $0.queryFirst("SELECT n FROM counter")!.int(0) } }
            #expect(inner == 0)
            #expect(pool.idleCount == 1)  // the extra connection was closed, not kept
        }
    }

    @Test func aThrowingWriteIsRolledBackAndItsConnectionReturnsClean() throws {
        try withTemporaryDatabase { path in
            let pool = try DatabasePool(path: path, capacity: 1)
            try makeCounter(pool)
            #expect(throws: InjectedFailure.self) {
                try pool.write { db in
                    try db.execute("UPDATE counter SET n = ?", [99])
                    throw InjectedFailure()
                }
            }
            #expect(try pool.read { try $0.queryFirst("SELECT n FROM counter")!.int(0) } == 0)
            #expect(pool.idleCount == 1)
        }
    }
}

/// A thread-safe failure counter for the concurrent test.
private final class FailureCounter: Sendable {
    private let count = Synchronization.Atomic<Int>(0)
    func add() { count.add(1, ordering: .relaxed) }
    var value: Int { count.load(ordering: .relaxed) }
}
