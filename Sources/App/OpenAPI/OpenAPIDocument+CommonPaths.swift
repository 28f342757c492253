extension OpenAPIDocument {
    /// Routes that need no authentication: the page, health, catalog, keys, inspection, this document.
    static let commonPaths = #"""
        "/": {
          "get": {
            "operationId": "getTeachingPage", "tags": ["common"],
            "summary": "The side-by-side teaching page (served from the static directory).",
            "responses": {
              "200": {"description": "The page.", "content": {"text/html": {"schema": {"type": "string"}}}},
              "400": {"$ref": "#/components/responses/InvalidRequest"},
              "405": {"$ref": "#/components/responses/MethodNotAllowed"},
              "413": {"$ref": "#/components/responses/PayloadTooLarge"},
              "421": {"$ref": "#/components/responses/Misdirected"},
              "431": {"$ref": "#/components/responses/HeadersTooLarge"}
            }
          }
        },
        "/healthz": {
          "get": {
            "operationId": "getHealth", "tags": ["common"],
            "summary": "Liveness check.",
            "responses": {
              "200": {
                "description": "The server is up.",
                "content": {"application/json": {"schema": {
                  "type": "object", "required": ["status"], "properties": {"status": {"const": "ok"}}
                }}}
              },
              "400": {"$ref": "#/components/responses/InvalidRequest"},
              "405": {"$ref": "#/components/responses/MethodNotAllowed"},
              "413": {"$ref": "#/components/responses/PayloadTooLarge"},
              "421": {"$ref": "#/components/responses/Misdirected"},
              "431": {"$ref": "#/components/responses/HeadersTooLarge"}
            }
          }
        },
        "/api/books": {
          "get": {
            "operationId": "listBooks", "tags": ["common"],
            "summary": "The catalog (no authentication).",
            "responses": {
              "200": {
                "description": "Every book.",
                "content": {"application/json": {"schema": {
                  "type": "object", "required": ["books"],
                  "properties": {"books": {"type": "array", "items": {"$ref": "#/components/schemas/Book"}}}
                }}}
              },
              "400": {"$ref": "#/components/responses/InvalidRequest"},
              "405": {"$ref": "#/components/responses/MethodNotAllowed"},
              "413": {"$ref": "#/components/responses/PayloadTooLarge"},
              "421": {"$ref": "#/components/responses/Misdirected"},
              "431": {"$ref": "#/components/responses/HeadersTooLarge"}
            }
          }
        },
        "/.well-known/jwks.json": {
          "get": {
            "operationId": "getJWKS", "tags": ["common"],
            "summary": "Public signing keys (RFC 7517), so anyone can verify an access token without asking the server.",
            "responses": {
              "200": {"description": "The key set.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/JWKS"}}}},
              "400": {"$ref": "#/components/responses/InvalidRequest"},
              "405": {"$ref": "#/components/responses/MethodNotAllowed"},
              "413": {"$ref": "#/components/responses/PayloadTooLarge"},
              "421": {"$ref": "#/components/responses/Misdirected"},
              "431": {"$ref": "#/components/responses/HeadersTooLarge"}
            }
          }
        },
        "/api/inspect": {
          "get": {
            "operationId": "getInspect", "tags": ["common"],
            "summary": "What the server holds right now, in memory and in the database.",
            "description": "Secrets never appear: session ids and refresh tokens only as an 8-character hex prefix of their SHA-256.",
            "responses": {
              "200": {"description": "The server's state.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Inspect"}}}},
              "400": {"$ref": "#/components/responses/InvalidRequest"},
              "405": {"$ref": "#/components/responses/MethodNotAllowed"},
              "413": {"$ref": "#/components/responses/PayloadTooLarge"},
              "421": {"$ref": "#/components/responses/Misdirected"},
              "431": {"$ref": "#/components/responses/HeadersTooLarge"}
            }
          }
        },
        "/openapi.json": {
          "get": {
            "operationId": "getOpenAPIDocument", "tags": ["common"],
            "summary": "This document.",
            "responses": {
              "200": {"description": "The OpenAPI 3.1 document of the whole contract.", "content": {"application/json": {"schema": {"type": "object"}}}},
              "400": {"$ref": "#/components/responses/InvalidRequest"},
              "405": {"$ref": "#/components/responses/MethodNotAllowed"},
              "413": {"$ref": "#/components/responses/PayloadTooLarge"},
              "421": {"$ref": "#/components/responses/Misdirected"},
              "431": {"$ref": "#/components/responses/HeadersTooLarge"}
            }
          }
        }
        """#
}
