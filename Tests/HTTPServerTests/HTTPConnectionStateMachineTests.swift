import Testing

@testable import HTTPServer

/// Every transition of the connection lifecycle, with an injected clock (nanoseconds) and no sockets.
@Suite struct HTTPConnectionStateMachineTests {
    let limits = HTTPLimits(headerReadTimeoutSeconds: 1, keepAliveIdleTimeoutSeconds: 5)
    let second: UInt64 = 1_000_000_000

    func parse(_ machine: inout HTTPConnectionStateMachine, _ text: String, now: UInt64 = 0)
        -> HTTPConnectionStateMachine.ParseAction
    {
        Array(text.utf8).withUnsafeBufferPointer { machine.parse($0, now: now) }
    }

    @Test func firstByteStartsTheHeaderTimeoutAndACompleteRequestIsHandled() {
        var machine = HTTPConnectionStateMachine(limits: limits, now: 0)
        #expect(machine.state == .idle)
        #expect(machine.deadline == 5 * second)
        guard case .wait = parse(&machine, "GET / HT", now: second) else {
            Issue.record("expected wait")
            return
        }
        #expect(machine.state == .readingRequest)
        #expect(machine.deadline == 2 * second)
        guard case .handle(let request, let consumed, let close) = parse(&machine, "GET / HTTP/1.1\r\nHost: a\r\n\r\n", now: second)
        else {
            Issue.record("expected handle")
            return
        }
        #expect(request.path == "/")
        #expect(consumed == 27)
        #expect(!close)
        machine.responseQueued(now: 3 * second)
        #expect(machine.state == .idle)
        #expect(machine.deadline == 8 * second)
        #expect(machine.flushed(pending: false, now: 3 * second) == .resumeReading)
    }

    @Test func stalledRequestGets408ThenCloses() {
        var machine = HTTPConnectionStateMachine(limits: limits, now: 0)
        _ = parse(&machine, "GET /", now: 0)
        #expect(machine.tick(now: second / 2) == .none)
        #expect(machine.tick(now: second) == .reject(.requestTimeout))
        #expect(machine.flushed(pending: false, now: second) == .close)
        #expect(machine.state == .closed)
    }

    @Test func idleConnectionClosesSilentlyAtTheIdleTimeout() {
        var machine = HTTPConnectionStateMachine(limits: limits, now: 0)
        #expect(machine.tick(now: 4 * second) == .none)
        #expect(machine.tick(now: 5 * second) == .close)
    }

    @Test func connectionCloseRequestClosesAfterTheFlush() {
        var machine = HTTPConnectionStateMachine(limits: limits, now: 0)
        guard case .handle(_, _, let close) = parse(&machine, "GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n") else {
            Issue.record("expected handle")
            return
        }
        #expect(close)
        machine.responseQueued(now: 0)
        guard case .wait = parse(&machine, "GET / HTTP/1.1\r\nHost: a\r\n\r\n") else {
            Issue.record("no request is read after Connection: close")
            return
        }
        #expect(machine.flushed(pending: true, now: 0) == .awaitWritable)
        #expect(machine.flushed(pending: false, now: 0) == .close)
    }

    @Test func framingErrorRejectsAndStopsReading() {
        var machine = HTTPConnectionStateMachine(limits: limits, now: 0)
        guard case .reject(let status) = parse(&machine, "GET / HTTP/1.1\r\nHost : a\r\n\r\n") else {
            Issue.record("expected reject")
            return
        }
        #expect(status == .badRequest)
        #expect(machine.closeAfterWrite)
        #expect(machine.flushed(pending: false, now: 0) == .close)
    }

    @Test func slowReaderPausesReadingThenResumes() {
        var machine = HTTPConnectionStateMachine(limits: limits, now: 0)
        _ = parse(&machine, "GET / HTTP/1.1\r\nHost: a\r\n\r\n")
        machine.responseQueued(now: 0)
        #expect(machine.flushed(pending: true, now: second) == .awaitWritable)
        #expect(machine.state == .writing)
        guard case .wait = parse(&machine, "GET / HTTP/1.1\r\nHost: a\r\n\r\n") else {
            Issue.record("no parsing while writing")
            return
        }
        #expect(machine.tick(now: 6 * second) == .close)  // a reader that never reads is dropped
    }

    @Test func writeCompletesBackToIdle() {
        var machine = HTTPConnectionStateMachine(limits: limits, now: 0)
        _ = parse(&machine, "GET / HTTP/1.1\r\nHost: a\r\n\r\n")
        machine.responseQueued(now: 0)
        _ = machine.flushed(pending: true, now: 0)
        #expect(machine.flushed(pending: false, now: 2 * second) == .resumeReading)
        #expect(machine.state == .idle)
        #expect(machine.deadline == 7 * second)
    }

    @Test func expectContinueAsksForOneContinueLine() {
        var machine = HTTPConnectionStateMachine(limits: limits, now: 0)
        let head = "POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n"
        guard case .sendContinue = parse(&machine, head) else {
            Issue.record("expected sendContinue")
            return
        }
        guard case .wait = parse(&machine, head) else {
            Issue.record("continue is sent once")
            return
        }
        guard case .handle(let request, _, _) = parse(&machine, head + "ok") else {
            Issue.record("expected handle")
            return
        }
        #expect(request.body == Array("ok".utf8))
    }

    @Test func shutdownClosesIdleAndLetsARequestInProgressFinishWithClose() {
        var idle = HTTPConnectionStateMachine(limits: limits, now: 0)
        #expect(idle.shutdownRequested() == .close)

        var busy = HTTPConnectionStateMachine(limits: limits, now: 0)
        _ = parse(&busy, "GET / HTTP/1.1\r\n")
        #expect(busy.shutdownRequested() == .none)
        guard case .handle(_, _, let close) = parse(&busy, "GET / HTTP/1.1\r\nHost: a\r\n\r\n") else {
            Issue.record("expected handle")
            return
        }
        #expect(close)
    }

    @Test func peerEOFWhileWritingFinishesTheWriteThenCloses() {
        var machine = HTTPConnectionStateMachine(limits: limits, now: 0)
        _ = parse(&machine, "GET / HTTP/1.1\r\nHost: a\r\n\r\n")
        machine.responseQueued(now: 0)
        _ = machine.flushed(pending: true, now: 0)
        #expect(machine.peerClosed() == .awaitWritable)
        #expect(machine.flushed(pending: false, now: 0) == .close)

        var idle = HTTPConnectionStateMachine(limits: limits, now: 0)
        #expect(idle.peerClosed() == .close)
    }

    @Test func handlerConnectionCloseEndsAKeepAliveConnection() {
        var machine = HTTPConnectionStateMachine(limits: limits, now: 0)
        _ = parse(&machine, "GET / HTTP/1.1\r\nHost: a\r\n\r\n")
        machine.responseQueued(forceClose: true, now: 0)
        #expect(machine.flushed(pending: false, now: 0) == .close)
    }
}
