import Bookstore
import Foundation
import JWT

#if canImport(Glibc)
    import Glibc
#endif

extension KeyRing {
    /// What `keys rotate` did, for its output.
    package struct Rotation: Sendable {
        package let retiredKid: String?
        package let newKid: String
        package let verifiesUntil: Date?
    }

    /// Makes a new signing key. The old one is retired, not deleted: its public
    /// half keeps verifying until no token it signed can still be valid.
    package static func rotate(store: Bookstore, policy: TokenPolicy, signingKeyPath: String?, now: Date = Date()) throws -> Rotation {
        let fresh = try JWTKey(generating: policy.algorithm)
        let retiredKid: String?
        if let path = signingKeyPath {
            let old = try SigningKeyFile.loadOrCreate(path: path, algorithm: policy.algorithm)
            // Keep only what verifying needs: the public key for ES256 (the secret for HS256).
            let material = old.publicKeyPEM.map { Array($0.utf8) } ?? old.material
            try store.signingKeys.insertRetired(kid: old.kid, alg: old.algorithm.rawValue, material: material, at: now)
            try replaceKeyFile(path: path, with: fresh)
            retiredKid = old.kid
        } else {
            let retired = try store.signingKeys.replaceActive(
                alg: fresh.algorithm.rawValue, with: fresh.kid, material: fresh.material, at: now)
            retiredKid = retired.last
        }
        let until = retiredKid.map { _ in now.addingTimeInterval(TimeInterval(policy.retiredKeyGraceSeconds)) }
        return Rotation(retiredKid: retiredKid, newKid: fresh.kid, verifiesUntil: until)
    }

    /// Writes the new key beside the old file (0600, created exclusively), then renames it
    /// over the old one, so a crash leaves either the old key or the new one, never half.
    private static func replaceKeyFile(path: String, with key: JWTKey) throws {
        let temporary = path + ".new-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, SigningKeyFile.createdFileMode)
        guard fd >= 0 else { throw JWTError(.keyError, "cannot create \(temporary) (errno \(errno))") }
        let bytes = key.material + (key.algorithm == .hs256 ? [UInt8(ascii: "\n")] : [])
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == bytes.count, synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw JWTError(.keyError, "cannot replace the key file \(path)")
        }
    }
}
