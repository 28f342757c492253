import Glibc
import Synchronization
import Testing

@testable import HTTPServer

/// Live-server behaviour of offloaded routes: the loop keeps serving while workers
/// hold slow requests, answers stay in pipelining order, and closes, overload and
/// shutdown are handled without losing or misdelivering an answer. Serialized: the
/// timing bound and the descriptor-reuse case want the machine to themselves.
@Suite(.serialized) struct OffloadServerTests {
    static func slowRequest(_ tag: String) -> String { "GET /slow?\(tag) HTTP/1.1\r\nHost: t\r\n\r\n" }

    /// A one-loop server with a 0.2 s grace, one offloaded request held at the gate, and shutdown begun.
    func shutDownWhileAWorkerIsHeld(tag: String) throws -> (HTTPServer, Gate, TestClient) {
        let gate = Gate()
        var limits = HTTPLimits()
        limits.shutdownGraceSeconds = 0.2
        let server = HTTPServer(
            configuration: HTTPServerConfiguration(port: 0, threads: 1, limits: limits), responder: OffloadResponder(gate: gate))
        let busy = try TestClient(port: try server.start())
        busy.send(Self.slowRequest(tag))
        #expect(waitUntil { gate.entered == 1 })
        server.shutdown()
        return (server, gate, busy)
    }
    /// Generous, as other suites run in parallel: a fast answer takes well under a millisecond;
    /// a stalled loop takes until the gate opens, which happens only after this check.
    static let fastAnswerBoundSeconds = 2.0

    @Test func fastRequestsOnOtherConnectionsCompleteWhileSlowRequestsHoldTheWorkers() throws {
        try withOffloadServer(threads: 2) { port, server, gate in
            let slowClients = try (0..<4).map { i in
                let client = try TestClient(port: port)
                client.send(Self.slowRequest("\(i)"))
                return client
            }
            // Two workers parked at the gate, two requests queued: all four in flight, no loop blocked.
            #expect(waitUntil { gate.entered == 2 && server.offloadLoad == (queued: 2, running: 2) })
            let fastClients = try (0..<10).map { _ in try TestClient(port: port) }
            var slowest = 0.0
            for round in 0..<5 {
                for (i, client) in fastClients.enumerated() {
                    let (response, seconds) = try client.timedGet("/fast?\(round)-\(i)")
                    #expect(response.bodyText == "fast \(round)-\(i)")
                    slowest = max(slowest, seconds)
                }
            }
            #expect(slowest < Self.fastAnswerBoundSeconds, "slowest fast answer took \(slowest) s")
            #expect(server.offloadLoad == (queued: 2, running: 2), "every fast answer came while the slow ones were held")
            gate.open()
            for (i, client) in slowClients.enumerated() {
                #expect(try client.readResponse().bodyText == "slow \(i)")
            }
        }
    }

    @Test func pipelinedRequestsAfterAnOffloadedOneAreAnsweredInOrder() throws {
        try withOffloadServer { port, _, gate in
            let client = try TestClient(port: port)
            client.send(Self.slowRequest("1") + "GET /fast?2 HTTP/1.1\r\nHost: t\r\n\r\n" + Self.slowRequest("3"))
            #expect(waitUntil { gate.entered == 1 })
            #expect(!client.hasBytes(withinMilliseconds: 100), "the fast request must not overtake the slow one")
            gate.open()
            #expect(try client.readResponse().bodyText == "slow 1")
            #expect(try client.readResponse().bodyText == "fast 2")
            #expect(try client.readResponse().bodyText == "slow 3")
        }
    }

    @Test func clientClosingDuringSlowWorkLeavesTheServerServing() throws {
        try withOffloadServer { port, server, gate in
            do {
                let leaving = try TestClient(port: port)
                leaving.send(Self.slowRequest("gone"))
                #expect(waitUntil { gate.entered == 1 })
            }  // FIN while the worker has the request
            try sendThenReset(port: port, Self.slowRequest("reset")) {
                #expect(waitUntil { server.offloadLoad.queued == 1 })  // reset while queued for the worker
            }
            gate.open()
            #expect(waitUntil { gate.entered == 2 })
            let client = try TestClient(port: port)
            #expect(try client.timedGet("/fast?after").0.bodyText == "fast after")
            client.send(Self.slowRequest("mine"))
            #expect(try client.readResponse().bodyText == "slow mine")
        }
    }

    @Test func lateAnswerForAResetConnectionNeverReachesTheConnectionReusingItsDescriptor() throws {
        try withOffloadServer { port, server, gate in
            try sendThenReset(port: port, Self.slowRequest("stale")) {
                #expect(waitUntil { gate.entered == 1 })
            }
            // The reset closes the server side; the next accept usually gets the same
            // descriptor number, so only the connection ID tells the two apart.
            #expect(waitUntil { server.openConnections == 0 })
            let next = try TestClient(port: port)
            next.send(Self.slowRequest("fresh"))
            #expect(waitUntil { server.offloadLoad.queued == 1 })
            gate.open()
            #expect(try next.readResponse().bodyText == "slow fresh")
            #expect(try next.timedGet("/fast?again").0.bodyText == "fast again")
        }
    }

    @Test func fullQueueIsAnsweredAt503WithRetryAfter() throws {
        try withOffloadServer(offloadThreads: 1, queueCapacity: 1) { port, server, gate in
            let running = try TestClient(port: port)
            running.send(Self.slowRequest("running"))
            #expect(waitUntil { gate.entered == 1 })
            let queued = try TestClient(port: port)
            queued.send(Self.slowRequest("queued"))
            #expect(waitUntil { server.offloadLoad.queued == 1 })
            let refused = try TestClient(port: port)
            refused.send(Self.slowRequest("refused") + "GET /fast?next HTTP/1.1\r\nHost: t\r\n\r\n")
            let answer = try refused.readResponse()
            #expect(answer.status == 503)
            #expect(answer.header("Retry-After") == "1")
            #expect(answer.bodyText.contains(#""error":"overloaded""#))
            #expect(try refused.readResponse().bodyText == "fast next")  // the connection goes on
            gate.open()
            #expect(try running.readResponse().bodyText == "slow running")
            #expect(try queued.readResponse().bodyText == "slow queued")
        }
    }

    @Test func shutdownWaitsForAnOffloadedRequestAndDeliversItWithClose() throws {
        let gate = Gate()
        let server = HTTPServer(configuration: HTTPServerConfiguration(port: 0, threads: 1), responder: OffloadResponder(gate: gate))
        let port = try server.start()
        let busy = try TestClient(port: port)
        let idle = try TestClient(port: port)
        busy.send(Self.slowRequest("last"))
        #expect(waitUntil { gate.entered == 1 })
        server.shutdown()
        #expect(idle.isClosedByServer())  // the drain has begun, and the busy connection stayed
        gate.open()
        server.waitUntilStopped()
        let response = try busy.readResponse()
        #expect(response.bodyText == "slow last")
        #expect(response.header("Connection") == "close")
    }

    @Test func answerLaterThanTheGracePeriodIsDroppedAndStopStillReturns() throws {
        let (server, gate, busy) = try shutDownWhileAWorkerIsHeld(tag: "late")
        // The loop gives up on this connection at the grace deadline; only then does the answer come.
        #expect(waitUntil { server.openConnections == 0 })
        gate.open()
        server.waitUntilStopped()
        #expect(busy.isClosedByServer())
    }

    @Test func stopReturnsAtTheGraceDeadlineWhileAWorkerIsStillBusy() throws {
        let (server, gate, busy) = try shutDownWhileAWorkerIsHeld(tag: "stuck")
        let stopped = Atomic<Bool>(false)
        let stopper = try LoopThread.spawn {
            server.waitUntilStopped()
            stopped.store(true, ordering: .releasing)
        }
        // Grace + 2 s, with the worker still parked: stop must not wait for it.
        #expect(waitUntil(timeoutSeconds: 2.2) { stopped.load(ordering: .acquiring) })
        gate.open()  // the detached worker finishes; its answer meets a closed mailbox
        pthread_join(stopper, nil)
        #expect(busy.isClosedByServer())
    }

    @Test func requestLogLineIsWrittenWhenTheAnswerIsQueuedWithTheFullDuration() throws {
        let log = LogCollector()
        try withOffloadServer(log: log.sink) { port, _, gate in
            let client = try TestClient(port: port)
            client.send(Self.slowRequest("logged"))
            #expect(waitUntil { gate.entered == 1 })
            usleep(150_000)  // the duration being measured, not a synchronisation
            #expect(log.all.isEmpty)
            gate.open()
            _ = try client.readResponse()
        }
        let line = try #require(log.all.first)
        #expect(line.hasPrefix("GET /slow 200 "))
        let milliseconds = Double(line.split(separator: " ").last!.dropLast(2)) ?? 0
        #expect(milliseconds >= 150)
    }

    @Test func zeroOffloadThreadsRunsMarkedRoutesInline() throws {
        try withOffloadServer(offloadThreads: 0) { port, server, gate in
            gate.open()
            let client = try TestClient(port: port)
            #expect(try client.timedGet("/slow?inline").0.bodyText == "slow inline")
            #expect(server.offloadLoad == (queued: 0, running: 0))
        }
    }
}
