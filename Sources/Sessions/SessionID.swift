/// A session id: 32 bytes from the kernel's CSPRNG, base64url without padding.
///
/// 256 bits is far past api.md's ≥128-bit floor, so guessing a live id is
/// hopeless even with 100,000 sessions open. The value goes into the `sid`
/// cookie and nowhere else: the table stores only ``hash``.
package struct SessionID: Sendable, Hashable, CustomStringConvertible {
    /// Random bytes per id.
    package static let randomByteCount = 32
    /// Characters of the base64url form of ``randomByteCount`` bytes (no padding).
    package static let encodedLength = 43

    /// The base64url text, as sent in `Set-Cookie`.
    package let rawValue: String

    /// Wraps a value known to be a well-formed id (generated here).
    private init(uncheckedRawValue: String) { rawValue = uncheckedRawValue }

    /// Accepts a cookie value only if it has the exact shape of an id we issue:
    /// 43 characters from the base64url alphabet. Anything else is rejected
    /// before hashing, so junk cookies cost almost nothing.
    package init?(rawValue: String) {
        let utf8 = rawValue.utf8
        guard utf8.count == Self.encodedLength, utf8.allSatisfy(Base64URL.isAlphabetByte) else { return nil }
        self.rawValue = rawValue
    }

    /// A fresh id from the OS CSPRNG.
    ///
    /// `SystemRandomNumberGenerator` is the standard library's documented
    /// cryptographically secure source; on Linux it is the `getrandom(2)`
    /// syscall (urandom pool, blocks only until first seeded at boot), retried
    /// on EINTR and short reads, and it traps rather than return weak bytes.
    /// We use it instead of calling `getrandom` ourselves because Swift's Glibc
    /// module does not export `<sys/random.h>`, and instead of `/dev/urandom`
    /// because it needs no file descriptor (and works in a bare chroot).
    package static func random() -> SessionID {
        var generator = SystemRandomNumberGenerator()
        return random(using: &generator)
    }

    /// Draws the id's bytes from `generator`. Only tests pass anything but the
    /// system generator (to pin the encoding).
    static func random<G: RandomNumberGenerator>(using generator: inout G) -> SessionID {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(randomByteCount)
        for _ in 0..<(randomByteCount / 8) {
            let word = generator.next()
            for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
        }
        return SessionID(uncheckedRawValue: Base64URL.encode(bytes))
    }

    /// The table key for this id: SHA-256 of the id's text.
    package var hash: SessionKey { SessionKey(hashing: rawValue) }

    /// Redacted, so an id printed by accident never lands in a log.
    package var description: String { "SessionID(sha256:\(hash.hexPrefix())…)" }
}
