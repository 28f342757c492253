extension OpenAPIDocument {
    /// Request bodies, path parameters, headers and the two ways of proving who you are.
    static let parametersHeadersAndSecurity = #"""
        "requestBodies": {
          "Credentials": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Credentials"}}}},
          "CartItem": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CartItemInput"}}}},
          "RefreshToken": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RefreshTokenRequest"}}}}
        },
        "parameters": {
          "UserID": {"name": "id", "in": "path", "required": true, "description": "A user id.", "schema": {"type": "integer"}},
          "BookID": {"name": "book_id", "in": "path", "required": true, "description": "A book id.", "schema": {"type": "integer"}},
          "OrderID": {"name": "id", "in": "path", "required": true, "description": "An order id.", "schema": {"type": "integer"}}
        },
        "headers": {
          "SetSessionCookie": {
            "description": "sid=<random, at least 128 bits, base64url>; Path=/; HttpOnly; SameSite=Lax (plus Secure over TLS).",
            "schema": {"type": "string"}
          },
          "ClearSessionCookie": {"description": "sid=; Path=/; Max-Age=0: tells the browser to drop the cookie.", "schema": {"type": "string"}},
          "WWWAuthenticate": {
            "description": "RFC 6750: Bearer realm=\"bookstore\" when no token was sent; otherwise error=\"invalid_token\" or error=\"insufficient_scope\" with scope=\"<needed>\", and error_description.",
            "schema": {"type": "string"}
          },
          "Allow": {"description": "The methods this path supports, comma-separated.", "schema": {"type": "string"}}
        },
        "securitySchemes": {
          "cookieAuth": {
            "type": "apiKey", "in": "cookie", "name": "sid",
            "description": "The coat-check ticket: a random session id; the server looks it up in its session table. Roles listed in a requirement are the scopes the user must hold."
          },
          "bearerAuth": {
            "type": "http", "scheme": "bearer", "bearerFormat": "JWT",
            "description": "The passport: a signed access token (ES256 by default) the server verifies without any lookup. Roles listed in a requirement are the scopes the token must carry."
          }
        }
        """#
}
