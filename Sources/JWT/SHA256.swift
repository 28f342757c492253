import COpenSSL

/// SHA-256 over libcrypto, shared with the Tokens module (refresh-token hashing).
package enum SHA256 {
    /// The 32-byte digest of `bytes`.
    package static func hash(_ bytes: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let ok = bytes.withUnsafeBytes { input in
            EVP_Digest(input.baseAddress, input.count, &digest, &length, FetchedAlgorithms.shared.sha256, nil)
        }
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
