extension OpenAPIDocument {
    /// The domain and protocol shapes: errors, users, books, carts, orders, tokens, keys.
    static let schemas = #"""
        "Error": {
          "type": "object", "required": ["error", "error_description"],
          "description": "Every error response. error is a stable machine-readable code; error_description is for people.",
          "properties": {
            "error": {"type": "string", "examples": ["invalid_request", "no_session", "invalid_token", "insufficient_scope"]},
            "error_description": {"type": "string"}
          }
        },
        "Scope": {"type": "string", "enum": ["read:books", "read:orders", "write:cart", "write:orders", "admin:users"]},
        "Role": {"type": "string", "enum": ["USER", "ADMIN"]},
        "User": {
          "type": "object", "required": ["id", "username", "role", "scopes"],
          "properties": {
            "id": {"type": "integer", "examples": [42]},
            "username": {"type": "string", "examples": ["edgaras"]},
            "role": {"$ref": "#/components/schemas/Role"},
            "scopes": {"type": "array", "items": {"$ref": "#/components/schemas/Scope"}}
          }
        },
        "Book": {
          "type": "object", "required": ["id", "title", "author", "price_cents"],
          "properties": {
            "id": {"type": "integer"},
            "title": {"type": "string"},
            "author": {"type": "string"},
            "price_cents": {"type": "integer", "minimum": 0, "description": "Price in integer cents (no floating point money)."}
          }
        },
        "Credentials": {
          "type": "object", "required": ["username", "password"],
          "properties": {"username": {"type": "string", "examples": ["edgaras"]}, "password": {"type": "string", "format": "password", "examples": ["passport42"]}}
        },
        "CartItemInput": {
          "type": "object", "required": ["book_id", "qty"],
          "properties": {"book_id": {"type": "integer"}, "qty": {"type": "integer", "minimum": 1, "maximum": 99}}
        },
        "CartItem": {
          "type": "object", "required": ["book_id", "title", "qty", "price_cents"],
          "properties": {
            "book_id": {"type": "integer"},
            "title": {"type": "string"},
            "qty": {"type": "integer", "minimum": 1, "maximum": 99},
            "price_cents": {"type": "integer", "minimum": 0, "description": "Unit price in cents."}
          }
        },
        "Cart": {
          "type": "object", "required": ["items", "total_cents"],
          "properties": {
            "items": {"type": "array", "items": {"$ref": "#/components/schemas/CartItem"}},
            "total_cents": {"type": "integer", "minimum": 0}
          }
        },
        "Order": {
          "type": "object", "required": ["id", "items", "total_cents", "created_at"],
          "properties": {
            "id": {"type": "integer"},
            "items": {"type": "array", "items": {"$ref": "#/components/schemas/CartItem"}},
            "total_cents": {"type": "integer", "minimum": 0},
            "created_at": {"type": "string", "format": "date-time"}
          }
        },
        "RefreshTokenRequest": {
          "type": "object", "required": ["refresh_token"], "properties": {"refresh_token": {"type": "string"}}
        },
        "TokenPair": {
          "type": "object", "required": ["access_token", "token_type", "expires_in", "refresh_token", "scope"],
          "properties": {
            "access_token": {"type": "string", "description": "JWS compact serialization: header.payload.signature, base64url."},
            "token_type": {"const": "Bearer"},
            "expires_in": {"type": "integer", "minimum": 1, "description": "Access token lifetime in seconds (default 300)."},
            "refresh_token": {"type": "string", "description": "Opaque; the server stores only its SHA-256."},
            "scope": {"type": "string", "description": "Granted scopes, space-separated.", "examples": ["read:books read:orders write:cart write:orders"]}
          }
        },
        "Claims": {
          "type": "object", "required": ["iss", "aud", "sub", "role", "scope", "iat", "nbf", "exp", "jti"],
          "description": "The access token's payload. Times are seconds since the Unix epoch.",
          "properties": {
            "iss": {"type": "string"},
            "aud": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
            "sub": {"type": "string", "description": "The user id as a string.", "examples": ["42"]},
            "role": {"$ref": "#/components/schemas/Role"},
            "scope": {"type": "string", "description": "Space-separated scopes."},
            "iat": {"type": "integer"},
            "nbf": {"type": "integer"},
            "exp": {"type": "integer"},
            "jti": {"type": "string", "description": "Unique token id; what the denylist remembers."}
          }
        },
        "IntrospectionRequest": {
          "type": "object", "required": ["token"], "properties": {"token": {"type": "string", "description": "The access token to examine."}}
        },
        "Introspection": {
          "description": "RFC 7662: {active: true, ...claims} or exactly {active: false}.",
          "oneOf": [
            {"allOf": [{"$ref": "#/components/schemas/Claims"}, {"type": "object", "required": ["active"], "properties": {"active": {"const": true}}}]},
            {"type": "object", "required": ["active"], "properties": {"active": {"const": false}}, "additionalProperties": false}
          ]
        },
        "JWK": {
          "type": "object", "required": ["kty", "kid", "alg", "use"],
          "description": "A public key (RFC 7517). An ES256 key is an EC P-256 key with x and y.",
          "properties": {
            "kty": {"type": "string", "examples": ["EC"]},
            "kid": {"type": "string"},
            "alg": {"type": "string", "examples": ["ES256"]},
            "use": {"const": "sig"},
            "crv": {"type": "string", "examples": ["P-256"]},
            "x": {"type": "string", "description": "base64url"},
            "y": {"type": "string", "description": "base64url"}
          }
        },
        "JWKS": {
          "type": "object", "required": ["keys"],
          "description": "Public signing keys. Under HS256 the key is a shared secret, so the set has no keys to publish.",
          "properties": {"keys": {"type": "array", "items": {"$ref": "#/components/schemas/JWK"}}}
        }
        """#
}
