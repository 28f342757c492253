import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A signing key kept in a file, so tokens survive a restart.
///
/// ES256: the PKCS#8 PEM (SEC1 `EC PRIVATE KEY` files load too).
/// HS256: the secret as text; surrounding whitespace is trimmed, and what
/// remains must be at least 32 bytes. A new file is created with
/// `O_CREAT|O_EXCL` and mode 0600 in the same call, so there is no moment when
/// the secret sits in a file others can read (no chmod-after race).
package enum SigningKeyFile {
    /// Largest key file read, in bytes; a PEM key is well under 1 KiB.
    package static let maxFileBytes = 16 * 1024
    /// Permission bits of a created key file: owner read and write only.
    package static let createdFileMode: mode_t = 0o600

    /// Loads the key at `path`, or generates one and writes it there if no file exists.
    package static func loadOrCreate(path: String, algorithm: JWTAlgorithm) throws(JWTError) -> JWTKey {
        if let contents = try readFile(path: path) {
            return try key(fromFile: contents, algorithm: algorithm)
        }
        let key = try JWTKey(generating: algorithm)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, createdFileMode)
        if fd < 0 {
            // Another process created it between our read and our create: use theirs.
            if errno == EEXIST, let contents = try readFile(path: path) { return try self.key(fromFile: contents, algorithm: algorithm) }
            throw .keyError("cannot create key file (errno \(errno))")
        }
        defer { close(fd) }
        let bytes = key.material + (algorithm == .hs256 ? [UInt8(ascii: "\n")] : [])
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { throw .keyError("cannot write key file (errno \(errno))") }
            written += result
        }
        guard fsync(fd) == 0 else { throw .keyError("cannot sync key file (errno \(errno))") }
        return key
    }

    /// Parses file contents as the given algorithm's key.
    package static func key(fromFile contents: [UInt8], algorithm: JWTAlgorithm) throws(JWTError) -> JWTKey {
        switch algorithm {
        case .es256:
            return try JWTKey(algorithm: .es256, material: contents)
        case .hs256:
            let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
            let trimmed = contents.drop(while: isSpace).reversed().drop(while: isSpace).reversed()
            // A PEM here means the file was made for ES256: refuse rather than use a private key as an HMAC secret.
            guard !trimmed.starts(with: Array("-----BEGIN".utf8)) else { throw .keyError("key file holds a PEM key, not an HS256 secret") }
            return try JWTKey(algorithm: .hs256, material: Array(trimmed))
        }
    }

    /// The file's bytes, or nil when it does not exist.
    private static func readFile(path: String) throws(JWTError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw .keyError("cannot open key file (errno \(errno))")
        }
        defer { close(fd) }
        var contents: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = Glibc.read(fd, &buffer, buffer.count)
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw .keyError("cannot read key file (errno \(errno))") }
            if count == 0 { return contents }
            contents += buffer.prefix(count)
            guard contents.count <= maxFileBytes else { throw .keyError("key file is larger than \(maxFileBytes) bytes") }
        }
    }
}
