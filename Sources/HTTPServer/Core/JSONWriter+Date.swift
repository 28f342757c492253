import Foundation

/// Dates as `JSONEncoder`'s `.iso8601` strategy writes them: RFC 3339 in UTC,
/// whole seconds (the fraction is dropped, rounding down), e.g. `2026-12-04T16:03:39Z`.
extension JSONWriter {
    /// The fast path covers 1970-01-01 up to the end of year 9999. Before 1970 and after
    /// 9999 `JSONEncoder` switches to the Julian calendar or to 5-digit years, so those
    /// dates are left to it rather than imitated.
    static let fastDateRangeSeconds = 0.0..<253_402_300_800.0

    package mutating func date(_ value: Date) throws {
        // Whole seconds from the reference-date value `Date` stores: converting to the
        // 1970 epoch first can round a date just below a second up to it.
        let seconds = value.timeIntervalSinceReferenceDate.rounded(.down) + Date.timeIntervalBetween1970AndReferenceDate
        guard Self.fastDateRangeSeconds.contains(seconds) else {
            try encoded(value)
            return
        }
        let whole = Int(seconds)
        let (days, secondOfDay) = whole.quotientAndRemainder(dividingBy: 86_400)
        let (year, month, day) = Self.civilDate(daysSince1970: days)
        separate()
        bytes.append(UInt8(ascii: "\""))
        appendDigits(UInt(year), minimumCount: 4)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(UInt(month), minimumCount: 2)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(UInt(day), minimumCount: 2)
        bytes.append(UInt8(ascii: "T"))
        appendDigits(UInt(secondOfDay / 3600), minimumCount: 2)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(UInt(secondOfDay % 3600 / 60), minimumCount: 2)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(UInt(secondOfDay % 60), minimumCount: 2)
        bytes.append(UInt8(ascii: "Z"))
        bytes.append(UInt8(ascii: "\""))
        finishValue()
    }

    /// Proleptic Gregorian year, month and day of a day count since 1970-01-01
    /// (Howard Hinnant's `civil_from_days`, for non-negative counts).
    static func civilDate(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468  // days since 0000-03-01
        let era = shifted / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}
