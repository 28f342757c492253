import COpenSSL

/// An HS256 secret keyed into libcrypto once, so each MAC costs one context copy.
///
/// `HMAC()` fetches HMAC and SHA-256 from the provider store and hashes the
/// padded key on every call; that was most of the cost of an HS256
/// verification. Here the keyed context is built once, and each call MACs
/// with its own `EVP_MAC_CTX_dup` copy of it.
///
/// Safety of `@unchecked Sendable`: `keyed` is set once in `init` and is never
/// updated, finalised or re-initialised afterwards. Its only use is as the
/// source of `EVP_MAC_CTX_dup`, which only reads it (copying the HMAC state and
/// taking atomic references on the algorithms), so concurrent calls from many
/// event-loop threads each mutate only their own copy.
final class HMACKey: @unchecked Sendable {
    /// Byte length of an HMAC-SHA-256 tag.
    static let macBytes = 32

    let secret: [UInt8]
    private let keyed: OpaquePointer

    init(secret: [UInt8]) throws(JWTError) {
        guard let mac = FetchedAlgorithms.shared.hmac, let ctx = EVP_MAC_CTX_new(mac) else { throw OpenSSL.error("EVP_MAC_CTX_new") }
        var digestName = Array("SHA256".utf8CString)
        let ok = OSSL_MAC_PARAM_DIGEST.withCString { key in
            digestName.withUnsafeMutableBufferPointer { name in
                var params = [OSSL_PARAM_construct_utf8_string(key, name.baseAddress, 0), OSSL_PARAM_construct_end()]
                return EVP_MAC_init(ctx, secret, secret.count, &params)
            }
        }
        guard ok == 1 else {
            EVP_MAC_CTX_free(ctx)
            throw OpenSSL.error("EVP_MAC_init")
        }
        self.secret = secret
        self.keyed = ctx
    }

    deinit { EVP_MAC_CTX_free(keyed) }

    /// HMAC-SHA-256 of `data` under this secret.
    func mac(_ data: [UInt8]) throws(JWTError) -> [UInt8] {
        guard let ctx = EVP_MAC_CTX_dup(keyed) else { throw OpenSSL.error("EVP_MAC_CTX_dup") }
        defer { EVP_MAC_CTX_free(ctx) }
        var tag = [UInt8](repeating: 0, count: Self.macBytes)
        var length = 0
        guard EVP_MAC_update(ctx, data, data.count) == 1, EVP_MAC_final(ctx, &tag, &length, tag.count) == 1, length == Self.macBytes
        else { throw OpenSSL.error("EVP_MAC_final") }
        return tag
    }
}
