import Glibc
import Synchronization

/// Names the connection an offloaded request came from, without a pointer to it:
/// the descriptor finds the connection and the loop-unique `connectionID` proves it
/// is still the same one (a closed descriptor's number is soon reused).
struct OffloadTicket: Sendable, Equatable {
    let fd: Int32
    let connectionID: UInt64
}

/// A worker's finished answer, on its way back to the loop that owns the connection.
struct OffloadCompletion: Sendable {
    let ticket: OffloadTicket
    let response: HTTPResponse
}

/// The one way into an event loop from another thread: workers append their
/// answers under a lock and poke the loop's eventfd; the loop takes them all at
/// once when it wakes. The inline path never touches it.
final class LoopMailbox: Sendable {
    /// The loop's wake-up eventfd (owned and closed by `HTTPServer`).
    let wakeFD: Int32
    private let state = Mutex(State())

    /// The pending answers, and whether `wakeFD` may still be written.
    private struct State {
        var completions: [OffloadCompletion] = []
        var closed = false
    }

    init(wakeFD: Int32) {
        self.wakeFD = wakeFD
    }

    /// Called on a worker thread. The append happens before the wake-up, so a loop
    /// that reset the eventfd and then took the mailbox cannot miss this answer.
    /// After `close()` the answer is dropped: the descriptor may be closed, or
    /// already reused by an unrelated file, so writing to it would corrupt that file.
    func post(_ completion: OffloadCompletion) {
        state.withLock { state in
            guard !state.closed else { return }
            state.completions.append(completion)
            var one: UInt64 = 1
            _ = write(wakeFD, &one, 8)  // under the lock, so `close()` cannot slip in between check and write
        }
    }

    /// Called by the server before it closes `wakeFD`; later posts are dropped.
    func close() {
        state.withLock { state in
            state.closed = true
            state.completions = []
        }
    }

    /// Called on the loop thread after it read (reset) its eventfd.
    func takeAll() -> [OffloadCompletion] {
        state.withLock { state in
            defer { state.completions = [] }
            return state.completions
        }
    }
}
