import Foundation

extension JWTClaims {
    /// The claims read straight from an object `StrictJSON` already parsed.
    ///
    /// One parse per payload: a second pass through `JSONDecoder` cost as much as
    /// the strict parse itself. The rules are those of `init(from:)`: every claim
    /// is required (absent or `null` is `missingClaim`, reported in `CodingKeys`
    /// order), strings must be strings, NumericDates numbers, and `aud` a string
    /// or an array of strings. Unknown members are ignored.
    init(json object: [String: JSONValue]) throws(JWTError) {
        iss = try Self.string(object, .iss)
        aud = try Self.audience(object)
        sub = try Self.string(object, .sub)
        iat = try Self.date(object, .iat)
        nbf = try Self.date(object, .nbf)
        exp = try Self.date(object, .exp)
        jti = try Self.string(object, .jti)
        role = try Self.string(object, .role)
        scope = try Self.string(object, .scope)
    }

    private static func missing(_ key: CodingKeys) -> JWTError {
        JWTError(.missingClaim, "token is missing the \(key.rawValue) claim")
    }

    private static let wrongType = JWTError.malformed("token claims have the wrong types")

    /// The member, or `missingClaim` when it is absent or `null`.
    private static func value(_ object: [String: JSONValue], _ key: CodingKeys) throws(JWTError) -> JSONValue {
        guard let value = object[key.rawValue], value != .null else { throw missing(key) }
        return value
    }

    private static func string(_ object: [String: JSONValue], _ key: CodingKeys) throws(JWTError) -> String {
        guard case .string(let text) = try value(object, key) else { throw wrongType }
        return text
    }

    /// A NumericDate: seconds since 1970 UTC, integer or fractional (`StrictJSON` admits only finite numbers).
    private static func date(_ object: [String: JSONValue], _ key: CodingKeys) throws(JWTError) -> Date {
        guard case .number(let seconds) = try value(object, key), seconds.isFinite else { throw wrongType }
        return Date(timeIntervalSince1970: seconds)
    }

    /// `aud` as a single string or an array of strings (RFC 7519 §4.1.3).
    private static func audience(_ object: [String: JSONValue]) throws(JWTError) -> [String] {
        switch try value(object, .aud) {
        case .string(let single):
            return [single]
        case .array(let elements):
            var audiences: [String] = []
            audiences.reserveCapacity(elements.count)
            for element in elements {
                switch element {
                case .string(let text): audiences.append(text)
                // As `JSONDecoder` reports it: a null inside the array is a missing value.
                case .null: throw missing(.aud)
                default: throw wrongType
                }
            }
            return audiences
        default:
            throw wrongType
        }
    }
}
