extension OpenAPIDocument {
    /// The coat-check router: the cookie carries only a random id, the server keeps the state.
    static let sessionPaths = #"""
        "/session/login": {
          "post": {
            "operationId": "sessionLogin", "tags": ["session"],
            "summary": "Sign in; the server stores a session and hands back its id in a cookie.",
            "description": "A new session id (at least 128 random bits, base64url) on every login. The cookie gets Secure when served over TLS.",
            "security": [],
            "requestBody": {"$ref": "#/components/requestBodies/Credentials"},
            "responses": {
              "200": {
                "description": "Signed in.",
                "headers": {"Set-Cookie": {"$ref": "#/components/headers/SetSessionCookie"}},
                "content": {"application/json": {"schema": {
                  "type": "object", "required": ["user"], "properties": {"user": {"$ref": "#/components/schemas/User"}}
                }}}
              },
              "400": {"$ref": "#/components/responses/InvalidRequest"},
              "401": {"$ref": "#/components/responses/InvalidCredentials"},
              "403": {"$ref": "#/components/responses/CSRFRejected"},
              "405": {"$ref": "#/components/responses/MethodNotAllowed"},
              "413": {"$ref": "#/components/responses/PayloadTooLarge"},
              "421": {"$ref": "#/components/responses/Misdirected"},
              "431": {"$ref": "#/components/responses/HeadersTooLarge"}
            }
          }
        },
        "/session/logout": {
          "post": {
            "operationId": "sessionLogout", "tags": ["session"],
            "summary": "Sign out: the server forgets the session at once (the lesson: revocation is one delete).",
            "security": [{"cookieAuth": []}],
            "responses": {
              "204": {"description": "Session removed, cookie cleared.", "headers": {"Set-Cookie": {"$ref": "#/components/headers/ClearSessionCookie"}}},
              "400": {"$ref": "#/components/responses/InvalidRequest"},
              "401": {"$ref": "#/components/responses/NoSession"},
              "403": {"$ref": "#/components/responses/CSRFRejected"},
              "405": {"$ref": "#/components/responses/MethodNotAllowed"},
              "413": {"$ref": "#/components/responses/PayloadTooLarge"},
              "421": {"$ref": "#/components/responses/Misdirected"},
              "431": {"$ref": "#/components/responses/HeadersTooLarge"}
            }
          }
        },
        "/session/me": {
          "get": {
            "operationId": "sessionMe", "tags": ["session"],
            "summary": "Who the session belongs to, and what the server remembers about it.",
            "security": [{"cookieAuth": []}],
            "responses": {
              "200": {
                "description": "The session's user, previous page and cart size.",
                "content": {"application/json": {"schema": {
                  "type": "object", "required": ["user", "last_page", "cart_items"],
                  "properties": {
                    "user": {"$ref": "#/components/schemas/User"},
                    "last_page": {"type": ["string", "null"], "description": "Path of this session's previous request.", "examples": ["/session/checkout"]},
                    "cart_items": {"type": "integer", "minimum": 0, "description": "Units in the cart."}
                  }
                }}}
              },
              "400": {"$ref": "#/components/responses/InvalidRequest"},
              "401": {"$ref": "#/components/responses/NoSession"},
              "405": {"$ref": "#/components/responses/MethodNotAllowed"},
              "413": {"$ref": "#/components/responses/PayloadTooLarge"},
              "421": {"$ref": "#/components/responses/Misdirected"},
              "431": {"$ref": "#/components/responses/HeadersTooLarge"}
            }
          }
        },
        "/session/cart": {
          "get": {
            "operationId": "sessionGetCart", "tags": ["session"],
            "summary": "The cart, held in the session table (memory).",
            "security": [{"cookieAuth": ["write:cart"]}],
            "responses": {
              "200": {"$ref": "#/components/responses/CartResponse"},
              "400": {"$ref": "#/components/responses/InvalidRequest"},
              "401": {"$ref": "#/components/responses/NoSession"},
              "403": {"$ref": "#/components/responses/SessionForbidden"},
              "405": {"$ref": "#/components/responses/MethodNotAllowed"},
              "413": {"$ref": "#/components/responses/PayloadTooLarge"},
              "421": {"$ref": "#/components/responses/Misdirected"},
              "431": {"$ref": "#/components/responses/HeadersTooLarge"}
            }
          }
        },
        "/session/cart/items": {
          "post": {
            "operationId": "sessionSetCartItem", "tags": ["session"],
            "summary": "Set a book's cart line to qty, adding the line if absent.",
            "security": [{"cookieAuth": ["write:cart"]}],
            "requestBody": {"$ref": "#/components/requestBodies/CartItem"},
            "responses": {
              "200": {"$ref": "#/components/responses/CartResponse"},
              "400": {"$ref": "#/components/responses/InvalidRequest"},
              "401": {"$ref": "#/components/responses/NoSession"},
              "403": {"$ref": "#/components/responses/SessionForbidden"},
              "404": {"$ref": "#/components/responses/UnknownBook"},
              "405": {"$ref": "#/components/responses/MethodNotAllowed"},
              "413": {"$ref": "#/components/responses/PayloadTooLarge"},
              "421": {"$ref": "#/components/responses/Misdirected"},
              "431": {"$ref": "#/components/responses/HeadersTooLarge"}
            }
          }
        },
        "/session/cart/items/{book_id}": {
          "delete": {
            "operationId": "sessionRemoveCartItem", "tags": ["session"],
            "summary": "Remove a book's line from the cart (no error if it was not there).",
            "security": [{"cookieAuth": ["write:cart"]}],
            "parameters": [{"$ref": "#/components/parameters/BookID"}],
            "responses": {
              "200": {"$ref": "#/components/responses/CartResponse"},
              "400": {"$ref": "#/components/responses/InvalidRequest"},
              "401": {"$ref": "#/components/responses/NoSession"},
              "403": {"$ref": "#/components/responses/SessionForbidden"},
              "405": {"$ref": "#/components/responses/MethodNotAllowed"},
              "413": {"$ref": "#/components/responses/PayloadTooLarge"},
              "421": {"$ref": "#/components/responses/Misdirected"},
              "431": {"$ref": "#/components/responses/HeadersTooLarge"}
            }
          }
        },
        "/session/checkout": {
          "post": {
            "operationId": "sessionCheckout", "tags": ["session"],
            "summary": "Turn the cart into an order (written to SQLite) and empty the cart.",
            "security": [{"cookieAuth": ["write:orders"]}],
            "responses": {
              "201": {"$ref": "#/components/responses/OrderCreated"},
              "400": {"$ref": "#/components/responses/InvalidRequest"},
              "401": {"$ref": "#/components/responses/NoSession"},
              "403": {"$ref": "#/components/responses/SessionForbidden"},
              "405": {"$ref": "#/components/responses/MethodNotAllowed"},
              "409": {"$ref": "#/components/responses/SessionCheckoutConflict"},
              "413": {"$ref": "#/components/responses/PayloadTooLarge"},
              "421": {"$ref": "#/components/responses/Misdirected"},
              "431": {"$ref": "#/components/responses/HeadersTooLarge"}
            }
          }
        },
        "/session/orders": {
          "get": {
            "operationId": "sessionListOrders", "tags": ["session"],
            "summary": "This user's orders only.",
            "security": [{"cookieAuth": ["read:orders"]}],
            "responses": {
              "200": {"$ref": "#/components/responses/OrderList"},
              "400": {"$ref": "#/components/responses/InvalidRequest"},
              "401": {"$ref": "#/components/responses/NoSession"},
              "403": {"$ref": "#/components/responses/SessionForbidden"},
              "405": {"$ref": "#/components/responses/MethodNotAllowed"},
              "413": {"$ref": "#/components/responses/PayloadTooLarge"},
              "421": {"$ref": "#/components/responses/Misdirected"},
              "431": {"$ref": "#/components/responses/HeadersTooLarge"}
            }
          }
        },
        "/session/orders/{id}": {
          "get": {
            "operationId": "sessionGetOrder", "tags": ["session"],
            "summary": "One of this user's orders; another user's order is reported as missing.",
            "security": [{"cookieAuth": ["read:orders"]}],
            "parameters": [{"$ref": "#/components/parameters/OrderID"}],
            "responses": {
              "200": {"$ref": "#/components/responses/OrderResponse"},
              "400": {"$ref": "#/components/responses/InvalidRequest"},
              "401": {"$ref": "#/components/responses/NoSession"},
              "403": {"$ref": "#/components/responses/SessionForbidden"},
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
