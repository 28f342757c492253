import Bookstore
import HTTPServer

/// `{"created_at","id","items","total_cents","user_id"}`.
extension Order: JSONWritable {
    package func writeJSON(to writer: inout JSONWriter) throws {
        writer.beginObject()
        writer.key("created_at")
        try writer.date(createdAt)
        writer.key("id")
        writer.int(id)
        writer.key("items")
        writer.array(items) { writer, item in item.writeJSON(to: &writer) }
        writer.key("total_cents")
        writer.int(totalCents)
        writer.key("user_id")
        writer.int(userID)
        writer.endObject()
    }
}

/// `{"book_id","price_cents","qty","title"}`: an order line, and a priced cart line.
extension OrderItem: JSONWritable {
    package func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("book_id")
        writer.int(bookID)
        writer.key("price_cents")
        writer.int(priceCents)
        writer.key("qty")
        writer.int(qty)
        writer.key("title")
        writer.string(title)
        writer.endObject()
    }
}

/// `{"order": …}`.
extension OrderEnvelope: JSONWritable {
    package func writeJSON(to writer: inout JSONWriter) throws {
        writer.beginObject()
        writer.key("order")
        try order.writeJSON(to: &writer)
        writer.endObject()
    }
}

/// `{"orders": […]}`.
extension OrdersEnvelope: JSONWritable {
    package func writeJSON(to writer: inout JSONWriter) throws {
        writer.beginObject()
        writer.key("orders")
        try writer.array(orders) { writer, order in try order.writeJSON(to: &writer) }
        writer.endObject()
    }
}
