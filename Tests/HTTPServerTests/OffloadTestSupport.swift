import Glibc
import Synchronization

@testable import HTTPServer

/// Holds the slow route's handlers until the test opens it, so "a slow request is
/// in flight" is an observed fact (`entered`) rather than a guess made with a sleep.
final class Gate: Sendable {
    private let isOpen = Atomic<Bool>(false)
    private let entries = Atomic<Int>(0)

    var entered: Int { entries.load(ordering: .acquiring) }

    /// Called by a handler: counts itself in, then waits for `open()`.
    func pass() {
        entries.add(1, ordering: .releasing)
        while !isOpen.load(ordering: .acquiring) { usleep(1_000) }
    }

    func open() { isOpen.store(true, ordering: .releasing) }
}

/// `/slow` is offloaded and waits at the gate; everything else is fast and inline.
/// Both echo the query, so a test can tell whose answer it received.
struct OffloadResponder: HTTPResponder {
    let gate: Gate

    func respond(to request: HTTPRequest) -> HTTPResponse {
        switch request.path {
        case "/slow":
            gate.pass()
            return .text("slow \(request.query ?? "")")
        default:
            return .text("fast \(request.query ?? "")")
        }
    }

    func runsOffLoop(_ request: HTTPRequest) -> Bool { request.path == "/slow" }
}

/// Polls `condition` every millisecond until it holds or `timeoutSeconds` pass.
func waitUntil(timeoutSeconds: Double = 5, _ condition: () -> Bool) -> Bool {
    let start = MonotonicClock.now()
    while !condition() {
        if elapsedSeconds(since: start) > timeoutSeconds { return false }
        usleep(1_000)
    }
    return true
}

/// A live server with an offload pool, always shut down and joined; the gate is
/// opened first so no worker stays parked in it.
func withOffloadServer(
    threads: Int = 1, offloadThreads: Int? = nil, queueCapacity: Int = 256, graceSeconds: Double = 3,
    log: (@Sendable (String) -> Void)? = nil, _ body: (Int, HTTPServer, Gate) throws -> Void
) throws {
    let gate = Gate()
    var limits = HTTPLimits()
    limits.shutdownGraceSeconds = graceSeconds
    let configuration = HTTPServerConfiguration(
        port: 0, threads: threads, limits: limits, log: log, offloadThreads: offloadThreads, offloadQueueCapacity: queueCapacity)
    let server = HTTPServer(configuration: configuration, responder: OffloadResponder(gate: gate))
    let port = try server.start()
    defer {
        gate.open()
        server.shutdown()
        server.waitUntilStopped()
    }
    try body(port, server, gate)
}

extension TestClient {
    /// True when a byte arrives within `milliseconds` (it is left unread in the socket).
    func hasBytes(withinMilliseconds milliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, milliseconds) == 1
    }

    /// One request, its answer, and the seconds it took.
    func timedGet(_ target: String) throws -> (TestResponse, Double) {
        let start = MonotonicClock.now()
        send("GET \(target) HTTP/1.1\r\nHost: t\r\n\r\n")
        let response = try readResponse()
        return (response, elapsedSeconds(since: start))
    }
}

/// Connects, sends `request`, and closes with a reset (SO_LINGER 0) instead of a FIN,
/// once `afterSending` returns: the server sees EPOLLERR, not EOF.
func sendThenReset(port: Int, _ request: String, afterSending: () -> Void) throws {
    let client = try TestClient(port: port)
    client.send(request)
    afterSending()
    var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
    setsockopt(client.fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
}  // `client` is released here: its deinit's close(2) sends the reset
