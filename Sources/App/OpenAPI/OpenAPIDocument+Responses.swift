extension OpenAPIDocument {
    /// Shared responses. Error responses pin the `error` code the route returns, so a client
    /// can branch on the code rather than on the status alone.
    static let responses = #"""
        "UserResponse": {
          "description": "The user.",
          "content": {"application/json": {"schema": {"type": "object", "required": ["user"], "properties": {"user": {"$ref": "#/components/schemas/User"}}}}}
        },
        "CartResponse": {"description": "The cart.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Cart"}}}},
        "OrderCreated": {
          "description": "Order placed; the cart is now empty.",
          "content": {"application/json": {"schema": {"type": "object", "required": ["order"], "properties": {"order": {"$ref": "#/components/schemas/Order"}}}}}
        },
        "OrderResponse": {
          "description": "The order.",
          "content": {"application/json": {"schema": {"type": "object", "required": ["order"], "properties": {"order": {"$ref": "#/components/schemas/Order"}}}}}
        },
        "OrderList": {
          "description": "This user's orders.",
          "content": {"application/json": {"schema": {
            "type": "object", "required": ["orders"], "properties": {"orders": {"type": "array", "items": {"$ref": "#/components/schemas/Order"}}}
          }}}
        },
        "TokenPairResponse": {"description": "A new token pair.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TokenPair"}}}},
        "InvalidRequest": {
          "description": "Malformed HTTP, malformed JSON, wrong types or values out of range (invalid_request). Nothing stored changes.",
          "content": {"application/json": {"schema": {"allOf": [{"$ref": "#/components/schemas/Error"}, {"properties": {"error": {"const": "invalid_request"}}}]}}}
        },
        "InvalidCredentials": {
          "description": "Unknown username or wrong password (invalid_credentials); the two are not told apart.",
          "content": {"application/json": {"schema": {"allOf": [{"$ref": "#/components/schemas/Error"}, {"properties": {"error": {"const": "invalid_credentials"}}}]}}}
        },
        "NoSession": {
          "description": "No cookie, or its session id is unknown or expired (no_session).",
          "content": {"application/json": {"schema": {"allOf": [{"$ref": "#/components/schemas/Error"}, {"properties": {"error": {"const": "no_session"}}}]}}}
        },
        "InvalidToken": {
          "description": "No bearer token (WWW-Authenticate: Bearer realm=\"bookstore\"), or a token that fails verification: bad signature, wrong or none alg, wrong iss or aud, expired, not yet valid, unknown kid, malformed, revoked (invalid_token).",
          "headers": {"WWW-Authenticate": {"$ref": "#/components/headers/WWWAuthenticate"}},
          "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}, "example": {"error": "invalid_token", "error_description": "the token has expired"}}}
        },
        "InvalidGrant": {
          "description": "The refresh token is unknown, expired, revoked or already spent (invalid_grant). Presenting a spent one revokes its whole family.",
          "content": {"application/json": {"schema": {"allOf": [{"$ref": "#/components/schemas/Error"}, {"properties": {"error": {"const": "invalid_grant"}}}]}}}
        },
        "AdminUnauthorized": {
          "description": "Neither a valid session cookie (no_session) nor a valid bearer token (invalid_token).",
          "headers": {"WWW-Authenticate": {"$ref": "#/components/headers/WWWAuthenticate"}},
          "content": {"application/json": {"schema": {"allOf": [{"$ref": "#/components/schemas/Error"}, {"properties": {"error": {"enum": ["no_session", "invalid_token"]}}}]}}}
        },
        "InsufficientScope": {
          "description": "The token is valid but lacks the scope this route needs (insufficient_scope); the header names it.",
          "headers": {"WWW-Authenticate": {"$ref": "#/components/headers/WWWAuthenticate"}},
          "content": {"application/json": {"schema": {"allOf": [{"$ref": "#/components/schemas/Error"}, {"properties": {"error": {"const": "insufficient_scope"}}}]}}}
        },
        "CSRFRejected": {
          "description": "A state-changing request whose Origin or Sec-Fetch-Site shows another site (csrf_rejected). Requests with neither header pass.",
          "content": {"application/json": {"schema": {"allOf": [{"$ref": "#/components/schemas/Error"}, {"properties": {"error": {"const": "csrf_rejected"}}}]}}}
        },
        "SessionForbidden": {
          "description": "The user's current scopes (read from the database on every request) lack the one this route needs (insufficient_scope), or a state-changing request came from another site (csrf_rejected).",
          "content": {"application/json": {"schema": {"allOf": [{"$ref": "#/components/schemas/Error"}, {"properties": {"error": {"enum": ["insufficient_scope", "csrf_rejected"]}}}]}}}
        },
        "AdminForbidden": {
          "description": "Signed in, but not an ADMIN session or a token without admin:users (insufficient_scope), or a cross-site cookie request (csrf_rejected).",
          "content": {"application/json": {"schema": {"allOf": [{"$ref": "#/components/schemas/Error"}, {"properties": {"error": {"enum": ["insufficient_scope", "csrf_rejected"]}}}]}}}
        },
        "NotFound": {
          "description": "No such resource, or one that belongs to another user (not_found). Also every unknown route.",
          "content": {"application/json": {"schema": {"allOf": [{"$ref": "#/components/schemas/Error"}, {"properties": {"error": {"const": "not_found"}}}]}}}
        },
        "UnknownBook": {
          "description": "No book with that id in the catalog (unknown_book).",
          "content": {"application/json": {"schema": {"allOf": [{"$ref": "#/components/schemas/Error"}, {"properties": {"error": {"const": "unknown_book"}}}]}}}
        },
        "MethodNotAllowed": {
          "description": "The path exists but not with this method (method_not_allowed); Allow lists the methods it has.",
          "headers": {"Allow": {"$ref": "#/components/headers/Allow"}},
          "content": {"application/json": {"schema": {"allOf": [{"$ref": "#/components/schemas/Error"}, {"properties": {"error": {"const": "method_not_allowed"}}}]}}}
        },
        "Misdirected": {
          "description": "The server listens on loopback and the Host header names something else (misdirected_request): the DNS-rebinding guard.",
          "content": {"application/json": {"schema": {"allOf": [{"$ref": "#/components/schemas/Error"}, {"properties": {"error": {"const": "misdirected_request"}}}]}}}
        },
        "SessionCheckoutConflict": {
          "description": "Nothing to check out (empty_cart), or this session's cart is being checked out by another request (checkout_in_progress).",
          "content": {"application/json": {"schema": {"allOf": [{"$ref": "#/components/schemas/Error"}, {"properties": {"error": {"enum": ["empty_cart", "checkout_in_progress"]}}}]}}}
        },
        "EmptyCart": {
          "description": "Nothing to check out (empty_cart).",
          "content": {"application/json": {"schema": {"allOf": [{"$ref": "#/components/schemas/Error"}, {"properties": {"error": {"const": "empty_cart"}}}]}}}
        },
        "PayloadTooLarge": {
          "description": "The body is over 64 KiB. The connection is closed.",
          "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
        },
        "HeadersTooLarge": {
          "description": "The request line plus headers are over 16 KiB. The connection is closed.",
          "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
        }
        """#
}
