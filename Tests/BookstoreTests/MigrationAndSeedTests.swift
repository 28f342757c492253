import Foundation
import SQLiteStore
import Testing

@testable import Bookstore

@Suite struct MigrationAndSeedTests {
    @Test func anEmptyFileGetsTheSchemaAndTheDocumentedSeed() throws {
        try withBookstore { store, _ in
            #expect(try store.pool.read { try Migrator.userVersion($0) } == 3)
            let edgaras = try #require(try store.user(id: 42))
            #expect(edgaras.username == "edgaras" && edgaras.role == "USER" && !edgaras.isAdmin)
            #expect(edgaras.scopes == ["read:books", "read:orders", "write:cart", "write:orders"])
            let admin = try #require(try store.user(id: 1))
            #expect(admin.isAdmin && admin.scopes.contains("admin:users") && admin.scopes.count == 5)
            #expect(try store.user(id: 7)?.scopes == ["read:books"])
            let books = try store.books()
            #expect(books.count >= 8)
            #expect(books.first?.priceCents == 1499)
        }
    }

    @Test func reopeningIsANoOpAndNeverReseedsOverAnAdminChange() throws {
        try withBookstore { store, path in
            _ = try store.setScopes(userID: 7, scopes: [])
            let again = try Bookstore(path: path, connections: 1, passwordIterations: testIterations)
            #expect(try again.pool.read { try Migrator.userVersion($0) } == 3)
            #expect(try again.user(id: 7)?.scopes == [])
            #expect(try again.pool.read { try $0.queryFirst("SELECT count(*) FROM users")!.int(0) } == 3)
            #expect(try again.books().count == BookstoreSeed.books.count)
        }
    }

    @Test(arguments: [("edgaras", "passport42", 42), ("admin", "admin-demo", 1), ("reader", "reader-demo", 7)])
    func seededUsersSignInWithTheirDocumentedPasswords(username: String, password: String, id: Int) throws {
        try withBookstore { store, _ in
            let signedIn = try store.authenticate(username: username, password: password)
            let refused = try store.authenticate(username: username, password: password + "x")
            #expect(signedIn?.id == id)
            #expect(refused == nil)
        }
    }

    @Test func unknownUsernameIsRefusedLikeAWrongPassword() throws {
        try withBookstore { store, _ in
            let user = try store.authenticate(username: "nobody", password: "passport42")
            #expect(user == nil)
        }
    }

    @Test func injectionStringsAreStoredAndReturnedVerbatim() throws {
        try withBookstore { store, _ in
            let hasher = PasswordHasher(iterations: testIterations)
            for (offset, text) in injectionStrings.enumerated() {
                let id = 100 + offset
                try store.pool.write { db in
                    try db.execute(
                        "INSERT INTO users(id, username, password_hash, role) VALUES (?, ?, ?, 'USER')",
                        [id, text, try hasher.hash(text)])
                    try db.execute("INSERT INTO user_scopes(user_id, scope) VALUES (?, ?)", [id, text])
                    try db.execute("INSERT INTO books(id, title, author, price_cents) VALUES (?, ?, ?, 1)", [id, text, text])
                }
                #expect(try store.authenticate(username: text, password: text)?.username == text)
                #expect(try store.user(id: id)?.scopes == [text])
                #expect(try store.book(id: id)?.title == text)
            }
            #expect(throws: BookstoreError.invalidScope) { try store.setScopes(userID: 7, scopes: [injectionStrings[0]]) }
            #expect(try store.user(id: 7)?.scopes == ["read:books"])
            #expect(try store.books().count == BookstoreSeed.books.count + injectionStrings.count)
        }
    }

    @Test func setScopesReplacesTheListAndRefusesUnknownUsers() throws {
        try withBookstore { store, _ in
            let user = try store.setScopes(userID: 7, scopes: ["write:cart", "read:books", "read:books"])
            #expect(user.scopes == ["read:books", "write:cart"])
            #expect(try store.user(id: 7)?.scopes == ["read:books", "write:cart"])
            #expect(throws: BookstoreError.unknownUser) { try store.setScopes(userID: 999, scopes: ["read:books"]) }
        }
    }
}
