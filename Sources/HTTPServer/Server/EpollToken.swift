/// What an event loop stores in an epoll registration's `data.u64`: the descriptor
/// in the low 32 bits and the low 32 bits of the owning connection's loop-unique ID
/// in the high 32 bits (0 for the wake and listen descriptors).
///
/// WHY: one `epoll_wait` batch can hold an event for a connection that an earlier
/// event of the same batch closed (a failed send of an offloaded answer), after which
/// an accept in that batch reused the descriptor number. Looked up by descriptor
/// alone, the stale event would act on (and could close) the new connection; the
/// ID tells the two apart.
struct EpollToken: Equatable {
    let fd: Int32
    /// The connection's ID truncated to 32 bits; 0 when no connection owns the descriptor.
    let tag: UInt32

    init(fd: Int32, connectionID: UInt64 = 0) {
        self.fd = fd
        self.tag = UInt32(truncatingIfNeeded: connectionID)
    }

    init(raw: UInt64) {
        fd = Int32(bitPattern: UInt32(truncatingIfNeeded: raw))
        tag = UInt32(truncatingIfNeeded: raw >> 32)
    }

    var raw: UInt64 { UInt64(tag) << 32 | UInt64(UInt32(bitPattern: fd)) }

    /// True when this event was registered for `connection` (same descriptor, same ID),
    /// not for an earlier connection that had the descriptor number.
    func belongs(to connection: Connection) -> Bool {
        self == EpollToken(fd: connection.fd, connectionID: connection.id)
    }
}
