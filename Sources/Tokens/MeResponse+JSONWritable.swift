import HTTPServer

/// `GET /token/me` is the bearer model's hottest JSON: written by hand, keys in sorted order.
extension MeResponse: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) throws {
        writer.beginObject()
        writer.key("claims")
        try writer.value(claims)
        writer.key("user")
        if let user { try writer.value(user) } else { writer.null() }
        writer.endObject()
    }
}
