/// Byte classes of RFC 9110 §5.6.2 (token) and §5.5 (field values), as lookups
/// the parser runs on every byte of the head.
enum ByteClass {
    static let cr: UInt8 = 13
    static let lf: UInt8 = 10
    static let space: UInt8 = 32
    static let tab: UInt8 = 9
    static let colon: UInt8 = 58

    /// `tchar`: `!#$%&'*+-.^_\`|~`, digits and letters.
    static func isToken(_ b: UInt8) -> Bool {
        switch b {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case 0x21, 0x23, 0x24, 0x25, 0x26, 0x27, 0x2A, 0x2B, 0x2D, 0x2E, 0x5E, 0x5F, 0x60, 0x7C, 0x7E: return true
        default: return false
        }
    }

    /// `field-vchar` plus SP/HTAB: visible ASCII and obs-text; never a control byte.
    static func isFieldValue(_ b: UInt8) -> Bool {
        b == tab || (b >= 0x20 && b != 0x7F)
    }

    /// A byte allowed in an origin-form target: visible ASCII, no space or control.
    static func isTarget(_ b: UInt8) -> Bool {
        b > 0x20 && b < 0x7F
    }

    static func lower(_ b: UInt8) -> UInt8 {
        (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
    }

    /// ASCII case-insensitive comparison of `bytes` with a lowercase literal.
    static func equalsLowercase(_ bytes: UnsafeBufferPointer<UInt8>.SubSequence, _ literal: StaticString) -> Bool {
        guard bytes.count == literal.utf8CodeUnitCount else { return false }
        let lit = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        var j = 0
        for b in bytes {
            if lower(b) != lit[j] { return false }
            j += 1
        }
        return true
    }
}
