import Foundation
import HTTPServer
import Testing

/// Dates written by hand against `JSONEncoder`'s `.iso8601` strategy.
@Suite struct JSONWriterDateTests {
    static let samples: [Double] = [
        0, 0.5, 1, 59, 60, 3599, 3600, 86_399, 86_400, 1.5, 1.999_999,
        1_796_400_219,  // 2026-12-04T16:03:39Z
        1_796_400_219.999_9,
        951_782_400,  // 2000-02-29
        951_868_799,  // 2000-02-29T23:59:59
        4_107_542_399,  // 2100-02-28T23:59:59 (not a leap year)
        4_107_542_400,  // 2100-03-01
        2_147_483_647, 2_147_483_648,  // 32-bit time_t edge
        253_402_300_799,  // 9999-12-31T23:59:59, the last fast-path second
        253_402_300_799.5,
        // Outside the fast path: written by the encoder, still identical.
        253_402_300_800, 1e12, -0.5, -1, -86_400, -62_135_596_800, -1e12,
    ]

    @Test(arguments: samples)
    func datesMatchTheEncoderToTheByte(_ seconds: Double) throws {
        let date = Date(timeIntervalSince1970: seconds)
        var writer = JSONWriter()
        try writer.date(date)
        #expect(try text(writer) == encoded(date))
    }

    @Test func spreadOfDatesAcrossTheFastRangeMatchesTheEncoder() throws {
        // A fixed linear congruential sequence: reproducible, and it hits every month and leap rule.
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        var mismatches: [Double] = []
        for _ in 0..<2_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let seconds = Double(state >> 11) / Double(1 << 53) * 253_402_300_800
            let date = Date(timeIntervalSince1970: seconds)
            var writer = JSONWriter()
            try writer.date(date)
            if text(writer) != (try encoded(date)) { mismatches.append(seconds) }
        }
        #expect(mismatches.isEmpty)
    }

    /// A date a hair below a whole second, built from the reference date as `Date` stores it:
    /// converting to the 1970 epoch first would round it up to the next second.
    @Test(arguments: [800_000_000.0, 1.0, 0.0, 756_000_000.0])
    func dateJustBelowASecondIsNotRoundedUp(referenceSeconds: Double) throws {
        let date = Date(timeIntervalSinceReferenceDate: referenceSeconds.nextDown)
        var writer = JSONWriter()
        try writer.date(date)
        #expect(try text(writer) == encoded(date))
    }

    @Test func dateInAnArrayIsSeparatedByCommas() throws {
        let dates = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 1_796_400_219)]
        var writer = JSONWriter()
        try writer.array(dates) { writer, date in try writer.date(date) }
        #expect(text(writer) == #"["1970-01-01T00:00:00Z","2026-12-04T16:03:39Z"]"#)
    }
}
