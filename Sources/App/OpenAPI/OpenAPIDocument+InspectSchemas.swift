extension OpenAPIDocument {
    /// The `/api/inspect` shape: what each model makes the server remember, secrets reduced to hash prefixes.
    static let inspectSchemas = #"""
        "Inspect": {
          "type": "object", "required": ["memory", "database"],
          "properties": {"memory": {"$ref": "#/components/schemas/InspectMemory"}, "database": {"$ref": "#/components/schemas/InspectDatabase"}}
        },
        "HashPrefix": {"type": "string", "pattern": "^[0-9a-f]{8}$", "description": "First 8 hex characters of the secret's SHA-256; never the secret."},
        "InspectMemory": {
          "type": "object", "required": ["count", "approx_bytes", "sessions"],
          "description": "The session table (the coat-check).",
          "properties": {
            "count": {"type": "integer", "minimum": 0},
            "approx_bytes": {"type": "integer", "minimum": 0},
            "sessions": {"type": "array", "items": {"$ref": "#/components/schemas/InspectSession"}}
          }
        },
        "InspectSession": {
          "type": "object", "required": ["sid_sha256_prefix", "user_id", "username", "cart", "last_page", "created_at", "last_seen_at"],
          "properties": {
            "sid_sha256_prefix": {"$ref": "#/components/schemas/HashPrefix"},
            "user_id": {"type": "integer"},
            "username": {"type": "string"},
            "cart": {"type": "array", "items": {
              "type": "object", "required": ["book_id", "qty"],
              "properties": {"book_id": {"type": "integer"}, "qty": {"type": "integer", "minimum": 1, "maximum": 99}}
            }},
            "last_page": {"type": ["string", "null"], "examples": ["/session/checkout"]},
            "created_at": {"type": "string", "format": "date-time"},
            "last_seen_at": {"type": "string", "format": "date-time"}
          }
        },
        "InspectDatabase": {
          "type": "object", "required": ["carts", "orders", "refresh_tokens", "revoked_jtis"],
          "description": "Rows in SQLite: token carts, every order, refresh tokens and the jti denylist.",
          "properties": {
            "carts": {"type": "array", "items": {
              "type": "object", "required": ["user_id", "book_id", "qty"],
              "properties": {"user_id": {"type": "integer"}, "book_id": {"type": "integer"}, "qty": {"type": "integer", "minimum": 1, "maximum": 99}}
            }},
            "orders": {"type": "array", "items": {
              "type": "object", "required": ["id", "user_id", "total_cents", "created_at"],
              "properties": {
                "id": {"type": "integer"}, "user_id": {"type": "integer"},
                "total_cents": {"type": "integer", "minimum": 0}, "created_at": {"type": "string", "format": "date-time"}
              }
            }},
            "refresh_tokens": {"type": "array", "items": {"$ref": "#/components/schemas/InspectRefreshToken"}},
            "revoked_jtis": {"type": "array", "items": {
              "type": "object", "required": ["jti", "expires_at"],
              "properties": {"jti": {"type": "string"}, "expires_at": {"type": "string", "format": "date-time"}}
            }}
          }
        },
        "InspectRefreshToken": {
          "type": "object", "required": ["token_sha256_prefix", "family", "user_id", "expires_at", "state"],
          "properties": {
            "token_sha256_prefix": {"$ref": "#/components/schemas/HashPrefix"},
            "family": {"type": "string"},
            "user_id": {"type": "integer"},
            "expires_at": {"type": "string", "format": "date-time"},
            "state": {"type": "string", "enum": ["active", "spent", "revoked"]}
          }
        }
        """#
}
