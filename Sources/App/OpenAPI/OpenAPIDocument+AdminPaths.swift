extension OpenAPIDocument {
    /// Administration: both credentials are accepted, so each route lists both security schemes.
    static let adminPaths = #"""
        "/api/admin/users/{id}/scopes": {
          "put": {
            "operationId": "setUserScopes", "tags": ["admin"],
            "summary": "Replace a user's scopes; the change applies on that user's next request.",
            "description": "Permissions live in the database (a per-user scope list), so a session sees the change on its next request.",
            "security": [{"cookieAuth": []}, {"bearerAuth": ["admin:users"]}],
            "parameters": [{"$ref": "#/components/parameters/UserID"}],
            "requestBody": {
              "required": true,
              "content": {"application/json": {"schema": {
                "type": "object", "required": ["scopes"],
                "properties": {"scopes": {"type": "array", "maxItems": 32, "items": {"$ref": "#/components/schemas/Scope"}, "examples": [["read:books"]]}}
              }}}
            },
            "responses": {
              "200": {"$ref": "#/components/responses/UserResponse"},
              "400": {"$ref": "#/components/responses/InvalidRequest"},
              "401": {"$ref": "#/components/responses/AdminUnauthorized"},
              "403": {"$ref": "#/components/responses/AdminForbidden"},
              "404": {"$ref": "#/components/responses/NotFound"},
              "405": {"$ref": "#/components/responses/MethodNotAllowed"},
              "413": {"$ref": "#/components/responses/PayloadTooLarge"},
              "421": {"$ref": "#/components/responses/Misdirected"},
              "431": {"$ref": "#/components/responses/HeadersTooLarge"}
            }
          }
        },
        "/api/admin/users/{id}/logout-everywhere": {
          "post": {
            "operationId": "logoutUserEverywhere", "tags": ["admin"],
            "summary": "End every session of a user and revoke all their refresh tokens.",
            "description": "Access tokens already issued stay valid until exp unless the server runs with --revocation denylist: the price of stateless tokens.",
            "security": [{"cookieAuth": []}, {"bearerAuth": ["admin:users"]}],
            "parameters": [{"$ref": "#/components/parameters/UserID"}],
            "responses": {
              "200": {
                "description": "What was ended.",
                "content": {"application/json": {"schema": {
                  "type": "object", "required": ["sessions_ended", "refresh_tokens_revoked"],
                  "properties": {
                    "sessions_ended": {"type": "integer", "minimum": 0},
                    "refresh_tokens_revoked": {"type": "integer", "minimum": 0}
                  }
                }}}
              },
              "400": {"$ref": "#/components/responses/InvalidRequest"},
              "401": {"$ref": "#/components/responses/AdminUnauthorized"},
              "403": {"$ref": "#/components/responses/AdminForbidden"},
              "404": {"$ref": "#/components/responses/NotFound"},
              "405": {"$ref": "#/components/responses/MethodNotAllowed"},
              "413": {"$ref": "#/components/responses/PayloadTooLarge"},
              "421": {"$ref": "#/components/responses/Misdirected"},
              "431": {"$ref": "#/components/responses/HeadersTooLarge"}
            }
          }
        },
        "/api/admin/restart": {
          "post": {
            "operationId": "restartServer", "tags": ["admin"],
            "summary": "Drain and re-execute the server with the same arguments (a real restart, for the teaching page).",
            "description": "Exists only when the server listens on loopback and was started with --allow-restart; otherwise the route is unknown (404). Needs no credentials: loopback only. Sessions (memory) are lost across the restart; tokens and orders (signing key, SQLite) survive.",
            "security": [],
            "responses": {
              "202": {"description": "Accepted: the server drains its connections, then restarts."},
              "400": {"$ref": "#/components/responses/InvalidRequest"},
              "404": {"$ref": "#/components/responses/NotFound"},
              "405": {"$ref": "#/components/responses/MethodNotAllowed"},
              "413": {"$ref": "#/components/responses/PayloadTooLarge"},
              "421": {"$ref": "#/components/responses/Misdirected"},
              "431": {"$ref": "#/components/responses/HeadersTooLarge"}
            }
          }
        }
        """#
}
