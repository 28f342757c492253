import HTTPServer
import Synchronization

/// Remembers that a restart was asked for, and drains the server so the
/// executable can re-execute itself once every in-flight answer is written.
final class RestartFlag: Sendable {
    private let state = Mutex<(requested: Bool, server: HTTPServer?)>((false, nil))

    func attach(_ server: HTTPServer) { state.withLock { $0.server = server } }

    /// Marks the restart and starts a graceful shutdown; the 202 being answered is in flight, so it is still sent.
    func request() {
        let server = state.withLock { state -> HTTPServer? in
            state.requested = true
            return state.server
        }
        server?.shutdown()
    }

    var isRequested: Bool { state.withLock { $0.requested } }
}
