import Bookstore
import HTTPServer

// Bookstore knows nothing of HTTP, and both routers write users, carts and orders:
// the app, which links them all, declares these conformances once.
// `HTTPResponse.json` and `JSONWriter.value` find them at run time.

/// `{"id","role","scopes","username"}`.
extension User: JSONWritable {
    package func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("id")
        writer.int(id)
        writer.key("role")
        writer.string(role)
        writer.key("scopes")
        writer.array(scopes) { writer, scope in writer.string(scope) }
        writer.key("username")
        writer.string(username)
        writer.endObject()
    }
}

/// `{"user": …}`: session login and the admin's scope change.
extension UserEnvelope: JSONWritable {
    package func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("user")
        user.writeJSON(to: &writer)
        writer.endObject()
    }
}
