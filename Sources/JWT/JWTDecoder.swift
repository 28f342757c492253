/// TEACHING DISPLAY ONLY: reads a token's header and payload WITHOUT verifying it.
///
/// The page shows learners what a JWT contains (it is signed, not encrypted).
/// Nothing returned here may be used for an access decision: use `JWTVerifier`.
package enum JWTDecoder {
    /// The header and payload JSON text of a compact JWS, unverified and untrusted.
    package static func decodeUnverified(_ token: String) throws(JWTError) -> (header: String, payload: String) {
        let jws = try JWS.parse(token)
        _ = try StrictJSON.parseObject(jws.headerBytes)
        _ = try StrictJSON.parseObject(jws.payloadBytes)
        return (String(decoding: jws.headerBytes, as: UTF8.self), String(decoding: jws.payloadBytes, as: UTF8.self))
    }
}
