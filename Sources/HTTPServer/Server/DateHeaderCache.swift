import Glibc

/// The `Date: <IMF-fixdate>\r\n` header line, formatted at most once per second per
/// loop (nginx's `ngx_cached_http_time`) instead of once per response.
struct DateHeaderCache {
    private var second = -1
    private(set) var line: [UInt8] = []

    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Refreshes the line when the wall-clock second changed (called once per loop iteration).
    mutating func refresh() {
        let now = time(nil)
        if now != second {
            second = now
            line = Array(("Date: " + Self.format(now) + "\r\n").utf8)
        }
    }

    /// RFC 9110 §5.6.7 `IMF-fixdate`, e.g. `Sun, 06 Nov 1994 08:49:37 GMT`.
    static func format(_ t: time_t) -> String {
        var t = t
        var parts = tm()
        gmtime_r(&t, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
    }
}
