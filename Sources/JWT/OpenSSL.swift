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
