extension HTTPRequest {
    /// A path parameter as a positive integer id. Anything else names no resource: 404 `not_found`.
    package func integerParameter(_ name: String) throws(HTTPError) -> Int {
        guard let text = pathParameters[name], text.utf8.count <= 18, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
            let value = Int(text)
        else { throw HTTPError.notFound("No such resource.") }
        return value
    }
}
