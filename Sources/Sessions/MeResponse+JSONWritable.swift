import HTTPServer

/// `GET /session/me`, keys in sorted order; `last_page` is `null`, never omitted.
extension MeResponse: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) throws {
        writer.beginObject()
        writer.key("cart_items")
        writer.int(cartItems)
        writer.key("last_page")
        if let lastPage { writer.string(lastPage) } else { writer.null() }
        writer.key("user")
        try writer.value(user)
        writer.endObject()
    }
}
