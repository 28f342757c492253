/// Where the server's HTTPS identity lives: a PEM certificate chain (leaf first,
/// then intermediates) and the PEM private key of the leaf. A value, read once
/// when `HTTPServer.start()` builds its `TLSContext`.
package struct TLSConfiguration: Sendable, Equatable {
    package var certificateChainPath: String
    package var privateKeyPath: String

    package init(certificateChainPath: String, privateKeyPath: String) {
        self.certificateChainPath = certificateChainPath
        self.privateKeyPath = privateKeyPath
    }
}
