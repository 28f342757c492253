import Glibc
import Testing

@testable import HTTPServer

/// The mailbox a worker answers through: once the server has closed it, a late
/// answer from a detached worker must not touch the (possibly reused) wake descriptor.
@Suite struct LoopMailboxTests {
    static let answer = OffloadCompletion(ticket: OffloadTicket(fd: 9, connectionID: 1), response: HTTPResponse(status: .ok))

    /// A pipe stands in for the eventfd: its read end shows whether the mailbox wrote.
    static func withPipe(_ body: (_ readFD: Int32, _ writeFD: Int32) -> Void) {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        _ = fcntl(ends[0], F_SETFL, fcntl(ends[0], F_GETFL) | O_NONBLOCK)
        defer {
            close(ends[0])
            close(ends[1])
        }
        body(ends[0], ends[1])
    }

    static func bytesWaiting(_ fd: Int32) -> Int {
        var buffer = [UInt8](repeating: 0, count: 64)
        return max(0, read(fd, &buffer, buffer.count))
    }

    @Test func postBeforeCloseQueuesTheAnswerAndWakesTheLoop() {
        Self.withPipe { readFD, writeFD in
            let mailbox = LoopMailbox(wakeFD: writeFD)
            mailbox.post(Self.answer)
            #expect(Self.bytesWaiting(readFD) == 8)
            #expect(mailbox.takeAll().map(\.ticket) == [Self.answer.ticket])
        }
    }

    @Test func postAfterCloseIsDroppedWithoutWritingToTheWakeDescriptor() {
        Self.withPipe { readFD, writeFD in
            let mailbox = LoopMailbox(wakeFD: writeFD)
            mailbox.close()
            mailbox.post(Self.answer)
            #expect(Self.bytesWaiting(readFD) == 0)
            #expect(mailbox.takeAll().isEmpty)
        }
    }
}
