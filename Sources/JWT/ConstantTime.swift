import COpenSSL

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
