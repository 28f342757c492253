import SQLiteStore

extension Bookstore {
    /// The user whose password matches, or nil. An unknown username runs the
    /// same PBKDF2 work against a dummy hash, so timing does not reveal which
    /// usernames exist.
    package func authenticate(username: String, password: String) throws -> User? {
        let row = try pool.read { db in
            try db.queryFirst("SELECT id, password_hash FROM users WHERE username = ?", [username])
        }
        guard let row else {
            _ = hasher.verify(password, against: dummyHash)
            return nil
        }
        guard hasher.verify(password, against: try row.text(1)) else { return nil }
        return try user(id: try row.int(0))
    }

    /// The user with their current scopes from the database, or nil.
    package func user(id: Int) throws -> User? {
        try pool.read { db in try Self.user(id: id, in: db) }
    }

    /// Replaces a user's scopes. Every scope must be one this server knows
    /// (`.invalidScope` otherwise, nothing changed); unknown user → `.unknownUser`.
    package func setScopes(userID: Int, scopes: [String]) throws -> User {
        guard scopes.allSatisfy(Scope.all.contains) else { throw BookstoreError.invalidScope }
        return try pool.write { db in
            guard try db.queryFirst("SELECT 1 FROM users WHERE id = ?", [userID]) != nil else {
                throw BookstoreError.unknownUser
            }
            try db.execute("DELETE FROM user_scopes WHERE user_id = ?", [userID])
            for scope in Set(scopes) {
                try db.execute("INSERT INTO user_scopes(user_id, scope) VALUES (?, ?)", [userID, scope])
            }
            guard let user = try Self.user(id: userID, in: db) else { throw BookstoreError.unknownUser }
            return user
        }
    }

    static func user(id: Int, in db: Connection) throws -> User? {
        guard let row = try db.queryFirst("SELECT id, username, role FROM users WHERE id = ?", [id]) else { return nil }
        let scopes = try db.query("SELECT scope FROM user_scopes WHERE user_id = ? ORDER BY scope", [id]).map { try $0.text(0) }
        return User(id: try row.int(0), username: try row.text(1), role: try row.text(2), scopes: scopes)
    }
}
