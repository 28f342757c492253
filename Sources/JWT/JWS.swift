/// A JWS in compact serialization, split and base64url-decoded but not trusted.
///
/// This is the layer below claims (RFC 7515 only): it knows the size cap,
/// the three-part shape, strict base64url and how to check a signature over
/// the exact ASCII bytes `header.payload` as they arrived. Nothing here reads
/// the payload's JSON, so no claim is ever looked at before the signature.
package struct JWS: Sendable {
    /// Largest token accepted, in bytes; larger input is refused before any work.
    package static let maxTokenBytes = 8 * 1024

    /// The raw `BASE64URL(header) "." BASE64URL(payload)` bytes that were signed.
    package let signingInput: [UInt8]
    /// Decoded JWS Protected Header bytes (JSON, not yet parsed).
    package let headerBytes: [UInt8]
    /// Decoded payload bytes (JSON for a JWT, not yet parsed).
    package let payloadBytes: [UInt8]
    /// Decoded signature bytes.
    package let signature: [UInt8]

    /// Splits and decodes a compact JWS; rejects oversize input, any part count
    /// other than 3 (a 5-part JWE included) and non-canonical base64url.
    package static func parse(_ token: String) throws(JWTError) -> JWS {
        let bytes = Array(token.utf8.prefix(maxTokenBytes + 1))
        guard bytes.count <= maxTokenBytes else { throw JWTError(.tooLarge, "token is larger than \(maxTokenBytes) bytes") }
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            throw .malformed(parts.count == 5 ? "encrypted tokens (JWE) are not accepted" : "token must have exactly 3 parts")
        }
        guard !parts[0].isEmpty, !parts[1].isEmpty else { throw .malformed("token has an empty part") }
        guard let header = decode(parts[0]), let payload = decode(parts[1]) else { throw .malformed("token is not valid base64url") }
        guard let signature = decode(parts[2]) else { throw .malformed("signature is not valid base64url") }
        return JWS(
            signingInput: Array(bytes[..<parts[1].endIndex]),
            headerBytes: header,
            payloadBytes: payload,
            signature: signature)
    }

    private static func decode(_ part: ArraySlice<UInt8>) -> [UInt8]? {
        Base64URL.decode(String(decoding: part, as: UTF8.self))
    }

    /// The protected header, parsed strictly (object, no duplicate names).
    package func header() throws(JWTError) -> JWTHeader {
        try JWTHeader(json: headerBytes)
    }

    /// The signature check alone (RFC 7515 §5.2 step 8) with a caller-chosen key.
    ///
    /// The header's `alg` must equal the key's algorithm; `none` and every
    /// other value never verify. An empty signature never verifies.
    package func verifySignature(with key: JWTKey) throws(JWTError) {
        let header = try header()
        guard header.alg == key.algorithm.rawValue else { throw JWTError(.unsupportedAlgorithm, "token algorithm is not accepted") }
        // The lesson in one line: the signature covers the bytes exactly as received.
        guard !signature.isEmpty, key.verify(signature: signature, data: signingInput) else {
            throw JWTError(.badSignature, "token signature is invalid")
        }
    }
}
