import COpenSSL

/// Converts between JOSE's raw r‖s ECDSA signatures and OpenSSL's DER form.
///
/// RFC 7518 §3.4 fixes an ES256 signature as exactly 64 bytes: r and s, each
/// 32 big-endian bytes. OpenSSL speaks ASN.1 DER. Converting here, at the
/// boundary, means a DER signature presented in a token is simply the wrong
/// length and is refused, and r or s outside [1, n−1] never reach libcrypto.
enum ECDSASignature {
    /// Byte length of one P-256 scalar (r or s).
    static let scalarBytes = 32
    /// Byte length of a JOSE ES256 signature.
    static let rawBytes = 64

    /// The order n of the P-256 group (SEC 2 §2.4.2), big-endian.
    static let p256Order: [UInt8] = [
        0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xBC, 0xE6, 0xFA, 0xAD, 0xA7, 0x17, 0x9E, 0x84, 0xF3, 0xB9, 0xCA, 0xC2, 0xFC, 0x63, 0x25, 0x51,
    ]

    /// True when a 32-byte big-endian scalar lies in [1, n−1].
    static func isValidScalar(_ scalar: ArraySlice<UInt8>) -> Bool {
        guard scalar.count == scalarBytes, scalar.contains(where: { $0 != 0 }) else { return false }
        // Equal-length big-endian byte strings compare like the numbers they encode.
        return scalar.lexicographicallyPrecedes(p256Order)
    }

    /// True for exactly 64 bytes whose r and s both lie in [1, n−1].
    static func isValidRaw(_ raw: [UInt8]) -> Bool {
        raw.count == rawBytes && isValidScalar(raw[0..<scalarBytes]) && isValidScalar(raw[scalarBytes..<rawBytes])
    }

    /// DER `ECDSA-Sig-Value` for a raw r‖s signature, or nil if it is not one.
    static func der(fromRaw raw: [UInt8]) -> [UInt8]? {
        guard isValidRaw(raw) else { return nil }
        guard let sig = ECDSA_SIG_new() else { return nil }
        defer { ECDSA_SIG_free(sig) }
        let r = raw.withUnsafeBufferPointer { BN_bin2bn($0.baseAddress, Int32(scalarBytes), nil) }
        let s = raw.withUnsafeBufferPointer { BN_bin2bn($0.baseAddress! + scalarBytes, Int32(scalarBytes), nil) }
        // ECDSA_SIG_set0 takes ownership of r and s only on success.
        guard let r, let s, ECDSA_SIG_set0(sig, r, s) == 1 else {
            BN_free(r)
            BN_free(s)
            return nil
        }
        let length = i2d_ECDSA_SIG(sig, nil)
        guard length > 0 else { return nil }
        var der = [UInt8](repeating: 0, count: Int(length))
        let written = der.withUnsafeMutableBufferPointer { buffer -> Int32 in
            var cursor = buffer.baseAddress
            return i2d_ECDSA_SIG(sig, &cursor)
        }
        return written == length ? der : nil
    }

    /// Raw r‖s for a DER signature produced by OpenSSL.
    static func raw(fromDER der: [UInt8]) throws(JWTError) -> [UInt8] {
        let decoded = der.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
            return d2i_ECDSA_SIG(nil, &cursor, buffer.count)
        }
        guard let sig = decoded else { throw OpenSSL.error("d2i_ECDSA_SIG") }
        defer { ECDSA_SIG_free(sig) }
        var r: OpaquePointer?
        var s: OpaquePointer?
        ECDSA_SIG_get0(sig, &r, &s)
        var raw = [UInt8](repeating: 0, count: rawBytes)
        let ok = raw.withUnsafeMutableBufferPointer { buffer in
            BN_bn2binpad(r, buffer.baseAddress, Int32(scalarBytes)) == scalarBytes
                && BN_bn2binpad(s, buffer.baseAddress! + scalarBytes, Int32(scalarBytes)) == scalarBytes
        }
        guard ok else { throw OpenSSL.error("BN_bn2binpad") }
        return raw
    }
}
