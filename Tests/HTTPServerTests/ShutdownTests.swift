import Glibc
import Synchronization
import Testing

@testable import HTTPServer

/// Graceful shutdown: in-flight work finishes, idle connections close, the run call returns promptly.
@Suite struct ShutdownTests {
    @Test func inFlightRequestCompletesWithCloseAndWaitReturnsPromptly() throws {
        let responder = EnteredFlagResponder()
        let server = HTTPServer(configuration: HTTPServerConfiguration(port: 0, threads: 1), responder: responder)
        let port = try server.start()
        let idle = try TestClient(port: port)
        let busy = try TestClient(port: port)
        busy.send("GET /slow HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(waitUntil { responder.entered.load(ordering: .acquiring) })  // the loop is inside the 400 ms handler
        let start = MonotonicClock.now()
        server.shutdown()
        server.shutdown()  // idempotent
        server.waitUntilStopped()
        let stopped = elapsedSeconds(since: start)
        let response = try busy.readResponse()
        #expect(response.bodyText == "slow done")
        #expect(response.header("Connection") == "close")
        #expect(idle.isClosedByServer())
        #expect(stopped < 5)
        #expect(throws: (any Error).self) { _ = try TestClient(port: port) }
    }

    @Test func shutdownFromAnotherThreadEndsAServerWithIdleClients() throws {
        let server = HTTPServer(configuration: HTTPServerConfiguration(port: 0, threads: 2), responder: EchoResponder())
        let port = try server.start()
        let clients = try (0..<20).map { _ in try TestClient(port: port) }
        for client in clients {
            client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
            _ = try client.readResponse()
        }
        let start = MonotonicClock.now()
        let thread = try LoopThread.spawn { server.shutdown() }
        server.waitUntilStopped()
        pthread_join(thread, nil)
        #expect(elapsedSeconds(since: start) < 5)
        for client in clients { #expect(client.isClosedByServer()) }
    }

    @Test func partialRequestIsCutOffAtTheGraceDeadline() throws {
        var limits = HTTPLimits()
        limits.shutdownGraceSeconds = 0.3
        let server = HTTPServer(configuration: HTTPServerConfiguration(port: 0, threads: 1, limits: limits), responder: EchoResponder())
        let port = try server.start()
        let slowloris = try TestClient(port: port)
        slowloris.send("GET / HTTP/1.1\r\nHost: a\r\n")
        usleep(50_000)
        let start = MonotonicClock.now()
        server.shutdown()
        server.waitUntilStopped()
        #expect(elapsedSeconds(since: start) < limits.shutdownGraceSeconds + 2)
        #expect(slowloris.isClosedByServer())
    }
}

/// The signal helper, driven by a thread-directed SIGTERM so the test process itself is never at risk.
@Suite struct ShutdownSignalsTests {
    @Test func sigtermToTheWaitingThreadShutsTheServerDown() throws {
        let server = HTTPServer(configuration: HTTPServerConfiguration(port: 0, threads: 1), responder: EchoResponder())
        _ = try server.start()
        let ready = Atomic<Bool>(false)
        let received = Atomic<Int32>(0)
        let waiter = try LoopThread.spawn {
            ShutdownSignals.block()  // before announcing readiness: the signal must find it blocked
            ready.store(true, ordering: .releasing)
            received.store(ShutdownSignals.waitThenShutdown(server), ordering: .releasing)
        }
        while !ready.load(ordering: .acquiring) { usleep(1_000) }
        pthread_kill(waiter, SIGTERM)
        let start = MonotonicClock.now()
        server.waitUntilStopped()
        pthread_join(waiter, nil)
        #expect(received.load(ordering: .acquiring) == SIGTERM)
        #expect(elapsedSeconds(since: start) < 5)
    }
}

/// `EchoResponder` that records when its slow handler has begun, so a test can
/// shut down while a request is provably in flight instead of guessing with a sleep.
final class EnteredFlagResponder: HTTPResponder {
    let entered = Atomic<Bool>(false)
    private let echo = EchoResponder()

    func respond(to request: HTTPRequest) -> HTTPResponse {
        if request.path == "/slow" { entered.store(true, ordering: .releasing) }
        return echo.respond(to: request)
    }
}
