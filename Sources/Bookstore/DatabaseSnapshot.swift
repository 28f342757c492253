import Foundation

/// The "database" half of `/api/inspect`: what SQLite holds right now, with
/// secrets reduced to an 8-hex-character prefix of their SHA-256. Keys are
/// chosen so the API encoder (convertToSnakeCase) produces api.md's names;
/// where the automatic conversion would go wrong (`revokedJTIs`,
/// `tokenSHA256Prefix`) explicit snake_case keys pass through unchanged.
package struct DatabaseSnapshot: Sendable, Encodable, Equatable {
    /// Most rows shown per table, so the page stays small on a busy database (orders and
    /// refresh tokens newest first, carts by user, denylist by expiry).
    package static let maxRowsPerTable = 100

    package var carts: [CartRow]
    package var orders: [OrderRow]
    package var refreshTokens: [RefreshTokenRow]
    package var revokedJTIs: [RevokedJTIRow]

    enum CodingKeys: String, CodingKey {
        case carts, orders
        case refreshTokens = "refresh_tokens"
        case revokedJTIs = "revoked_jtis"
    }

    package struct CartRow: Sendable, Encodable, Equatable {
        package var userID: Int
        package var bookID: Int
        package var qty: Int
        enum CodingKeys: String, CodingKey {
            case userID = "user_id", bookID = "book_id", qty
        }
    }

    package struct OrderRow: Sendable, Encodable, Equatable {
        package var id: Int
        package var userID: Int
        package var totalCents: Int
        package var createdAt: Date
        enum CodingKeys: String, CodingKey {
            case id, userID = "user_id", totalCents = "total_cents", createdAt = "created_at"
        }
    }

    package struct RefreshTokenRow: Sendable, Encodable, Equatable {
        package var tokenSHA256Prefix: String
        package var family: String
        package var userID: Int
        package var expiresAt: Date
        package var state: RefreshTokenState
        enum CodingKeys: String, CodingKey {
            case tokenSHA256Prefix = "token_sha256_prefix", family, userID = "user_id", expiresAt = "expires_at", state
        }
    }

    package struct RevokedJTIRow: Sendable, Encodable, Equatable {
        package var jti: String
        package var expiresAt: Date
        enum CodingKeys: String, CodingKey {
            case jti, expiresAt = "expires_at"
        }
    }
}
