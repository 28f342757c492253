import Bookstore
import Foundation
import HTTPServer
import Sessions

/// The routes both models share: health, the catalog, the inspector and the contract.
struct CommonRoutes: Sendable {
    let store: Bookstore
    let sessions: SessionTable
    /// The public half of the signing keys, as RFC 7517 JWKS JSON bytes.
    let jwks: @Sendable () throws -> HTTPResponse
    let clock: @Sendable () -> Date

    /// Sessions listed by `/api/inspect`, most recently seen first; the count covers them all.
    static let inspectSessionLimit = 100

    func register(into routes: inout RouterBuilder) {
        routes.get("/healthz") { _ in Self.healthy }
        routes.get("/api/books") { _ in try .json(BooksEnvelope(books: store.books())) }
        routes.get("/api/inspect") { _ in try inspect() }
        routes.get("/.well-known/jwks.json") { _ in try jwks() }
        routes.get("/openapi.json") { _ in Self.openAPI }
    }

    /// Built once: the health answer is on every load balancer's and benchmark's hot path.
    static let healthy = HTTPResponse(
        status: .ok, headers: ["Content-Type": HTTPResponse.jsonContentType, "Cache-Control": "no-store"],
        body: Array(#"{"status":"ok"}"#.utf8))

    static let openAPI = HTTPResponse(
        status: .ok, headers: ["Content-Type": OpenAPIDocument.contentType], body: Array(OpenAPIDocument.json.utf8))

    /// What the server holds right now: the coat-check's memory beside the database.
    /// Secrets never appear: ids and refresh tokens only as a hash prefix.
    func inspect() throws -> HTTPResponse {
        let memory = MemoryPart(
            count: sessions.count, approxBytes: sessions.approximateBytes(),
            sessions: sessions.snapshot(limit: Self.inspectSessionLimit))
        let body = InspectResponse(memory: memory, database: try store.databaseSnapshot(now: clock()))
        return try .json(body, headers: ["Cache-Control": "no-store"])
    }
}

struct BooksEnvelope: Encodable {
    let books: [Book]
}

/// `GET /api/inspect`, in api.md's shape.
struct InspectResponse: Encodable {
    let memory: MemoryPart
    let database: DatabaseSnapshot
}

struct MemoryPart: Encodable {
    let count: Int
    let approxBytes: Int
    let sessions: [SessionSnapshot]
}
