import Foundation

/// One `Set-Cookie` response header (RFC 6265bis §4.1), validated when built so an
/// invalid cookie can never reach the wire. Immutable: change a cookie by building a new one.
///
/// `headerValue` writes attributes in a fixed order, e.g.
/// `sid=abc; Path=/; HttpOnly; SameSite=Lax` (the session cookie of api.md).
package struct SetCookie: Sendable, Equatable {
    /// The `SameSite` attribute: whether cross-site requests carry the cookie.
    package enum SameSite: String, Sendable {
        case strict = "Strict"
        case lax = "Lax"
        case none = "None"
    }

    /// RFC 6265bis §5.6: browsers ignore a cookie whose name plus value exceeds this.
    package static let maxNameValueBytes = 4096
    /// RFC 6265bis §5.6: browsers ignore an attribute value longer than this.
    package static let maxAttributeValueBytes = 1024

    package let name: String
    package let value: String
    package let expires: Date?
    package let maxAge: Int?
    package let domain: String?
    package let path: String?
    package let secure: Bool
    package let httpOnly: Bool
    package let sameSite: SameSite?
    package let partitioned: Bool

    /// Builds a cookie, refusing what a browser would reject or silently drop: a name that is
    /// not a token, a value outside cookie-octets, a negative `Max-Age`, `SameSite=None` or
    /// `Partitioned` without `Secure`, and broken `__Secure-` / `__Host-` prefix rules.
    package init(
        name: String, value: String, expires: Date? = nil, maxAge: Int? = nil, domain: String? = nil,
        path: String? = nil, secure: Bool = false, httpOnly: Bool = false, sameSite: SameSite? = nil,
        partitioned: Bool = false
    ) throws(CookieError) {
        guard CookieSyntax.isToken(name.utf8) else { throw .invalidName }
        guard value.utf8.allSatisfy(CookieSyntax.isCookieOctet) else { throw .invalidValue }
        guard name.utf8.count + value.utf8.count <= Self.maxNameValueBytes,
            (domain?.utf8.count ?? 0) <= Self.maxAttributeValueBytes, (path?.utf8.count ?? 0) <= Self.maxAttributeValueBytes
        else { throw .tooLong }
        if let domain, domain.isEmpty || !CookieSyntax.isAttributeValue(domain) { throw .invalidAttribute }
        if let path, !path.hasPrefix("/") || !CookieSyntax.isAttributeValue(path) { throw .invalidAttribute }
        if let maxAge, maxAge < 0 { throw .invalidAttribute }
        if sameSite == SameSite.none && !secure { throw .sameSiteNoneRequiresSecure }
        if partitioned && !secure { throw .partitionedRequiresSecure }
        if name.hasPrefix("__Secure-") && !secure { throw .prefixRequirementsUnmet }
        if name.hasPrefix("__Host-") && (!secure || path != "/" || domain != nil) { throw .prefixRequirementsUnmet }
        self.name = name
        self.value = value
        self.expires = expires
        self.maxAge = maxAge
        self.domain = domain
        self.path = path
        self.secure = secure
        self.httpOnly = httpOnly
        self.sameSite = sameSite
        self.partitioned = partitioned
    }

    /// A cookie that tells the browser to delete `name` now: empty value, `Max-Age=0`, and an
    /// `Expires` in the past for old clients that ignore `Max-Age`. Path and Domain must equal
    /// the original cookie's, or the browser deletes nothing.
    package static func expiring(
        name: String, domain: String? = nil, path: String? = "/", secure: Bool = false, httpOnly: Bool = true,
        sameSite: SameSite? = .lax
    ) throws(CookieError) -> SetCookie {
        try SetCookie(
            name: name, value: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, domain: domain, path: path,
            secure: secure, httpOnly: httpOnly, sameSite: sameSite)
    }

    /// The exact `Set-Cookie` field value.
    package var headerValue: String {
        var out = name + "=" + value
        if let expires { out += "; Expires=" + IMFFixdate.string(from: expires) }
        if let maxAge { out += "; Max-Age=\(maxAge)" }
        if let domain { out += "; Domain=" + domain }
        if let path { out += "; Path=" + path }
        if secure { out += "; Secure" }
        if httpOnly { out += "; HttpOnly" }
        if let sameSite { out += "; SameSite=" + sameSite.rawValue }
        if partitioned { out += "; Partitioned" }
        return out
    }
}

extension HTTPResponse {
    /// Adds a `Set-Cookie` field; earlier ones are kept (one field per cookie, never joined).
    package mutating func setCookie(_ cookie: SetCookie) {
        headers.add("Set-Cookie", cookie.headerValue)
    }
}
