import Bookstore

/// An honest estimate of the table's memory, for `/api/inspect`'s `approx_bytes`.
///
/// Computed from the real structures, shard by shard, under each shard's lock:
/// - the slot array at its allocated capacity (`MemoryLayout<Slot>.stride` each:
///   32-byte key, the entry's inline fields, two links), including free slots;
/// - the dictionary's buckets: Swift keeps the load factor ≤ 3/4, so about
///   `capacity × 4/3` buckets of key + slot index, plus one metadata bit each;
/// - the free-slot list;
/// - heap storage of each entry's strings (username, last page) and cart lines.
/// It leaves out malloc rounding and the few shard objects, so it is a floor.
extension SessionTable {
    /// Bytes in a heap object's header (isa pointer + refcount) on 64-bit.
    static let heapObjectHeaderBytes = 16
    /// Bytes of a native string or array buffer header beyond the object
    /// header: count and capacity (and flags) words.
    static let bufferHeaderBytes = 16
    /// Longest UTF-8 string Swift stores inline in the 16-byte `String` itself.
    static let smallStringMaxBytes = 15

    /// Estimated bytes held by all shards; see the extension's comment.
    package func approximateBytes() -> Int {
        shards.reduce(0) { total, locked in
            total + locked.state.withLock { Self.approximateBytes(of: $0) }
        }
    }

    static func approximateBytes(of shard: SessionTableShard) -> Int {
        let slotBytes = shard.slots.capacity * MemoryLayout<SessionTableShard.Slot>.stride
        let bucketCount = shard.slotOf.capacity * 4 / 3
        let bucketBytes = bucketCount * (MemoryLayout<SessionKey>.stride + MemoryLayout<Int>.stride) + bucketCount / 8
        let freeListBytes = shard.freeSlots.capacity * MemoryLayout<Int>.stride
        var entryHeapBytes = 0
        shard.forEach { _, entry in entryHeapBytes += heapBytes(of: entry) }
        return slotBytes + bucketBytes + freeListBytes + entryHeapBytes
    }

    /// Heap storage owned by one entry beyond its inline fields.
    static func heapBytes(of entry: SessionEntry) -> Int {
        var bytes = heapBytes(of: entry.username) + heapBytes(of: entry.lastPage ?? "")
        let lines = entry.cart.lines
        if lines.capacity > 0 {
            bytes += heapObjectHeaderBytes + bufferHeaderBytes + lines.capacity * MemoryLayout<Cart.Line>.stride
        }
        return bytes
    }

    /// A string's heap buffer: none for small strings, else header + UTF-8 + NUL terminator.
    static func heapBytes(of string: String) -> Int {
        let utf8Count = string.utf8.count
        guard utf8Count > smallStringMaxBytes else { return 0 }
        return heapObjectHeaderBytes + bufferHeaderBytes + utf8Count + 1
    }
}
