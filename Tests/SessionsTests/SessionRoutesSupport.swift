import AppTestSupport
import Foundation
import HTTPServer

/// Small helpers the `/session` route suites share, so each test reads as the
/// behaviour it proves rather than as request plumbing.
extension TestApp {
    /// The origin the fixture's `Host: 127.0.0.1:8080` implies for plain HTTP.
    static let sameOrigin = "http://127.0.0.1:8080"

    /// `POST /session/cart/items` with `{"book_id","qty"}`.
    func setLine(_ sid: String, book: Int, qty: Int, headers: [(String, String)] = []) -> Reply {
        session("POST", "/session/cart/items", sid: sid, json: #"{"book_id":\#(book),"qty":\#(qty)}"#, headers: headers)
    }

    /// The cart's lines as `book_id → qty`, read through `GET /session/cart`.
    func cartLines(_ sid: String) -> [Int: Int] {
        let items = session("GET", "/session/cart", sid: sid).json["items"] as? [[String: Any]] ?? []
        var lines: [Int: Int] = [:]
        for item in items {
            if let book = item["book_id"] as? Int, let qty = item["qty"] as? Int { lines[book] = qty }
        }
        return lines
    }

    /// The whole `GET /api/inspect` reply.
    func inspect() -> Reply { call("GET", "/api/inspect") }

    /// `memory` of `/api/inspect`.
    var inspectMemory: [String: Any] { inspect().json["memory"] as? [String: Any] ?? [:] }

    /// `database.orders` of `/api/inspect`.
    var inspectOrders: [[String: Any]] {
        (inspect().json["database"] as? [String: Any])?["orders"] as? [[String: Any]] ?? []
    }

    /// Entries the coat-check holds right now (expired ones not yet swept included).
    var sessionCount: Int { app.sessions.count }
}

extension Reply {
    /// The `Set-Cookie` field for `name`, whole, as the browser receives it.
    func setCookieField(_ name: String) -> String? {
        response.headers.values("Set-Cookie").first { $0.hasPrefix(name + "=") }
    }

    /// `user` of a `{"user":{…}}` answer.
    var user: [String: Any] { json["user"] as? [String: Any] ?? [:] }

    /// `order` of a `{"order":{…}}` answer.
    var order: [String: Any] { json["order"] as? [String: Any] ?? [:] }
}
