import Foundation

extension StaticFiles {
    /// A file read whole, with what the headers need.
    struct LoadedFile {
        let path: String
        let bytes: [UInt8]
        let modified: Date
    }

    /// Reads the file `requestPath` names. Opened with `O_NOFOLLOW` on the already-resolved
    /// real path, then checked with `fstat` on the open descriptor (regular file, size
    /// limit), so what is read is what was checked.
    func load(requestPath: String) throws(HTTPError) -> LoadedFile {
        let path = try resolve(requestPath: requestPath)
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw Self.notFound }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size <= maxFileBytes else {
            throw Self.notFound
        }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(fd, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            filled += count
        }
        // A file that shrank while being read is served as read; one that grew is cut at
        // the size fstat saw. Either way the ETag is computed from exactly these bytes.
        bytes.removeSubrange(filled...)
        let modified = Date(timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec))
        return LoadedFile(path: path, bytes: bytes, modified: modified)
    }
}
