import Foundation

/// The database keeps times as integer Unix seconds; the API speaks `Date`.
/// These two conversions are the only place the two meet.
extension Date {
    init(unixSeconds: Int) { self.init(timeIntervalSince1970: TimeInterval(unixSeconds)) }

    /// Whole seconds, rounded down.
    var unixSeconds: Int { Int(timeIntervalSince1970.rounded(.down)) }
}
