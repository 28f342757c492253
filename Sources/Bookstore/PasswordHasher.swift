import COpenSSL
import Foundation

/// PBKDF2-HMAC-SHA256 password hashing over libcrypto.
///
/// A stored hash describes itself: `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>`.
/// New hashes use `iterations`; verifying uses the count inside the stored
/// string, so raising the count later does not lock anyone out.
package struct PasswordHasher: Sendable {
    /// OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256.
    package static let defaultIterations = 600_000
    /// Refuse stored counts above this, so a corrupt row cannot stall a login for minutes.
    package static let maxIterations = 10_000_000
    package static let saltByteCount = 16
    package static let hashByteCount = 32
    static let scheme = "pbkdf2-sha256"

    package let iterations: Int

    package init(iterations: Int = Self.defaultIterations) {
        precondition((1...Self.maxIterations).contains(iterations), "iterations out of range")
        self.iterations = iterations
    }

    /// A new self-describing hash of `password` with a fresh random salt.
    package func hash(_ password: String) throws -> String {
        var salt = [UInt8](repeating: 0, count: Self.saltByteCount)
        guard RAND_bytes(&salt, Int32(salt.count)) == 1 else { throw PasswordHashingError.randomBytesFailed }
        let derived = try Self.derive(password, salt: salt, iterations: iterations)
        return [Self.scheme, String(iterations), Data(salt).base64EncodedString(), Data(derived).base64EncodedString()]
            .joined(separator: "$")
    }

    /// The iteration count a stored hash carries, or nil when it is malformed.
    package static func iterations(of stored: String) -> Int? {
        let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == scheme, let count = Int(parts[1]), (1...maxIterations).contains(count) else { return nil }
        return count
    }

    /// True when `password` matches `stored`. A malformed stored string is
    /// simply "no match", never a crash.
    package func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == Self.scheme,
            let count = Int(parts[1]), (1...Self.maxIterations).contains(count),
            let salt = Data(base64Encoded: String(parts[2])), !salt.isEmpty,
            let expected = Data(base64Encoded: String(parts[3])), expected.count == Self.hashByteCount,
            let derived = try? Self.derive(password, salt: Array(salt), iterations: count)
        else { return false }
        // Constant time: how many leading bytes match must not show in the timing.
        return Array(expected).withUnsafeBytes { lhs in
            derived.withUnsafeBytes { rhs in CRYPTO_memcmp(lhs.baseAddress, rhs.baseAddress, Self.hashByteCount) == 0 }
        }
    }

    private static func derive(_ password: String, salt: [UInt8], iterations: Int) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: hashByteCount)
        let passwordBytes = Array(password.utf8)
        let ok = passwordBytes.withUnsafeBufferPointer { pass in
            pass.withMemoryRebound(to: CChar.self) { pass in
                PKCS5_PBKDF2_HMAC(
                    pass.baseAddress, Int32(pass.count), salt, Int32(salt.count), Int32(iterations), EVP_sha256(),
                    Int32(hashByteCount), &out)
            }
        }
        guard ok == 1 else { throw PasswordHashingError.derivationFailed }
        return out
    }
}

/// libcrypto could not produce random bytes or a derived key.
package enum PasswordHashingError: Error, Sendable {
    case randomBytesFailed
    case derivationFailed
}
