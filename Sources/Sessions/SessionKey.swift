import COpenSSL

/// The table's key: the SHA-256 of a session id, never the id itself.
///
/// Keying by the hash means a dump of the server's memory (or `/api/inspect`)
/// shows nothing a thief could replay as a cookie: the raw id lives only in
/// the browser's cookie jar. Stored as four words so hashing and comparing
/// a key never touches the heap.
package struct SessionKey: Hashable, Sendable {
    /// The digest, big-endian: `w0` holds bytes 0...7.
    private let w0: UInt64
    private let w1: UInt64
    private let w2: UInt64
    private let w3: UInt64

    /// Size of a SHA-256 digest in bytes.
    package static let byteCount = 32

    /// Hashes the cookie value's UTF-8 bytes with libcrypto's SHA-256.
    ///
    /// `COpenSSL` reaches this module through `Bookstore`'s dependency; the
    /// one-shot `SHA256()` is not deprecated in OpenSSL 3.
    package init(hashing value: String) {
        var digest = [UInt8](repeating: 0, count: Self.byteCount)
        var input = Array(value.utf8)
        input.withUnsafeMutableBufferPointer { bytes in
            digest.withUnsafeMutableBufferPointer { out in
                _ = SHA256(bytes.baseAddress, bytes.count, out.baseAddress)
            }
        }
        self.init(digest: digest)
    }

    /// Builds a key from 32 digest bytes (tests compare against known vectors).
    package init(digest: [UInt8]) {
        precondition(digest.count == Self.byteCount, "SHA-256 digests are 32 bytes")
        func word(_ i: Int) -> UInt64 {
            digest[i * 8..<(i + 1) * 8].reduce(0) { $0 << 8 | UInt64($1) }
        }
        (w0, w1, w2, w3) = (word(0), word(1), word(2), word(3))
    }

    /// The 32 digest bytes, in order.
    package var bytes: [UInt8] {
        [w0, w1, w2, w3].flatMap { word in (0..<8).map { UInt8(truncatingIfNeeded: word >> (56 - 8 * $0)) } }
    }

    /// Lowercase hex of the whole digest.
    package var hex: String {
        bytes.map { byte in
            let s = String(byte, radix: 16)
            return byte < 16 ? "0" + s : s
        }.joined()
    }

    /// The first `hexChars` hex characters: what `/api/inspect` shows instead of the id.
    package func hexPrefix(_ hexChars: Int = 8) -> String {
        String(hex.prefix(hexChars))
    }

    /// The top 16 bits of the digest; the table picks a shard from them.
    /// SHA-256 output is uniform, so shards fill evenly whatever ids the clients send.
    var leadingBits: Int { Int(w0 >> 48) }
}
