/// Requests for routes marked `offload: true`: the loop hands them to the worker
/// pool and goes on serving its other connections; the answer comes back through
/// the mailbox and is queued exactly as an inline answer would have been.
extension EventLoop {
    /// The answer when every worker is busy and the queue is full.
    static let overloaded = HTTPResponse.error(
        HTTPError(
            .serviceUnavailable, "overloaded", "The server is busy with other sign-ins; retry shortly.",
            headers: ["Retry-After": "1"]))

    /// Hands `request` to a worker. Returns false when there is no pool (the caller
    /// then answers inline). A full queue is answered here with 503 `overloaded`.
    func offload(_ request: HTTPRequest, close: Bool, on connection: Connection, now: UInt64) -> Bool {
        guard let workers = context.workers else { return false }
        let job = WorkerPool.Job(
            request: request, ticket: OffloadTicket(fd: connection.fd, connectionID: connection.id), mailbox: mailbox)
        guard workers.submit(job) else {
            queue(
                Self.overloaded, method: request.method, path: request.path, version: request.version, close: close, on: connection,
                startedAt: now, now: now)
            return true
        }
        connection.offloaded = Connection.Offloaded(
            method: request.method, path: request.path, version: request.version, close: close, startedAt: now)
        connection.machine.responseDeferred()
        return true
    }

    /// Queues each worker answer on its connection, if that connection still exists
    /// and is still waiting; an answer for a closed (or closed and reused) descriptor
    /// is dropped. Then carries on with the connection's pipelined input and writes.
    func deliverOffloadedResponses(now: UInt64) {
        for completion in mailbox.takeAll() {
            let ticket = completion.ticket
            guard let connection = connections[ticket.fd], connection.id == ticket.connectionID, !connection.isClosed,
                let offloaded = connection.offloaded
            else { continue }
            connection.offloaded = nil
            queue(
                completion.response, method: offloaded.method, path: offloaded.path, version: offloaded.version,
                close: offloaded.close, on: connection, startedAt: offloaded.startedAt, now: now)
            drive(connection, now: now)
        }
    }
}
