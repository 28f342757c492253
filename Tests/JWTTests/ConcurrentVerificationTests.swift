import Foundation
import Testing

@testable import JWT

/// One key, many threads: the shared libcrypto objects (EC key, keyed HMAC
/// context, fetched digest) are only read, so parallel verifications agree
/// with serial ones and never let a forgery through.
struct ConcurrentVerificationTests {
    typealias T = TestSupport

    /// Verifications per task; enough to overlap on every core.
    static let roundsPerTask = 50
    static let tasks = 8

    @Test(arguments: JWTAlgorithm.allCases)
    func parallelVerificationsWithOneSharedKeyAllAgree(_ algorithm: JWTAlgorithm) async throws {
        let key = algorithm == .es256 ? T.es256Key : T.hs256Key
        let verifier = T.verifier(key, algorithm: algorithm)
        let good = try JWTSigner().sign(T.claims(), with: key)
        var tampered = T.claims()
        tampered.role = "admin"
        let parts = good.split(separator: ".")
        let forged = "\(parts[0]).\(Base64URL.encode(try JSONEncoder().encode(tampered))).\(parts[2])"
        let outcomes = await withTaskGroup(of: (accepted: Int, rejected: Int).self) { group -> [(accepted: Int, rejected: Int)] in
            for _ in 0..<Self.tasks {
                group.addTask {
                    var accepted = 0
                    var rejected = 0
                    for _ in 0..<Self.roundsPerTask {
                        if (try? verifier.verify(good, now: T.now).claims) == T.claims() { accepted += 1 }
                        let outcome = Result { () throws(JWTError) in try verifier.verify(forged, now: T.now) }
                        if case .failure(let error) = outcome, error.code == .badSignature { rejected += 1 }
                    }
                    return (accepted, rejected)
                }
            }
            return await group.reduce(into: [(accepted: Int, rejected: Int)]()) { $0.append($1) }
        }
        #expect(outcomes.reduce(0) { $0 + $1.accepted } == Self.tasks * Self.roundsPerTask)
        #expect(outcomes.reduce(0) { $0 + $1.rejected } == Self.tasks * Self.roundsPerTask)
    }
}
