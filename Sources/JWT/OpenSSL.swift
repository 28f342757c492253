import COpenSSL

/// The one place libcrypto failures become Swift errors.
///
/// OpenSSL keeps a per-thread error queue; every failure path drains it so a
/// stale entry can never be blamed on a later, unrelated call.
enum OpenSSL {
    /// Drains the thread's error queue into a `keyError` naming the failed call.
    static func error(_ call: String) -> JWTError {
        var reasons: [String] = []
        while case let code = ERR_get_error(), code != 0 {
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            reasons.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        let detail = reasons.isEmpty ? "" : ": " + reasons.joined(separator: "; ")
        return .keyError("\(call) failed\(detail)")
    }

    /// Forgets queued errors after a failure that is an expected outcome (a bad signature).
    static func clearErrors() { ERR_clear_error() }

    /// Cryptographically secure random bytes from OpenSSL's DRBG.
    static func randomBytes(_ count: Int) throws(JWTError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        guard RAND_bytes(&bytes, Int32(count)) == 1 else { throw error("RAND_bytes") }
        return bytes
    }

    /// Reads everything written into a memory BIO.
    static func drain(_ bio: OpaquePointer) -> [UInt8] {
        let pending = Int(BIO_ctrl_pending(bio))
        var out = [UInt8](repeating: 0, count: pending)
        let read = BIO_read(bio, &out, Int32(pending))
        return Array(out.prefix(max(0, Int(read))))
    }
}

/// Comparison whose running time does not depend on where two secrets differ.
///
/// A plain `==` returns at the first differing byte, which lets an attacker
/// learn a MAC one byte at a time by timing. Lengths are not secret (a MAC's
/// length is public), so unequal lengths return false at once.
package enum ConstantTime {
    package static func equals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        if lhs.isEmpty { return true }
        return lhs.withUnsafeBytes { a in rhs.withUnsafeBytes { b in CRYPTO_memcmp(a.baseAddress, b.baseAddress, a.count) == 0 } }
    }
}

/// SHA-256 over libcrypto, shared with the Tokens module (refresh-token hashing).
package enum SHA256 {
    /// The 32-byte digest of `bytes`.
    package static func hash(_ bytes: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let ok = bytes.withUnsafeBytes { input in EVP_Digest(input.baseAddress, input.count, &digest, &length, EVP_sha256(), nil) }
        // EVP_Digest with the built-in SHA-256 cannot fail short of memory exhaustion.
        precondition(ok == 1 && length == 32, "EVP_Digest(SHA-256) failed")
        return digest
    }

    /// Lowercase hex of `hash(bytes)`.
    package static func hex(_ bytes: [UInt8]) -> String { hexString(hash(bytes)) }

    /// Lowercase hex of any bytes.
    package static func hexString(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes { out += [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]] }
        return String(decoding: out, as: UTF8.self)
    }
}
