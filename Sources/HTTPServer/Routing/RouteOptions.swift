/// How the server runs a route's handler. The router only records it; the server
/// decides what it means in threads (see `HTTPResponder.runsOffLoop`).
///
/// ```swift
/// routes.post("/login", offload: true, login)          // the verb helpers
/// routes.on(.POST, "/login", options: .offloaded, login)
/// ```
package struct RouteOptions: Sendable, Hashable {
    /// The handler does slow CPU-bound work (a PBKDF2 password check): it runs on a
    /// worker thread so the event loop keeps serving its other connections meanwhile.
    /// Costs a thread hand-off per request, so leave it off for fast handlers.
    package var offload: Bool

    package init(offload: Bool = false) {
        self.offload = offload
    }

    /// The default: the handler runs on the event loop, the fast path.
    package static let inline = RouteOptions()
    /// The handler runs on a worker thread.
    package static let offloaded = RouteOptions(offload: true)
}
