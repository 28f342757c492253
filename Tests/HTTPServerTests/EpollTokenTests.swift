import Testing

@testable import HTTPServer

/// The epoll registration tag that lets a loop ignore a stale event for a closed
/// connection whose descriptor number an accept in the same batch already reused.
@Suite struct EpollTokenTests {
    @Test(arguments: [(Int32(0), UInt64(0)), (9, 1), (9, 4_000_000_000), (Int32.max, UInt64(UInt32.max))])
    func rawValueRoundTripsDescriptorAndConnectionID(fd: Int32, id: UInt64) {
        let token = EpollToken(fd: fd, connectionID: id)
        let decoded = EpollToken(raw: token.raw)
        #expect(decoded == token)
        #expect(decoded.fd == fd)
        #expect(decoded.tag == UInt32(truncatingIfNeeded: id))
    }

    @Test func descriptorSitsInTheLowBitsWhereEpollDataFdReadsIt() {
        #expect(EpollToken(fd: 9, connectionID: 7).raw & 0xFFFF_FFFF == 9)
    }

    @Test func staleEventForAClosedConnectionDoesNotBelongToTheConnectionReusingItsDescriptor() {
        let old = Connection(fd: 9, id: 41, remoteAddress: "a", limits: HTTPLimits(), now: 0)
        let reused = Connection(fd: 9, id: 42, remoteAddress: "b", limits: HTTPLimits(), now: 0)
        let staleEvent = EpollToken(raw: EpollToken(fd: old.fd, connectionID: old.id).raw)
        #expect(staleEvent.belongs(to: old))
        #expect(!staleEvent.belongs(to: reused))
    }
}
