import COpenSSL
import Glibc

/// Why the server could not set up TLS: a code callers can match on, and a sentence an
/// operator can act on ("the private key does not match the certificate"), followed by
/// whatever OpenSSL put on its thread's error queue. Errors of individual connections
/// never become a `TLSError`: a failed handshake just closes that connection.
package struct TLSError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, as an extensible set (a struct, so new codes break no `switch`).
    package struct Code: Hashable, Sendable, CustomStringConvertible {
        let name: String
        /// The certificate file is missing, unreadable, or not a PEM certificate chain.
        package static let certificateUnusable = Code(name: "certificate_unusable")
        /// The key file is missing, unreadable, or not a PEM private key.
        package static let privateKeyUnusable = Code(name: "private_key_unusable")
        /// The key is fine but belongs to another certificate.
        package static let keyMismatch = Code(name: "key_mismatch")
        /// OpenSSL refused a setting of the context itself (out of memory, a broken build).
        package static let contextSetup = Code(name: "context_setup")
        package var description: String { name }
    }

    package let code: Code
    /// The whole message: our sentence, then OpenSSL's reasons in brackets when it gave any.
    package let description: String

    init(_ code: Code, _ message: String, openSSLReasons: [String] = []) {
        self.code = code
        self.description = openSSLReasons.isEmpty ? message : message + " [OpenSSL: " + openSSLReasons.joined(separator: "; ") + "]"
    }

    /// Builds the error after an OpenSSL call failed, draining the thread's error queue
    /// (`ERR_get_error`) so the reasons are reported here and never confuse a later call.
    static func drainingOpenSSL(_ code: Code, _ message: String) -> TLSError {
        TLSError(code, message, openSSLReasons: drainErrorQueue())
    }

    /// Every queued OpenSSL error as text (`error:0A000086:SSL routines::…`), oldest first.
    static func drainErrorQueue() -> [String] {
        var reasons: [String] = []
        var buffer = [CChar](repeating: 0, count: 256)
        var code = ERR_get_error()
        while code != 0 {
            ERR_error_string_n(code, &buffer, buffer.count)
            reasons.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
            code = ERR_get_error()
        }
        return reasons
    }

    /// The file cannot be opened for reading: the `strerror` text, checked before OpenSSL
    /// is asked so "No such file or directory" reads as plainly as it should.
    static func unreadableReason(_ path: String) -> String? {
        let file = fopen(path, "r")
        guard let file else { return String(cString: strerror(errno)) }
        fclose(file)
        return nil
    }
}
