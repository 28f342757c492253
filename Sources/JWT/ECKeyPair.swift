import COpenSSL

/// Owns one libcrypto P-256 `EVP_PKEY`, parsed or generated once and reused.
///
/// Safety of `@unchecked Sendable`: both pointers are set once in `init`, never
/// reassigned, and neither key is mutated afterwards. OpenSSL 3 documents
/// (openssl-threads(7)) that an `EVP_PKEY` may be used concurrently from many
/// threads for read-only operations such as signing and verifying; each sign
/// makes its own `EVP_MD_CTX`. `ECDSA_do_verify` only reads its `EC_KEY` and
/// allocates its own working state per call. `deinit` runs only once no
/// reference is left.
final class ECKeyPair: @unchecked Sendable {
    let pointer: OpaquePointer
    /// The same key as a legacy `EC_KEY`, extracted once, for the fast verify path (see shim.h).
    private let ecKey: OpaquePointer
    /// False for keys imported from a public JWK or public PEM: verify-only.
    let hasPrivateKey: Bool

    private init(taking pointer: OpaquePointer, hasPrivateKey: Bool) throws(JWTError) {
        guard Self.isP256(pointer), let ecKey = copenssl_pkey_get1_ec_key(pointer) else {
            EVP_PKEY_free(pointer)
            throw .keyError("key is not an EC P-256 key")
        }
        self.pointer = pointer
        self.ecKey = ecKey
        self.hasPrivateKey = hasPrivateKey
    }

    deinit {
        copenssl_ec_key_free(ecKey)
        EVP_PKEY_free(pointer)
    }

    /// A fresh random P-256 key pair.
    static func generate() throws(JWTError) -> ECKeyPair {
        guard let ctx = EVP_PKEY_CTX_new_from_name(nil, "EC", nil) else { throw OpenSSL.error("EVP_PKEY_CTX_new_from_name") }
        defer { EVP_PKEY_CTX_free(ctx) }
        var key: OpaquePointer?
        guard EVP_PKEY_keygen_init(ctx) == 1, EVP_PKEY_CTX_set_group_name(ctx, "P-256") == 1, EVP_PKEY_generate(ctx, &key) == 1,
            let key
        else { throw OpenSSL.error("EVP_PKEY_generate") }
        return try ECKeyPair(taking: key, hasPrivateKey: true)
    }

    /// Reads a PEM private key (PKCS#8 `PRIVATE KEY` or SEC1 `EC PRIVATE KEY`) or a `PUBLIC KEY`.
    static func fromPEM(_ pem: [UInt8]) throws(JWTError) -> ECKeyPair {
        let text = String(decoding: pem, as: UTF8.self)
        let isPublic = text.contains("-----BEGIN PUBLIC KEY-----")
        guard let bio = pem.withUnsafeBytes({ BIO_new_mem_buf($0.baseAddress, Int32($0.count)) }) else {
            throw OpenSSL.error("BIO_new_mem_buf")
        }
        defer { BIO_free(bio) }
        // A password callback that refuses, so an encrypted PEM fails instead of prompting on the terminal.
        let key =
            isPublic
            ? PEM_read_bio_PUBKEY(bio, nil, { _, _, _, _ in 0 }, nil) : PEM_read_bio_PrivateKey(bio, nil, { _, _, _, _ in 0 }, nil)
        guard let key else { throw OpenSSL.error("PEM_read_bio") }
        return try ECKeyPair(taking: key, hasPrivateKey: !isPublic)
    }

    /// A verify-only key from the affine coordinates of a public point (a JWK's x and y).
    static func fromPublicCoordinates(x: [UInt8], y: [UInt8]) throws(JWTError) -> ECKeyPair {
        guard x.count == ECDSASignature.scalarBytes, y.count == ECDSASignature.scalarBytes else {
            throw .keyError("EC coordinates must be 32 bytes")
        }
        // SubjectPublicKeyInfo DER prefix for id-ecPublicKey / prime256v1 with an uncompressed point.
        let spkiPrefix: [UInt8] = [
            0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01, 0x06, 0x08, 0x2A,
            0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00, 0x04,
        ]
        let der = spkiPrefix + x + y
        // d2i_PUBKEY decodes the point, which refuses points not on the curve.
        let key = der.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
            return d2i_PUBKEY(nil, &cursor, buffer.count)
        }
        guard let key else { throw OpenSSL.error("d2i_PUBKEY") }
        return try ECKeyPair(taking: key, hasPrivateKey: false)
    }

    private static func isP256(_ key: OpaquePointer) -> Bool {
        guard EVP_PKEY_is_a(key, "EC") == 1 else { return false }
        var name = [CChar](repeating: 0, count: 64)
        var length = 0
        guard EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, &name, name.count, &length) == 1 else { return false }
        let group = String(decoding: name.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return group == "prime256v1" || group == "P-256"
    }

    /// PKCS#8 PEM of the private key, or SubjectPublicKeyInfo PEM for a verify-only key.
    func pem() throws(JWTError) -> [UInt8] {
        guard let bio = BIO_new(BIO_s_mem()) else { throw OpenSSL.error("BIO_new") }
        defer { BIO_free(bio) }
        let ok = hasPrivateKey ? PEM_write_bio_PrivateKey(bio, pointer, nil, nil, 0, nil, nil) : PEM_write_bio_PUBKEY(bio, pointer)
        guard ok == 1 else { throw OpenSSL.error("PEM_write_bio") }
        return OpenSSL.drain(bio)
    }

    /// SubjectPublicKeyInfo PEM (`BEGIN PUBLIC KEY`), for other tools such as `openssl dgst`.
    func publicPEM() throws(JWTError) -> [UInt8] {
        guard let bio = BIO_new(BIO_s_mem()) else { throw OpenSSL.error("BIO_new") }
        defer { BIO_free(bio) }
        guard PEM_write_bio_PUBKEY(bio, pointer) == 1 else { throw OpenSSL.error("PEM_write_bio_PUBKEY") }
        return OpenSSL.drain(bio)
    }

    /// The public point's affine coordinates, 32 bytes each (the JWK's x and y).
    func publicCoordinates() throws(JWTError) -> (x: [UInt8], y: [UInt8]) {
        func coordinate(_ name: String) throws(JWTError) -> [UInt8] {
            var bn: OpaquePointer?
            guard EVP_PKEY_get_bn_param(pointer, name, &bn) == 1, let bn else { throw OpenSSL.error("EVP_PKEY_get_bn_param") }
            defer { BN_free(bn) }
            var out = [UInt8](repeating: 0, count: ECDSASignature.scalarBytes)
            guard BN_bn2binpad(bn, &out, Int32(out.count)) == out.count else { throw OpenSSL.error("BN_bn2binpad") }
            return out
        }
        return (try coordinate(OSSL_PKEY_PARAM_EC_PUB_X), try coordinate(OSSL_PKEY_PARAM_EC_PUB_Y))
    }

    /// ES256 signature over `data`, returned as raw r‖s.
    func sign(_ data: [UInt8]) throws(JWTError) -> [UInt8] {
        guard hasPrivateKey else { throw .keyError("verify-only key cannot sign") }
        guard let ctx = EVP_MD_CTX_new() else { throw OpenSSL.error("EVP_MD_CTX_new") }
        defer { EVP_MD_CTX_free(ctx) }
        guard EVP_DigestSignInit(ctx, nil, EVP_sha256(), nil, pointer) == 1 else { throw OpenSSL.error("EVP_DigestSignInit") }
        var length = 0
        guard EVP_DigestSign(ctx, nil, &length, data, data.count) == 1 else { throw OpenSSL.error("EVP_DigestSign") }
        var der = [UInt8](repeating: 0, count: length)
        guard EVP_DigestSign(ctx, &der, &length, data, data.count) == 1 else { throw OpenSSL.error("EVP_DigestSign") }
        return try ECDSASignature.raw(fromDER: Array(der.prefix(length)))
    }

    /// True only for a well-formed raw r‖s signature that verifies over `data`.
    ///
    /// The digest is SHA-256 with the once-fetched `EVP_MD`, and r and s go to
    /// libcrypto as numbers: no per-call provider fetch, no DER round trip.
    func verify(signature: [UInt8], data: [UInt8]) -> Bool {
        guard ECDSASignature.isValidRaw(signature) else { return false }
        let digest = SHA256.hash(data)
        let ok =
            digest.withUnsafeBufferPointer { d in
                signature.withUnsafeBufferPointer { rs in
                    copenssl_ecdsa_verify_raw(d.baseAddress, d.count, rs.baseAddress, ECDSASignature.scalarBytes, ecKey)
                }
            } == 1
        if !ok { OpenSSL.clearErrors() }
        return ok
    }
}
