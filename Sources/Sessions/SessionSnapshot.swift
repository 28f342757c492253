import Bookstore
import Foundation

/// One session as `/api/inspect` shows it: everything the server holds except
/// the secret. The id appears only as the first 8 hex characters of its
/// SHA-256, which the page can match but nobody can turn back into a cookie.
///
/// Encodes with the API's snake_case encoder to exactly the api.md shape:
/// `{"sid_sha256_prefix","user_id","username","cart":[{"book_id","qty"}],"last_page","created_at","last_seen_at"}`.
package struct SessionSnapshot: Sendable, Equatable, Encodable {
    package let sidSHA256Prefix: String
    package let userID: Int
    package let username: String
    package let cart: [Cart.Line]
    package let lastPage: String?
    package let createdAt: Date
    package let lastSeenAt: Date

    /// Hex characters of the key shown.
    package static let prefixHexChars = 8

    init(key: SessionKey, entry: SessionEntry) {
        sidSHA256Prefix = key.hexPrefix(Self.prefixHexChars)
        userID = entry.userID
        username = entry.username
        cart = entry.cart.lines
        lastPage = entry.lastPage
        createdAt = entry.createdAt
        lastSeenAt = entry.lastSeenAt
    }

    private enum CodingKeys: String, CodingKey {
        case sidSHA256Prefix = "sidSha256Prefix", userID = "userId", username, cart, lastPage, createdAt, lastSeenAt
    }

    /// Written out so `last_page` is always present (as `null` when unknown), as api.md shows it.
    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(sidSHA256Prefix, forKey: .sidSHA256Prefix)
        try c.encode(userID, forKey: .userID)
        try c.encode(username, forKey: .username)
        try c.encode(cart, forKey: .cart)
        try c.encode(lastPage, forKey: .lastPage)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(lastSeenAt, forKey: .lastSeenAt)
    }
}
