import Testing

@testable import HTTPServer

/// Building the server's TLS context: every way a certificate or key can be wrong gives
/// one `TLSError` with a sentence an operator can act on, before any port is bound.
@Suite(.enabled(if: TLSFixture.isAvailable, "needs /usr/bin/openssl to make a test certificate"))
struct TLSContextTests {
    /// The error `TLSContext` throws for `configuration`, or nil when it loads.
    static func failure(_ configuration: TLSConfiguration) -> TLSError? {
        do {
            _ = try TLSContext(configuration: configuration)
            return nil
        } catch {
            return error
        }
    }

    @Test func aMatchingPairLoads() throws {
        let fixture = try TLSFixture()
        defer { fixture.remove() }
        #expect(Self.failure(fixture.configuration) == nil)
    }

    @Test func missingCertificateFileSaysSo() throws {
        let fixture = try TLSFixture()
        defer { fixture.remove() }
        let missing = fixture.directory.appendingPathComponent("nope.pem").path
        let error = try #require(Self.failure(TLSConfiguration(certificateChainPath: missing, privateKeyPath: fixture.keyPath)))
        #expect(error.code == .certificateUnusable)
        #expect(error.description == "cannot read the TLS certificate file \(missing): No such file or directory")
    }

    @Test func missingKeyFileSaysSo() throws {
        let fixture = try TLSFixture()
        defer { fixture.remove() }
        let missing = fixture.directory.appendingPathComponent("nokey.pem").path
        let error = try #require(Self.failure(TLSConfiguration(certificateChainPath: fixture.certificatePath, privateKeyPath: missing)))
        #expect(error.code == .privateKeyUnusable)
        #expect(error.description.hasPrefix("cannot read the TLS private key file \(missing): No such file or directory"))
    }

    @Test func keyOfAnotherCertificateIsAMismatch() throws {
        let fixture = try TLSFixture()
        defer { fixture.remove() }
        let other = try TLSFixture.makePair(in: fixture.directory, named: "other")
        let error = try #require(
            Self.failure(TLSConfiguration(certificateChainPath: fixture.certificatePath, privateKeyPath: other.key)))
        #expect(error.code == .keyMismatch)
        #expect(error.description.hasPrefix("the TLS private key \(other.key) does not match the certificate \(fixture.certificatePath)"))
    }

    @Test func filesThatAreNoPEMAreUnusableWithOpenSSLsReason() throws {
        let fixture = try TLSFixture()
        defer { fixture.remove() }
        let garbage = try fixture.write("not a certificate\n", to: "garbage.pem")
        let badCertificate = try #require(
            Self.failure(TLSConfiguration(certificateChainPath: garbage, privateKeyPath: fixture.keyPath)))
        #expect(badCertificate.code == .certificateUnusable)
        #expect(badCertificate.description.contains("holds no usable PEM certificate chain [OpenSSL: error:"))
        let badKey = try #require(Self.failure(TLSConfiguration(certificateChainPath: fixture.certificatePath, privateKeyPath: garbage)))
        #expect(badKey.code == .privateKeyUnusable)
        // A certificate given as the key is not a key either.
        let swapped = try #require(
            Self.failure(TLSConfiguration(certificateChainPath: fixture.keyPath, privateKeyPath: fixture.certificatePath)))
        #expect(swapped.code == .certificateUnusable)
    }

    @Test func serverWithABadCertificateThrowsFromStartAndBindsNothing() throws {
        let fixture = try TLSFixture()
        defer { fixture.remove() }
        var configuration = HTTPServerConfiguration(port: 0, threads: 1)
        configuration.tls = TLSConfiguration(certificateChainPath: fixture.directory.path + "/absent.pem", privateKeyPath: fixture.keyPath)
        let server = HTTPServer(configuration: configuration, responder: EchoResponder())
        #expect(throws: TLSError.self) { try server.start() }
        #expect(server.openConnections == 0)
        server.shutdown()
        server.waitUntilStopped()
    }
}

/// The ALPN callback's parsing of the client's protocol list, a table of offers.
@Suite struct TLSALPNTests {
    static func wire(_ names: [String]) -> [UInt8] { names.flatMap { [UInt8($0.utf8.count)] + Array($0.utf8) } }

    @Test(arguments: [
        (wire(["http/1.1"]), 1 as Int?),
        (wire(["h2", "http/1.1"]), 4),
        (wire(["h2"]), nil),
        (wire(["http/1.0"]), nil),
        (wire(["http/1.12"]), nil),
        ([], nil),
        ([0x20] + Array("http/1.1".utf8), nil),  // a length past the end
        ([0x00] + wire(["http/1.1"]), nil),  // an empty name is malformed
    ])
    func findsHTTP11OnlyAsAWholeNameInAWellFormedList(_ list: [UInt8], _ expected: Int?) {
        let found = list.withUnsafeBufferPointer { TLSContext.offset(of: TLSContext.http11, in: $0) }
        #expect(found == expected)
    }
}

/// The handshake's place in the connection state machine: header-read timeout while
/// it runs, idle timeout once it is done.
@Suite struct TLSHandshakeTimeoutTests {
    let limits = HTTPLimits(headerReadTimeoutSeconds: 2, keepAliveIdleTimeoutSeconds: 60)

    @Test func handshakeRunsUnderTheHeaderTimeoutAndClosesWhenItExpires() {
        var machine = HTTPConnectionStateMachine(limits: limits, now: 0)
        machine.handshakeStarted(now: 0)
        #expect(machine.deadline == 2_000_000_000)
        #expect(machine.tick(now: 1_999_999_999) == .none)
        #expect(machine.tick(now: 2_000_000_000) == .close)
    }

    @Test func finishedHandshakeWaitsForTheFirstRequestUnderTheIdleTimeout() {
        var machine = HTTPConnectionStateMachine(limits: limits, now: 0)
        machine.handshakeStarted(now: 0)
        machine.handshakeFinished(now: 1_000_000_000)
        #expect(machine.deadline == 61_000_000_000)
        #expect(machine.tick(now: 2_000_000_000) == .none)
    }
}
