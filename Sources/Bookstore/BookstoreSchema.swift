import SQLiteStore

/// The bookstore's migrations. Version 1 is the schema, version 2 the demo
/// seed: keyed by `user_version`, the seed runs exactly once per file, so an
/// admin's later scope change is never overwritten by a restart.
enum BookstoreSchema {
    static func migrator(seedHasher: PasswordHasher) -> Migrator {
        Migrator([
            Migration(version: 1, name: "schema") { db in try db.executeScript(schemaSQL) },
            Migration(version: 2, name: "seed") { db in try BookstoreSeed.apply(db, hasher: seedHasher) },
            // A refresh family may not outlive its login by more than 30 days, however often it rotates.
            Migration(version: 3, name: "refresh family deadline") { db in
                try db.executeScript("ALTER TABLE refresh_tokens ADD COLUMN family_expires_at INTEGER")
            },
        ])
    }

    /// Times are integer Unix seconds. Money is integer cents.
    static let schemaSQL = """
        CREATE TABLE books(
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            author TEXT NOT NULL,
            price_cents INTEGER NOT NULL CHECK (price_cents >= 0));
        CREATE TABLE users(
            id INTEGER PRIMARY KEY,
            username TEXT NOT NULL UNIQUE,
            password_hash TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('USER', 'ADMIN')));
        CREATE TABLE user_scopes(
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            scope TEXT NOT NULL,
            PRIMARY KEY (user_id, scope));
        CREATE TABLE carts(
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            book_id INTEGER NOT NULL REFERENCES books(id),
            qty INTEGER NOT NULL CHECK (qty BETWEEN 1 AND 99),
            added_at INTEGER NOT NULL,
            PRIMARY KEY (user_id, book_id));
        CREATE TABLE orders(
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id),
            total_cents INTEGER NOT NULL,
            created_at INTEGER NOT NULL);
        CREATE INDEX orders_by_user ON orders(user_id, id);
        CREATE TABLE order_items(
            order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
            book_id INTEGER NOT NULL,
            title TEXT NOT NULL,
            qty INTEGER NOT NULL CHECK (qty BETWEEN 1 AND 99),
            price_cents INTEGER NOT NULL,
            PRIMARY KEY (order_id, book_id));
        CREATE TABLE refresh_tokens(
            token_sha256 BLOB PRIMARY KEY,
            family TEXT NOT NULL,
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            issued_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('active', 'spent', 'revoked')),
            replaced_by BLOB);
        CREATE INDEX refresh_tokens_by_family ON refresh_tokens(family);
        CREATE INDEX refresh_tokens_by_user ON refresh_tokens(user_id);
        CREATE TABLE revoked_jtis(
            jti TEXT PRIMARY KEY,
            expires_at INTEGER NOT NULL);
        CREATE INDEX revoked_jtis_by_expiry ON revoked_jtis(expires_at);
        CREATE TABLE signing_keys(
            kid TEXT PRIMARY KEY,
            alg TEXT NOT NULL,
            key_material BLOB NOT NULL,
            created_at INTEGER NOT NULL,
            retired_at INTEGER);
        """
}

/// The demo data api.md documents: three users with their scopes and a small catalog.
enum BookstoreSeed {
    struct SeedUser {
        let id: Int
        let username: String
        let password: String
        let role: String
        let scopes: [String]
    }

    static let users = [
        SeedUser(id: 42, username: "edgaras", password: "passport42", role: User.userRole, scopes: Scope.userDefaults),
        SeedUser(id: 1, username: "admin", password: "admin-demo", role: User.adminRole, scopes: Scope.all),
        SeedUser(id: 7, username: "reader", password: "reader-demo", role: User.userRole, scopes: [Scope.readBooks]),
    ]

    /// Book 1 costs 1499 so that 3 × book 1 = 4497, api.md's example total.
    static let books = [
        Book(id: 1, title: "The Pragmatic Programmer", author: "David Thomas & Andrew Hunt", priceCents: 1499),
        Book(id: 2, title: "HTTP: The Definitive Guide", author: "David Gourley & Brian Totty", priceCents: 3999),
        Book(id: 3, title: "Designing Data-Intensive Applications", author: "Martin Kleppmann", priceCents: 4299),
        Book(id: 4, title: "The Swift Programming Language", author: "Apple Inc.", priceCents: 999),
        Book(id: 5, title: "Web Security for Developers", author: "Malcolm McDonald", priceCents: 2999),
        Book(id: 6, title: "High Performance Browser Networking", author: "Ilya Grigorik", priceCents: 2499),
        Book(id: 7, title: "Learning SQL", author: "Alan Beaulieu", priceCents: 1999),
        Book(id: 8, title: "OAuth 2 in Action", author: "Justin Richer & Antonio Sanso", priceCents: 3499),
        Book(id: 9, title: "Serious Cryptography", author: "Jean-Philippe Aumasson", priceCents: 2799),
        Book(id: 10, title: "Structure and Interpretation of Computer Programs", author: "Abelson & Sussman", priceCents: 4599),
    ]

    static func apply(_ db: Connection, hasher: PasswordHasher) throws {
        for user in users {
            try db.execute(
                "INSERT INTO users(id, username, password_hash, role) VALUES (?, ?, ?, ?)",
                [user.id, user.username, try hasher.hash(user.password), user.role])
            for scope in user.scopes {
                try db.execute("INSERT INTO user_scopes(user_id, scope) VALUES (?, ?)", [user.id, scope])
            }
        }
        for book in books {
            try db.execute(
                "INSERT INTO books(id, title, author, price_cents) VALUES (?, ?, ?, ?)",
                [book.id, book.title, book.author, book.priceCents])
        }
    }
}
