/// The body of both login routes: `{"username","password"}`.
/// Shared by the twins, so a learner sees that signing in is the same on both sides;
/// only what the server hands back differs (a cookie or a token pair).
package struct Credentials: Sendable, Decodable {
    package var username: String
    package var password: String

    /// Bounds that keep a hostile body from costing a slow hash on megabytes of input.
    package static let maxUsernameBytes = 64
    package static let maxPasswordBytes = 1024

    package var isWithinBounds: Bool {
        username.utf8.count <= Self.maxUsernameBytes && password.utf8.count <= Self.maxPasswordBytes
    }
}
