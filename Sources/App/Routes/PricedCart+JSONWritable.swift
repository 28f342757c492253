import Bookstore
import HTTPServer

/// `{"items":[…],"total_cents"}`: every cart route's answer.
extension PricedCart: JSONWritable {
    package func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("items")
        writer.array(items) { writer, item in item.writeJSON(to: &writer) }
        writer.key("total_cents")
        writer.int(totalCents)
        writer.endObject()
    }
}
