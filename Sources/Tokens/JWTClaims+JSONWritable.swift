import Foundation
import HTTPServer
import JWT

/// The claims as `JWTClaims.encode(to:)` writes them: `aud` a plain string when there
/// is one audience, times as integer NumericDates. A fractional time (never one of
/// ours: the issuer passes whole seconds) is left to `JSONEncoder`'s number format.
extension JWTClaims: JSONWritable {
    package func writeJSON(to writer: inout JSONWriter) throws {
        guard let iat = Self.wholeSeconds(iat), let nbf = Self.wholeSeconds(nbf), let exp = Self.wholeSeconds(exp) else {
            try writer.encoded(self)
            return
        }
        writer.beginObject()
        writer.key("aud")
        if aud.count == 1 { writer.string(aud[0]) } else { try writer.value(aud) }
        writer.key("exp")
        writer.int(exp)
        writer.key("iat")
        writer.int(iat)
        writer.key("iss")
        writer.string(iss)
        writer.key("jti")
        writer.string(jti)
        writer.key("nbf")
        writer.int(nbf)
        writer.key("role")
        writer.string(role)
        writer.key("scope")
        writer.string(scope)
        writer.key("sub")
        writer.string(sub)
        writer.endObject()
    }

    /// The integer NumericDate `encode(to:)` would write, or nil when it would write a fraction.
    private static func wholeSeconds(_ date: Date) -> Int? {
        let seconds = date.timeIntervalSince1970
        guard seconds.rounded() == seconds, abs(seconds) < 1e15 else { return nil }
        return Int(seconds)
    }
}
