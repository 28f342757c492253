/// One shard of the session table: a dictionary from key to slot, plus an
/// intrusive doubly linked LRU list threaded through an array of slots.
///
/// The list lets the table evict the least recently used entry in O(1), and
/// keeping the nodes in one array (links are indices, freed slots are reused)
/// avoids a heap object per session. Not thread-safe on its own: the table
/// only touches a shard inside that shard's `Mutex`.
struct SessionTableShard: Sendable {
    /// One slot of the slab; `entry == nil` marks a free slot.
    struct Slot: Sendable {
        var key: SessionKey
        var entry: SessionEntry?
        /// Towards the most recently used end (`noSlot` at the head).
        var newer: Int
        /// Towards the least recently used end (`noSlot` at the tail).
        var older: Int
    }

    /// The "null pointer" of the index-linked list.
    static let noSlot = -1

    /// Most entries this shard holds before it evicts.
    let capacity: Int
    private(set) var slotOf: [SessionKey: Int] = [:]
    private(set) var slots: [Slot] = []
    private(set) var freeSlots: [Int] = []
    /// Most recently used.
    private var head = noSlot
    /// Least recently used: the next to be evicted.
    private var tail = noSlot

    init(capacity: Int) {
        precondition(capacity >= 1, "a shard must hold at least one session")
        self.capacity = capacity
    }

    var count: Int { slotOf.count }

    /// The slot holding `key`, if any.
    func slot(for key: SessionKey) -> Int? { slotOf[key] }

    /// Runs `body` on the live entry in `slot`, in place (no copy of the cart).
    mutating func withEntry<T, E: Error>(at slot: Int, _ body: (inout SessionEntry) throws(E) -> T) throws(E) -> T {
        try body(&slots[slot].entry!)
    }

    /// Marks `slot` as just used.
    mutating func touch(_ slot: Int) {
        guard head != slot else { return }
        unlink(slot)
        linkAtHead(slot)
    }

    /// Inserts a new entry as most recently used, evicting the least recently
    /// used one first if the shard is full. Returns the number evicted (0 or 1).
    /// The caller guarantees `key` is not present.
    mutating func insert(_ entry: SessionEntry, for key: SessionKey) -> Int {
        var evicted = 0
        if count >= capacity, tail != Self.noSlot {
            remove(at: tail)
            evicted = 1
        }
        let slot: Int
        if let reused = freeSlots.popLast() {
            slot = reused
            slots[slot] = Slot(key: key, entry: entry, newer: Self.noSlot, older: Self.noSlot)
        } else {
            slot = slots.count
            slots.append(Slot(key: key, entry: entry, newer: Self.noSlot, older: Self.noSlot))
        }
        slotOf[key] = slot
        linkAtHead(slot)
        return evicted
    }

    /// Removes the entry in `slot` and frees the slot (its strings and cart are released now).
    mutating func remove(at slot: Int) {
        unlink(slot)
        slotOf[slots[slot].key] = nil
        slots[slot].entry = nil
        freeSlots.append(slot)
    }

    /// Removes every entry for which `shouldRemove` is true; returns how many.
    mutating func removeAll(where shouldRemove: (SessionEntry) -> Bool) -> Int {
        var removed = 0
        for slot in slots.indices {
            if let entry = slots[slot].entry, shouldRemove(entry) {
                remove(at: slot)
                removed += 1
            }
        }
        return removed
    }

    /// Calls `body` for every live entry, most recently used first.
    func forEach(_ body: (SessionKey, SessionEntry) -> Void) {
        var slot = head
        while slot != Self.noSlot {
            body(slots[slot].key, slots[slot].entry!)
            slot = slots[slot].older
        }
    }

    /// The keys from most to least recently used (tests check the LRU order with it).
    var keysByRecency: [SessionKey] {
        var keys: [SessionKey] = []
        forEach { key, _ in keys.append(key) }
        return keys
    }

    private mutating func unlink(_ slot: Int) {
        let (newer, older) = (slots[slot].newer, slots[slot].older)
        if newer != Self.noSlot { slots[newer].older = older } else { head = older }
        if older != Self.noSlot { slots[older].newer = newer } else { tail = newer }
        slots[slot].newer = Self.noSlot
        slots[slot].older = Self.noSlot
    }

    private mutating func linkAtHead(_ slot: Int) {
        slots[slot].older = head
        slots[slot].newer = Self.noSlot
        if head != Self.noSlot { slots[head].newer = slot }
        head = slot
        if tail == Self.noSlot { tail = slot }
    }
}
