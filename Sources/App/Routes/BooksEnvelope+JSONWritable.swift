import Bookstore
import HTTPServer

/// `GET /api/books`: `{"books":[…]}`.
extension BooksEnvelope: JSONWritable {
    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("books")
        writer.array(books) { writer, book in book.writeJSON(to: &writer) }
        writer.endObject()
    }
}

/// `{"author","id","price_cents","title"}`.
extension Book: JSONWritable {
    package func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("author")
        writer.string(author)
        writer.key("id")
        writer.int(id)
        writer.key("price_cents")
        writer.int(priceCents)
        writer.key("title")
        writer.string(title)
        writer.endObject()
    }
}
