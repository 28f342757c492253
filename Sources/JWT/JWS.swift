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
    ///
    /// Works on the token's UTF-8 bytes in place: no per-part strings or arrays.
    package static func parse(_ token: String) throws(JWTError) -> JWS {
        guard token.utf8.count <= maxTokenBytes else { throw JWTError(.tooLarge, "token is larger than \(maxTokenBytes) bytes") }
        var token = token
        // `withUTF8` only rethrows untyped errors: carry the typed one out in a `Result`.
        return try token.withUTF8 { bytes in Result { () throws(JWTError) in try parse(bytes: bytes) } }.get()
    }

    private static func parse(bytes: UnsafeBufferPointer<UInt8>) throws(JWTError) -> JWS {
        var dotCount = 0
        var firstDot = 0
        var secondDot = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: ".") {
            if dotCount == 0 { firstDot = index } else if dotCount == 1 { secondDot = index }
            dotCount += 1
        }
        guard dotCount == 2 else {
            throw .malformed(dotCount == 4 ? "encrypted tokens (JWE) are not accepted" : "token must have exactly 3 parts")
        }
        let headerPart = UnsafeBufferPointer(rebasing: bytes[..<firstDot])
        let payloadPart = UnsafeBufferPointer(rebasing: bytes[(firstDot + 1)..<secondDot])
        let signaturePart = UnsafeBufferPointer(rebasing: bytes[(secondDot + 1)...])
        guard !headerPart.isEmpty, !payloadPart.isEmpty else { throw .malformed("token has an empty part") }
        guard let header = Base64URL.decode(bytes: headerPart), let payload = Base64URL.decode(bytes: payloadPart) else {
            throw .malformed("token is not valid base64url")
        }
        guard let signature = Base64URL.decode(bytes: signaturePart) else { throw .malformed("signature is not valid base64url") }
        return JWS(
            signingInput: Array(bytes[..<secondDot]),
            headerBytes: header,
            payloadBytes: payload,
            signature: signature)
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
        try verifySignature(with: key, header: try header())
    }

    /// `verifySignature(with:)` for a caller that has already parsed the header (no second parse).
    func verifySignature(with key: JWTKey, header: JWTHeader) throws(JWTError) {
        guard header.alg == key.algorithm.rawValue else { throw JWTError(.unsupportedAlgorithm, "token algorithm is not accepted") }
        // The lesson in one line: the signature covers the bytes exactly as received.
        guard !signature.isEmpty, key.verify(signature: signature, data: signingInput) else {
            throw JWTError(.badSignature, "token signature is invalid")
        }
    }
}
