extension OpenAPIDocument {
    /// The passport router: every request carries a signed JWT; the server keeps nothing per user in memory.
    static let tokenPaths = #"""
        "/token/login": {
          "post": {
            "operationId": "tokenLogin", "tags": ["token"],
            "summary": "Sign in; the server signs an access token and issues a refresh token.",
            "security": [],
            "requestBody": {"$ref": "#/components/requestBodies/Credentials"},
            "responses": {
              "200": {"$ref": "#/components/responses/TokenPairResponse"},
              "400": {"$ref": "#/components/responses/InvalidRequest"},
              "401": {"$ref": "#/components/responses/InvalidCredentials"},
              "405": {"$ref": "#/components/responses/MethodNotAllowed"},
              "413": {"$ref": "#/components/responses/PayloadTooLarge"},
              "421": {"$ref": "#/components/responses/Misdirected"},
              "431": {"$ref": "#/components/responses/HeadersTooLarge"}
            }
          }
        },
        "/token/refresh": {
          "post": {
            "operationId": "tokenRefresh", "tags": ["token"],
            "summary": "Trade a refresh token for a new pair; the old refresh token is spent.",
            "description": "Presenting a spent refresh token is treated as theft: 401 invalid_grant and the whole token family is revoked.",
            "security": [],
            "requestBody": {"$ref": "#/components/requestBodies/RefreshToken"},
            "responses": {
              "200": {"$ref": "#/components/responses/TokenPairResponse"},
              "400": {"$ref": "#/components/responses/InvalidRequest"},
              "401": {"$ref": "#/components/responses/InvalidGrant"},
              "405": {"$ref": "#/components/responses/MethodNotAllowed"},
              "413": {"$ref": "#/components/responses/PayloadTooLarge"},
              "421": {"$ref": "#/components/responses/Misdirected"},
              "431": {"$ref": "#/components/responses/HeadersTooLarge"}
            }
          }
        },
        "/token/logout": {
          "post": {
            "operationId": "tokenLogout", "tags": ["token"],
            "summary": "Revoke the refresh token's family.",
            "description": "The access token stays valid until exp unless the server runs with --revocation denylist: a stateless token cannot be recalled.",
            "security": [],
            "requestBody": {"$ref": "#/components/requestBodies/RefreshToken"},
            "responses": {
              "204": {"description": "Family revoked."},
              "400": {"$ref": "#/components/responses/InvalidRequest"},
              "401": {"$ref": "#/components/responses/InvalidGrant"},
              "405": {"$ref": "#/components/responses/MethodNotAllowed"},
              "413": {"$ref": "#/components/responses/PayloadTooLarge"},
              "421": {"$ref": "#/components/responses/Misdirected"},
              "431": {"$ref": "#/components/responses/HeadersTooLarge"}
            }
          }
        },
        "/token/me": {
          "get": {
            "operationId": "tokenMe", "tags": ["token"],
            "summary": "The verified claims of the presented token and the user they name (any valid token).",
            "security": [{"bearerAuth": []}],
            "responses": {
              "200": {
                "description": "Claims and user.",
                "content": {"application/json": {"schema": {
                  "type": "object", "required": ["claims", "user"],
                  "properties": {"claims": {"$ref": "#/components/schemas/Claims"}, "user": {"$ref": "#/components/schemas/User"}}
                }}}
              },
              "400": {"$ref": "#/components/responses/InvalidRequest"},
              "401": {"$ref": "#/components/responses/InvalidToken"},
              "405": {"$ref": "#/components/responses/MethodNotAllowed"},
              "413": {"$ref": "#/components/responses/PayloadTooLarge"},
              "421": {"$ref": "#/components/responses/Misdirected"},
              "431": {"$ref": "#/components/responses/HeadersTooLarge"}
            }
          }
        },
        "/token/cart": {
          "get": {
            "operationId": "tokenGetCart", "tags": ["token"],
            "summary": "The cart, stored in SQLite keyed by sub.",
            "security": [{"bearerAuth": ["write:cart"]}],
            "responses": {
              "200": {"$ref": "#/components/responses/CartResponse"},
              "400": {"$ref": "#/components/responses/InvalidRequest"},
              "401": {"$ref": "#/components/responses/InvalidToken"},
              "403": {"$ref": "#/components/responses/InsufficientScope"},
              "405": {"$ref": "#/components/responses/MethodNotAllowed"},
              "413": {"$ref": "#/components/responses/PayloadTooLarge"},
              "421": {"$ref": "#/components/responses/Misdirected"},
              "431": {"$ref": "#/components/responses/HeadersTooLarge"}
            }
          }
        },
        "/token/cart/items": {
          "post": {
            "operationId": "tokenSetCartItem", "tags": ["token"],
            "summary": "Set a book's cart line to qty, adding the line if absent.",
            "security": [{"bearerAuth": ["write:cart"]}],
            "requestBody": {"$ref": "#/components/requestBodies/CartItem"},
            "responses": {
              "200": {"$ref": "#/components/responses/CartResponse"},
              "400": {"$ref": "#/components/responses/InvalidRequest"},
              "401": {"$ref": "#/components/responses/InvalidToken"},
              "403": {"$ref": "#/components/responses/InsufficientScope"},
              "404": {"$ref": "#/components/responses/UnknownBook"},
              "405": {"$ref": "#/components/responses/MethodNotAllowed"},
              "413": {"$ref": "#/components/responses/PayloadTooLarge"},
              "421": {"$ref": "#/components/responses/Misdirected"},
              "431": {"$ref": "#/components/responses/HeadersTooLarge"}
            }
          }
        },
        "/token/cart/items/{book_id}": {
          "delete": {
            "operationId": "tokenRemoveCartItem", "tags": ["token"],
            "summary": "Remove a book's line from the cart (no error if it was not there).",
            "security": [{"bearerAuth": ["write:cart"]}],
            "parameters": [{"$ref": "#/components/parameters/BookID"}],
            "responses": {
              "200": {"$ref": "#/components/responses/CartResponse"},
              "400": {"$ref": "#/components/responses/InvalidRequest"},
              "401": {"$ref": "#/components/responses/InvalidToken"},
              "403": {"$ref": "#/components/responses/InsufficientScope"},
              "405": {"$ref": "#/components/responses/MethodNotAllowed"},
              "413": {"$ref": "#/components/responses/PayloadTooLarge"},
              "421": {"$ref": "#/components/responses/Misdirected"},
              "431": {"$ref": "#/components/responses/HeadersTooLarge"}
            }
          }
        },
        "/token/checkout": {
          "post": {
            "operationId": "tokenCheckout", "tags": ["token"],
            "summary": "Turn the cart into an order and empty the cart.",
            "security": [{"bearerAuth": ["write:orders"]}],
            "responses": {
              "201": {"$ref": "#/components/responses/OrderCreated"},
              "400": {"$ref": "#/components/responses/InvalidRequest"},
              "401": {"$ref": "#/components/responses/InvalidToken"},
              "403": {"$ref": "#/components/responses/InsufficientScope"},
              "405": {"$ref": "#/components/responses/MethodNotAllowed"},
              "409": {"$ref": "#/components/responses/EmptyCart"},
              "413": {"$ref": "#/components/responses/PayloadTooLarge"},
              "421": {"$ref": "#/components/responses/Misdirected"},
              "431": {"$ref": "#/components/responses/HeadersTooLarge"}
            }
          }
        },
        "/token/orders": {
          "get": {
            "operationId": "tokenListOrders", "tags": ["token"],
            "summary": "This user's orders only.",
            "security": [{"bearerAuth": ["read:orders"]}],
            "responses": {
              "200": {"$ref": "#/components/responses/OrderList"},
              "400": {"$ref": "#/components/responses/InvalidRequest"},
              "401": {"$ref": "#/components/responses/InvalidToken"},
              "403": {"$ref": "#/components/responses/InsufficientScope"},
              "405": {"$ref": "#/components/responses/MethodNotAllowed"},
              "413": {"$ref": "#/components/responses/PayloadTooLarge"},
              "421": {"$ref": "#/components/responses/Misdirected"},
              "431": {"$ref": "#/components/responses/HeadersTooLarge"}
            }
          }
        },
        "/token/orders/{id}": {
          "get": {
            "operationId": "tokenGetOrder", "tags": ["token"],
            "summary": "One of this user's orders; another user's order is reported as missing.",
            "security": [{"bearerAuth": ["read:orders"]}],
            "parameters": [{"$ref": "#/components/parameters/OrderID"}],
            "responses": {
              "200": {"$ref": "#/components/responses/OrderResponse"},
              "400": {"$ref": "#/components/responses/InvalidRequest"},
              "401": {"$ref": "#/components/responses/InvalidToken"},
              "403": {"$ref": "#/components/responses/InsufficientScope"},
              "404": {"$ref": "#/components/responses/NotFound"},
              "405": {"$ref": "#/components/responses/MethodNotAllowed"},
              "413": {"$ref": "#/components/responses/PayloadTooLarge"},
              "421": {"$ref": "#/components/responses/Misdirected"},
              "431": {"$ref": "#/components/responses/HeadersTooLarge"}
            }
          }
        },
        "/token/introspect": {
          "post": {
            "operationId": "tokenIntrospect", "tags": ["token", "admin"],
            "summary": "RFC 7662 token introspection, for a caller holding admin:users.",
            "description": "Checks signature, expiry, the denylist and that the user still exists. An inactive token is a 200 with active false, never an error.",
            "security": [{"bearerAuth": ["admin:users"]}],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/IntrospectionRequest"}},
                "application/x-www-form-urlencoded": {"schema": {"$ref": "#/components/schemas/IntrospectionRequest"}}
              }
            },
            "responses": {
              "200": {"description": "Whether the token is active, with its claims when it is.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Introspection"}}}},
              "400": {"$ref": "#/components/responses/InvalidRequest"},
              "401": {"$ref": "#/components/responses/InvalidToken"},
              "403": {"$ref": "#/components/responses/InsufficientScope"},
              "405": {"$ref": "#/components/responses/MethodNotAllowed"},
              "413": {"$ref": "#/components/responses/PayloadTooLarge"},
              "421": {"$ref": "#/components/responses/Misdirected"},
              "431": {"$ref": "#/components/responses/HeadersTooLarge"}
            }
          }
        }
        """#
}
