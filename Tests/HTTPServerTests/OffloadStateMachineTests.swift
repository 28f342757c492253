import Testing

@testable import HTTPServer

/// The `awaitingResponse` state: a worker holds the request; the connection neither
/// parses, reads nor times out until the answer is queued.
@Suite struct OffloadStateMachineTests {
    let limits = HTTPLimits(headerReadTimeoutSeconds: 1, keepAliveIdleTimeoutSeconds: 5)
    let second: UInt64 = 1_000_000_000
    static let request = "POST /login HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n"

    func parse(_ machine: inout HTTPConnectionStateMachine, _ text: String, now: UInt64 = 0)
        -> HTTPConnectionStateMachine.ParseAction
    {
        Array(text.utf8).withUnsafeBufferPointer { machine.parse($0, now: now) }
    }

    /// A machine whose first request has just gone to a worker.
    func deferred() -> HTTPConnectionStateMachine {
        var machine = HTTPConnectionStateMachine(limits: limits, now: 0)
        guard case .handle = parse(&machine, Self.request) else {
            Issue.record("expected handle")
            return machine
        }
        machine.responseDeferred()
        return machine
    }

    @Test func deferredRequestWaitsWithoutParsingPipelinedInputOrTimingOut() {
        var machine = deferred()
        #expect(machine.state == .awaitingResponse)
        guard case .wait = parse(&machine, "GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n", now: second) else {
            Issue.record("a pipelined request must wait for the worker's answer")
            return
        }
        #expect(machine.tick(now: 3600 * second) == .none)
        #expect(machine.state == .awaitingResponse)
    }

    @Test func flushWhileAwaitingPausesReadingOrKeepsWritingEarlierAnswers() {
        var machine = deferred()
        #expect(machine.flushed(pending: true, now: 0) == .awaitWritable)
        #expect(machine.flushed(pending: false, now: 0) == .pauseReading)
        #expect(machine.state == .awaitingResponse)
    }

    @Test func queuedAnswerReturnsToIdleWithTheIdleTimeoutAndParsesTheNextRequest() {
        var machine = deferred()
        machine.responseQueued(now: 2 * second)
        #expect(machine.state == .idle)
        #expect(machine.deadline == 7 * second)
        #expect(machine.flushed(pending: false, now: 2 * second) == .resumeReading)
        guard case .handle(let next, _, _) = parse(&machine, "GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n", now: 2 * second) else {
            Issue.record("the next request is parsed once the answer is queued")
            return
        }
        #expect(next.path == "/healthz")
    }

    @Test func shutdownWhileAwaitingFinishesTheRequestThenCloses() {
        var machine = deferred()
        #expect(machine.shutdownRequested() == .none)
        #expect(machine.state == .awaitingResponse)
        machine.responseQueued(now: second)
        #expect(machine.flushed(pending: false, now: second) == .close)
    }

    @Test func peerEOFWhileAwaitingKeepsTheConnectionForTheAnswerThenCloses() {
        var machine = deferred()
        #expect(machine.peerClosed() != .close)
        #expect(machine.closeAfterWrite)
        machine.responseQueued(now: second)
        #expect(machine.flushed(pending: true, now: second) == .awaitWritable)
        #expect(machine.flushed(pending: false, now: second) == .close)
    }

    @Test func deferringOutsideARequestChangesNothing() {
        var machine = HTTPConnectionStateMachine(limits: limits, now: 0)
        machine.responseDeferred()
        #expect(machine.state == .idle)
        #expect(machine.deadline == 5 * second)
    }
}
