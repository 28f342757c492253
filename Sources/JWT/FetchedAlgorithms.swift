import COpenSSL

/// libcrypto algorithm objects fetched once per process instead of once per call.
///
/// OpenSSL 3 resolves `EVP_sha256()` and algorithm names through its provider
/// store (a locked lookup) every time a context is initialised with them;
/// an explicitly fetched object skips that (OpenSSL 3 migration guide,
/// "Fetching algorithms"). The objects live as long as the process.
///
/// Safety of `@unchecked Sendable`: both pointers are set once in `init` and
/// never changed; fetched algorithm objects are immutable and reference-counted
/// atomically, and OpenSSL documents them as usable from many threads at once.
final class FetchedAlgorithms: @unchecked Sendable {
    /// The one instance, built on first use (Swift statics are initialised once, thread-safely).
    static let shared = FetchedAlgorithms()

    /// `EVP_MD` for SHA-256; falls back to the implicitly fetched `EVP_sha256()` if the fetch fails.
    let sha256: OpaquePointer
    /// `EVP_MAC` for HMAC, or nil if the default provider does not offer it.
    let hmac: OpaquePointer?

    private init() {
        sha256 = EVP_MD_fetch(nil, "SHA256", nil) ?? EVP_sha256()
        hmac = EVP_MAC_fetch(nil, "HMAC", nil)
        OpenSSL.clearErrors()
    }
}
