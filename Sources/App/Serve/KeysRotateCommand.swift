import Bookstore
import Foundation
import JWT
import Tokens

/// `sessions-vs-tokens keys rotate`: a new signing key; the old one keeps
/// verifying until every token it signed has expired. A running server
/// notices on its next sign-in or on the first token with the new `kid`.
package enum KeysRotateCommand {
    package static func run(_ c: AppConfiguration) -> Int32 {
        do {
            let store = try Bookstore(path: c.databasePath, connections: 1, passwordIterations: c.passwordIterations)
            let policy = TokenPolicy(
                algorithm: JWTAlgorithm(rawValue: c.jwtAlgorithm) ?? .es256, accessTTLSeconds: c.accessTTLSeconds,
                leewaySeconds: c.leewaySeconds)
            // Make sure a first key exists (as the server would), so there is something to rotate.
            _ = try KeyRing(store: store, policy: policy, signingKeyPath: c.signingKeyPath)
            let rotation = try KeyRing.rotate(store: store, policy: policy, signingKeyPath: c.signingKeyPath)
            Console.out("new \(c.jwtAlgorithm) signing key: kid \(rotation.newKid)")
            if let old = rotation.retiredKid, let until = rotation.verifiesUntil {
                Console.out("retired kid \(old): still verifies until \(until.formatted(.iso8601)) (access TTL + leeway)")
            }
            return 0
        } catch {
            Console.error("keys rotate failed: \(error)")
            return 1
        }
    }
}
