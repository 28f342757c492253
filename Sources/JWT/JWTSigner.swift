import Foundation

/// Issues compact JWS access tokens.
///
/// The header is always `{"alg":…,"typ":"JWT","kid":…}`, taken from the key,
/// so a token can never claim an algorithm its key does not have.
package struct JWTSigner: Sendable {
    package init() {}

    /// `BASE64URL(header).BASE64URL(claims).BASE64URL(signature)`.
    package func sign(_ claims: JWTClaims, with key: JWTKey) throws(JWTError) -> String {
        let header = "{\"alg\":\"\(key.algorithm.rawValue)\",\"typ\":\"JWT\",\"kid\":\(JWKThumbprint.jsonString(key.kid))}"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let payload: Data
        do {
            payload = try encoder.encode(claims)
        } catch {
            throw .malformed("claims could not be encoded")
        }
        let signingInput = Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(payload))
        let signature = try key.sign(Array(signingInput.utf8))
        return signingInput + "." + Base64URL.encode(signature)
    }
}
