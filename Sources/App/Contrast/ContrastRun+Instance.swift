import Foundation

extension ContrastRun {
    /// One running server on port 0 over the contrast database, with a client for it.
    struct Instance {
        let app: BookstoreApp
        let client: LoopbackClient
        private var stopped = false

        init(_ configuration: AppConfiguration) throws {
            app = try BookstoreApp(configuration: configuration)
            client = LoopbackClient(port: try app.start())
        }

        mutating func stop() {
            guard !stopped else { return }
            stopped = true
            app.shutdown()
            app.waitUntilStopped()
        }

        /// A request with the ticket, as a browser would send it.
        func session(_ method: String, _ path: String, _ sid: String, _ json: String? = nil) throws -> LoopbackClient.Answer {
            try client.send(method, path, headers: [("Cookie", "sid=" + sid)], json: json)
        }

        /// A request with the passport.
        func token(_ method: String, _ path: String, _ token: String, _ json: String? = nil) throws -> LoopbackClient.Answer {
            try client.send(method, path, headers: [("Authorization", "Bearer " + token)], json: json)
        }
    }
}
