// swift-tools-version:6.0
import PackageDescription

/// sessions-vs-tokens: one HTTP server, two ways to remember who you are.
/// The target list is the architecture; see Walkthrough.md and README.md.
let package = Package(
    name: "sessions-vs-tokens",
    products: [
        .executable(name: "sessions-vs-tokens", targets: ["sessions-vs-tokens"]),
        .library(name: "HTTPServer", targets: ["HTTPServer"]),
        .library(name: "App", targets: ["App"]),
    ],
    targets: [
        // C libraries, each wrapped in exactly one place.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),
        .target(name: "CSystem"),

        // The layers.
        .target(name: "HTTPServer", dependencies: ["CSystem", "COpenSSL"]),
        .target(name: "SQLiteStore", dependencies: ["CSQLite"]),
        .target(name: "Bookstore", dependencies: ["SQLiteStore", "COpenSSL"]),
        .target(name: "JWT", dependencies: ["COpenSSL"]),
        .target(name: "Sessions", dependencies: ["HTTPServer", "Bookstore"]),
        .target(name: "Tokens", dependencies: ["HTTPServer", "Bookstore", "JWT"]),
        .target(name: "App", dependencies: ["HTTPServer", "SQLiteStore", "Bookstore", "JWT", "Sessions", "Tokens"]),
        .executableTarget(name: "sessions-vs-tokens", dependencies: ["App"]),

        // Tests: one target per layer, plus a shared fixture (a whole app on a temporary database).
        .target(name: "AppTestSupport", dependencies: ["App", "HTTPServer"], path: "Tests/AppTestSupport"),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer"]),
        .testTarget(name: "SQLiteStoreTests", dependencies: ["SQLiteStore"]),
        .testTarget(name: "BookstoreTests", dependencies: ["Bookstore", "SQLiteStore"]),
        .testTarget(name: "JWTTests", dependencies: ["JWT"], exclude: ["Fixtures"]),
        .testTarget(name: "SessionsTests", dependencies: ["Sessions", "Bookstore", "HTTPServer", "App", "AppTestSupport"]),
        .testTarget(name: "TokensTests", dependencies: ["Tokens", "JWT", "Bookstore", "HTTPServer", "App", "AppTestSupport"]),
        .testTarget(name: "AppTests", dependencies: ["App", "HTTPServer", "Bookstore", "Sessions", "Tokens", "JWT", "AppTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
