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
    private let completions = Mutex<[OffloadCompletion]>([])

    init(wakeFD: Int32) {
        self.wakeFD = wakeFD
    }

    /// Called on a worker thread. The append happens before the wake-up, so a loop
    /// that reset the eventfd and then took the mailbox cannot miss this answer.
    func post(_ completion: OffloadCompletion) {
        completions.withLock { $0.append(completion) }
        var one: UInt64 = 1
        _ = write(wakeFD, &one, 8)
    }

    /// Called on the loop thread after it read (reset) its eventfd.
    func takeAll() -> [OffloadCompletion] {
        completions.withLock { pending in
            defer { pending = [] }
            return pending
        }
    }
}
