import Foundation
import Testing

@testable import Bookstore

@Suite struct TokenStateTests {
    let old: [UInt8] = Array(repeating: 0xAB, count: 32)
    let new: [UInt8] = Array(repeating: 0xCD, count: 32)
    let later = fixedNow.addingTimeInterval(3600)

    @Test func rotatingAnActiveTokenSpendsItAndIssuesItsSuccessorInTheSameFamily() throws {
        try withBookstore { store, _ in
            try store.refreshTokens.insert(hash: old, family: "fam", userID: 42, expiresAt: later)
            let result = try store.refreshTokens.rotate(oldHash: old, newHash: new, newExpiresAt: later, now: fixedNow)
            #expect(result == .rotated(userID: 42, family: "fam"))
            #expect(try store.refreshTokens.find(hash: old)?.state == .spent)
            #expect(try store.refreshTokens.find(hash: old)?.replacedBy == new)
            #expect(try store.refreshTokens.find(hash: new)?.state == .active)
            #expect(try store.refreshTokens.find(hash: new)?.family == "fam")
        }
    }

    @Test func presentingASpentTokenRevokesTheWholeFamily() throws {
        try withBookstore { store, _ in
            try store.refreshTokens.insert(hash: old, family: "fam", userID: 42, expiresAt: later)
            _ = try store.refreshTokens.rotate(oldHash: old, newHash: new, newExpiresAt: later, now: fixedNow)
            let replay = try store.refreshTokens.rotate(oldHash: old, newHash: [1, 2, 3], newExpiresAt: later, now: fixedNow)
            #expect(replay == .reused(userID: 42, family: "fam"))
            #expect(try store.refreshTokens.find(hash: new)?.state == .revoked)
            #expect(try store.refreshTokens.find(hash: [1, 2, 3]) == nil)
        }
    }

    @Test func unknownAndExpiredTokensDoNotRotate() throws {
        try withBookstore { store, _ in
            #expect(try store.refreshTokens.rotate(oldHash: old, newHash: new, newExpiresAt: later, now: fixedNow) == .unknown)
            try store.refreshTokens.insert(hash: old, family: "fam", userID: 42, expiresAt: fixedNow)
            #expect(try store.refreshTokens.rotate(oldHash: old, newHash: new, newExpiresAt: later, now: fixedNow) == .expired)
            #expect(try store.refreshTokens.find(hash: old)?.state == .active)
            #expect(try store.refreshTokens.find(hash: new) == nil)
        }
    }

    @Test func revokingAFamilyOrAUserCountsOnlyTokensThatWereActive() throws {
        try withBookstore { store, _ in
            try store.refreshTokens.insert(hash: old, family: "a", userID: 42, expiresAt: later)
            try store.refreshTokens.insert(hash: new, family: "b", userID: 42, expiresAt: later)
            try store.refreshTokens.insert(hash: [9], family: "c", userID: 7, expiresAt: later)
            #expect(try store.refreshTokens.revokeFamily(of: old) == 1)
            #expect(try store.refreshTokens.revokeFamily(of: [0]) == 0)
            #expect(try store.refreshTokens.revokeAll(userID: 42) == 1)
            #expect(try store.refreshTokens.find(hash: [9])?.state == .active)
        }
    }

    @Test func theDenylistHoldsAJTIUntilItExpiresThenPurgesIt() throws {
        try withBookstore { store, _ in
            let jti = injectionStrings[0]
            try store.revokedJTIs.add(jti: jti, expiresAt: later)
            #expect(try store.revokedJTIs.contains(jti: jti, now: fixedNow))
            #expect(try !store.revokedJTIs.contains(jti: "other", now: fixedNow))
            #expect(try store.revokedJTIs.purgeExpired(now: fixedNow) == 0)
            #expect(try !store.revokedJTIs.contains(jti: jti, now: later))
            #expect(try store.revokedJTIs.purgeExpired(now: later) == 1)
        }
    }

    @Test func signingKeysPersistRetireAndAreDeletedOnlyWhenRetiredLongEnough() throws {
        try withBookstore { store, _ in
            try store.signingKeys.insert(kid: "k1", alg: "ES256", material: Array("PEM".utf8), createdAt: fixedNow)
            try store.signingKeys.insert(kid: "k2", alg: "HS256", material: [0, 1, 2], createdAt: later)
            #expect(try store.signingKeys.retire(kid: "k1", at: later))
            #expect(try !store.signingKeys.retire(kid: "k1", at: later))
            let keys = try store.signingKeys.all()
            #expect(keys.map(\.kid) == ["k1", "k2"])
            #expect(keys[0].retiredAt == later && keys[1].retiredAt == nil && keys[1].material == [0, 1, 2])
            #expect(try store.signingKeys.deleteRetired(before: later) == 0)
            #expect(try store.signingKeys.deleteRetired(before: later.addingTimeInterval(1)) == 1)
            #expect(try store.signingKeys.all().map(\.kid) == ["k2"])
        }
    }
}
