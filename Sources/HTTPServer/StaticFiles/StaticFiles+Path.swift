import Foundation

extension StaticFiles {
    static let notFound = HTTPError.notFound("No such file.")

    /// Maps a percent-encoded request path to names under the root, refusing anything that
    /// could step outside it or name a hidden file. Each segment is checked after decoding,
    /// so `%2e%2e` is caught exactly like `..`, and a decoded `/` or `\` is refused, not
    /// split. Only this function turns client bytes into a file system path.
    static func relativeComponents(of requestPath: String) throws(HTTPError) -> [String] {
        guard requestPath.utf8.first == UInt8(ascii: "/") else { throw notFound }
        var segments = requestPath.utf8.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        let wantsIndex = segments.last?.isEmpty ?? true
        if wantsIndex, !segments.isEmpty { segments.removeLast() }
        var components: [String] = []
        for raw in segments {
            guard let bytes = PercentDecoding.decodeBytes(Substring(raw).utf8) else {
                throw HTTPError.invalidRequest("The path has invalid percent-encoding.")
            }
            guard let first = bytes.first, first != UInt8(ascii: "."),
                !bytes.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") }),
                let name = String(validating: bytes, as: UTF8.self)
            else { throw notFound }
            components.append(name)
        }
        if wantsIndex { components.append("index.html") }
        return components
    }

    /// The canonical path of `path` (symlinks and `..` resolved by the kernel), or nil.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The real path of the file a request names, if and only if it lies inside the real
    /// root and no component below the root is hidden. A symlink inside the root may point
    /// elsewhere inside it; one that leaves the root is refused here.
    func resolve(requestPath: String) throws(HTTPError) -> String {
        let components = try Self.relativeComponents(of: requestPath)
        guard let realRoot = Self.realPath(root), let real = Self.realPath(realRoot + "/" + components.joined(separator: "/"))
        else { throw Self.notFound }
        let prefix = realRoot.hasSuffix("/") ? realRoot : realRoot + "/"
        guard real.hasPrefix(prefix), !real.dropFirst(prefix.count).split(separator: "/").contains(where: { $0.hasPrefix(".") })
        else { throw Self.notFound }
        return real
    }
}
