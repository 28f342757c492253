import HTTPServer

/// Login and refresh answers (RFC 6749 §5.1), keys in sorted order.
extension TokenPair: JSONWritable {
    package func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("access_token")
        writer.string(accessToken)
        writer.key("expires_in")
        writer.int(expiresIn)
        writer.key("refresh_token")
        writer.string(refreshToken)
        writer.key("scope")
        writer.string(scope)
        writer.key("token_type")
        writer.string(tokenType)
        writer.endObject()
    }
}
