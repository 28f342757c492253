/// A route's path pattern such as `/session/orders/{id}`: literal segments and
/// `{name}` parameter segments, each a whole segment. Matching is exact: a pattern
/// `/a` does not match `/a/` (no trailing-slash redirect), and a parameter never
/// matches an empty segment, so `/orders/` is not `/orders/{id}`.
struct PathPattern: Sendable, Hashable, CustomStringConvertible {
    /// One segment between slashes.
    enum Segment: Sendable, Hashable {
        case literal(String)
        case parameter(String)
    }

    /// The pattern as written (after joining group prefixes), e.g. `/session/orders/{id}`.
    let text: String
    let segments: [Segment]

    /// Parses a pattern. Patterns are written by programmers at startup, so a malformed
    /// one is a programming error and stops the process with a clear message.
    init(_ text: String) {
        precondition(text.hasPrefix("/"), "Route pattern '\(text)' must start with '/'.")
        self.text = text
        self.segments = text.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map { raw in
            if raw.hasPrefix("{") && raw.hasSuffix("}") && raw.count > 2 {
                let name = raw.dropFirst().dropLast()
                precondition(
                    name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" },
                    "Route pattern '\(text)' has an invalid parameter name '\(name)'.")
                return .parameter(String(name))
            }
            precondition(!raw.contains("{") && !raw.contains("}"), "Route pattern '\(text)': '{name}' must be a whole segment.")
            // Literals are compared with decoded request segments, so they are written decoded.
            precondition(!raw.contains("%"), "Route pattern '\(text)': write literal segments without percent-encoding.")
            return .literal(String(raw))
        }
        let names = segments.compactMap { if case .parameter(let name) = $0 { name } else { nil } }
        precondition(Set(names).count == names.count, "Route pattern '\(text)' repeats a parameter name.")
    }

    /// True when every segment is literal, so the route can live in the exact-match dictionary.
    var isLiteral: Bool { segments.allSatisfy { if case .literal = $0 { true } else { false } } }

    /// The parameter names in order of appearance.
    var parameterNames: [String] { segments.compactMap { if case .parameter(let name) = $0 { name } else { nil } } }

    /// Joins a group prefix and a route path. A route path of `/` or `` inside a group
    /// means the prefix itself (`/session` + `/` is `/session`, not `/session/`).
    static func join(_ prefix: String, _ path: String) -> String {
        let prefix = prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix
        if path.isEmpty || path == "/" { return prefix.isEmpty ? "/" : prefix }
        return prefix + (path.hasPrefix("/") ? path : "/" + path)
    }

    var description: String { text }
}
