import Foundation
import Testing

@testable import App

/// Checks that the embedded OpenAPI document is well-formed JSON, covers every route of
/// api.md (and nothing else), and is internally consistent: every `$ref` lands on a
/// component and every operation has a unique `operationId`.
@Suite struct OpenAPIDocumentTests {
    /// A route of api.md: the method (lower-case, as OpenAPI spells it) and the path template.
    struct Route: Sendable, CustomTestStringConvertible {
        let method: String
        let path: String
        var testDescription: String { "\(method.uppercased()) \(path)" }
        init(_ method: String, _ path: String) {
            self.method = method
            self.path = path
        }
    }

    /// Every route api.md names, written out by hand so a forgotten one fails here.
    static let contractRoutes: [Route] = [
        Route("get", "/"),
        Route("get", "/healthz"),
        Route("get", "/api/books"),
        Route("get", "/.well-known/jwks.json"),
        Route("get", "/api/inspect"),
        Route("get", "/openapi.json"),
        Route("put", "/api/admin/users/{id}/scopes"),
        Route("post", "/api/admin/users/{id}/logout-everywhere"),
        Route("post", "/api/admin/restart"),
        Route("post", "/session/login"),
        Route("post", "/session/logout"),
        Route("get", "/session/me"),
        Route("get", "/session/cart"),
        Route("post", "/session/cart/items"),
        Route("delete", "/session/cart/items/{book_id}"),
        Route("post", "/session/checkout"),
        Route("get", "/session/orders"),
        Route("get", "/session/orders/{id}"),
        Route("post", "/token/login"),
        Route("post", "/token/refresh"),
        Route("post", "/token/logout"),
        Route("get", "/token/me"),
        Route("get", "/token/cart"),
        Route("post", "/token/cart/items"),
        Route("delete", "/token/cart/items/{book_id}"),
        Route("post", "/token/checkout"),
        Route("get", "/token/orders"),
        Route("get", "/token/orders/{id}"),
        Route("post", "/token/introspect"),
    ]

    /// Route-specific error codes api.md names: (method, path, status, error code).
    static let contractErrors: [(Route, String, String)] = [
        (Route("post", "/session/login"), "401", "invalid_credentials"),
        (Route("post", "/token/login"), "401", "invalid_credentials"),
        (Route("get", "/session/me"), "401", "no_session"),
        (Route("post", "/session/cart/items"), "403", "csrf_rejected"),
        (Route("post", "/session/cart/items"), "404", "unknown_book"),
        (Route("post", "/token/cart/items"), "404", "unknown_book"),
        (Route("post", "/session/checkout"), "409", "empty_cart"),
        (Route("post", "/token/checkout"), "409", "empty_cart"),
        (Route("get", "/session/orders/{id}"), "404", "not_found"),
        (Route("get", "/token/orders/{id}"), "404", "not_found"),
        (Route("post", "/token/refresh"), "401", "invalid_grant"),
        (Route("get", "/token/orders"), "403", "insufficient_scope"),
        (Route("post", "/token/introspect"), "403", "insufficient_scope"),
        (Route("put", "/api/admin/users/{id}/scopes"), "401", "no_session"),
        (Route("put", "/api/admin/users/{id}/scopes"), "401", "invalid_token"),
        (Route("post", "/api/admin/users/{id}/logout-everywhere"), "403", "insufficient_scope"),
        (Route("post", "/api/admin/restart"), "404", "not_found"),
    ]

    @Test func documentParsesAsAJSONObject() throws {
        let object = try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8))
        #expect(object is [String: Any])
    }

    @Test func documentDeclaresOpenAPI310VersionOneAndTheLoopbackServer() throws {
        let document = try Self.document()
        #expect(document["openapi"] as? String == "3.1.0")
        #expect((document["info"] as? [String: Any])?["version"] as? String == "1.0.0")
        let servers = document["servers"] as? [[String: Any]]
        #expect(servers?.compactMap { $0["url"] as? String } == ["http://127.0.0.1:8080"])
    }

    @Test(arguments: contractRoutes)
    func everyContractRouteIsDocumented(route: Route) throws {
        #expect(try Self.operation(route) != nil)
    }

    @Test func documentHasNoOperationOutsideTheContract() throws {
        let documented = Set(try Self.operations().map { "\($0.route.method) \($0.route.path)" })
        let expected = Set(Self.contractRoutes.map { "\($0.method) \($0.path)" })
        #expect(documented.subtracting(expected).isEmpty, "undocumented in api.md: \(documented.subtracting(expected))")
        #expect(documented.count == Self.contractRoutes.count)
    }

    @Test func everyOperationHasAUniqueOperationID() throws {
        let operations = try Self.operations()
        let ids = operations.compactMap { $0.operation["operationId"] as? String }
        #expect(ids.count == operations.count, "an operation lacks an operationId")
        #expect(Set(ids).count == ids.count, "duplicated: \(Dictionary(grouping: ids, by: { $0 }).filter { $1.count > 1 }.keys)")
    }

    @Test func everyReferenceResolvesToAComponent() throws {
        let document = try Self.document()
        let references = Self.references(in: document)
        #expect(references.count > 50)
        for reference in references {
            #expect(reference.hasPrefix("#/components/"), "\(reference)")
            #expect(Self.resolve(reference, in: document) != nil, "dangling \(reference)")
        }
    }

    @Test func referenceCheckCatchesADanglingReference() {
        let document: [String: Any] = [
            "components": ["schemas": ["Book": ["type": "object"]]],
            "paths": ["/x": ["get": ["$ref": "#/components/schemas/Missing"]]],
        ]
        #expect(Self.references(in: document) == ["#/components/schemas/Missing"])
        #expect(Self.resolve("#/components/schemas/Missing", in: document) == nil)
        #expect(Self.resolve("#/components/schemas/Book", in: document) != nil)
    }

    @Test func everyOperationDocumentsTheLimitsEveryRouteShares() throws {
        for (route, operation) in try Self.operations() {
            let statuses = Set((operation["responses"] as? [String: Any] ?? [:]).keys)
            for shared in ["400", "405", "413", "431"] {
                #expect(statuses.contains(shared), "\(route.testDescription) lacks \(shared)")
            }
        }
    }

    @Test(arguments: contractErrors)
    func routeDocumentsTheErrorCodeTheContractNames(route: Route, status: String, code: String) throws {
        let document = try Self.document()
        let responses = try #require(try Self.operation(route)?["responses"] as? [String: Any])
        let response = try #require(responses[status] as? [String: Any], "\(route.testDescription) lacks \(status)")
        // The code sits in a const, an enum or an example somewhere inside the resolved response.
        let text = Self.flatten(response, in: document)
        #expect(text.contains("\"\(code)\""), "\(route.testDescription) \(status) never names \(code)")
    }

    @Test func logoutRoutesAnswer204WithoutABody() throws {
        for route in [Route("post", "/session/logout"), Route("post", "/token/logout")] {
            let responses = try #require(try Self.operation(route)?["responses"] as? [String: Any])
            let noContent = try #require(responses["204"] as? [String: Any])
            #expect(noContent["content"] == nil)
        }
    }

    @Test func introspectionAcceptsJSONAndFormBodiesWithAToken() throws {
        let document = try Self.document()
        let operation = try #require(try Self.operation(Route("post", "/token/introspect")))
        let content = try #require((operation["requestBody"] as? [String: Any])?["content"] as? [String: Any])
        #expect(Set(content.keys) == ["application/json", "application/x-www-form-urlencoded"])
        let schema = try #require(Self.resolve("#/components/schemas/IntrospectionRequest", in: document) as? [String: Any])
        #expect(schema["required"] as? [String] == ["token"])
    }

    @Test func securitySchemesAreTheSessionCookieAndABearerJWT() throws {
        let document = try Self.document()
        let cookie = try #require(Self.resolve("#/components/securitySchemes/cookieAuth", in: document) as? [String: Any])
        #expect(cookie["type"] as? String == "apiKey")
        #expect(cookie["in"] as? String == "cookie")
        #expect(cookie["name"] as? String == "sid")
        let bearer = try #require(Self.resolve("#/components/securitySchemes/bearerAuth", in: document) as? [String: Any])
        #expect(bearer["type"] as? String == "http")
        #expect(bearer["scheme"] as? String == "bearer")
        #expect(bearer["bearerFormat"] as? String == "JWT")
    }
}

/// JSON walking helpers: parse the document, list operations, collect and resolve `$ref`s.
extension OpenAPIDocumentTests {
    /// The HTTP methods an OpenAPI path item may hold.
    static let httpMethods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    static func document() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8))
        return object as? [String: Any] ?? [:]
    }

    /// Every (route, operation object) pair under `paths`.
    static func operations() throws -> [(route: Route, operation: [String: Any])] {
        let paths = try document()["paths"] as? [String: Any] ?? [:]
        return paths.flatMap { path, item in
            (item as? [String: Any] ?? [:]).compactMap { method, operation in
                guard httpMethods.contains(method), let operation = operation as? [String: Any] else { return nil }
                return (Route(method, path), operation)
            }
        }
    }

    static func operation(_ route: Route) throws -> [String: Any]? {
        let paths = try document()["paths"] as? [String: Any]
        return (paths?[route.path] as? [String: Any])?[route.method] as? [String: Any]
    }

    /// Every `$ref` value anywhere in `value`, depth first.
    static func references(in value: Any) -> [String] {
        if let object = value as? [String: Any] {
            let own = (object["$ref"] as? String).map { [$0] } ?? []
            return own + object.filter { $0.key != "$ref" }.values.flatMap { references(in: $0) }
        }
        if let array = value as? [Any] { return array.flatMap { references(in: $0) } }
        return []
    }

    /// Follows a local JSON Pointer (RFC 6901) such as `#/components/schemas/Book`; nil if it dangles.
    static func resolve(_ reference: String, in document: [String: Any]) -> Any? {
        guard reference.hasPrefix("#/") else { return nil }
        var current: Any = document
        for token in reference.dropFirst(2).split(separator: "/", omittingEmptySubsequences: false) {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            if let object = current as? [String: Any], let next = object[key] {
                current = next
            } else if let array = current as? [Any], let index = Int(key), array.indices.contains(index) {
                current = array[index]
            } else {
                return nil
            }
        }
        return current
    }

    /// The value with every `$ref` replaced by its target, as JSON text, so a test can look for a code in it.
    static func flatten(_ value: Any, in document: [String: Any]) -> String {
        func inline(_ value: Any, _ depth: Int) -> Any {
            guard depth < 16 else { return value }
            if let object = value as? [String: Any] {
                if let reference = object["$ref"] as? String, let target = resolve(reference, in: document) {
                    return inline(target, depth + 1)
                }
                return object.mapValues { inline($0, depth + 1) }
            }
            if let array = value as? [Any] { return array.map { inline($0, depth + 1) } }
            return value
        }
        let data = try? JSONSerialization.data(withJSONObject: inline(value, 0), options: [.sortedKeys])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}
