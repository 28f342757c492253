import Foundation

/// Writes JSON straight into a byte buffer, for the responses on every hot path.
///
/// `JSONEncoder` builds a tree of boxed values, converts every key to snake_case
/// and sorts it, then serialises: on `GET /token/me` that cost 4.5× the whole token
/// verification. A type that writes itself (`JSONWritable`) emits its members in
/// the order `.sortedKeys` would, with snake_case keys spelled out, so the bytes
/// are exactly `JSONCoding.makeEncoder()`'s (the tests compare them).
///
/// The writer tracks only "is a comma due before the next member or element";
/// the caller keeps the structure balanced (`beginObject`/`endObject`, keys before
/// object values). Anything it cannot write byte-identically it hands to the
/// API's `JSONEncoder` (`encoded(_:)`).
package struct JSONWriter {
    /// A typical hot response (a user, a claims set, a small cart) fits without regrowing.
    package static let initialCapacityBytes = 512

    /// The JSON written so far.
    package internal(set) var bytes: [UInt8]
    /// True after a complete value: the next member or element needs a comma first.
    private var needsComma = false

    package init(capacityBytes: Int = JSONWriter.initialCapacityBytes) {
        bytes = []
        bytes.reserveCapacity(capacityBytes)
    }

    // MARK: Structure

    package mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    package mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    package mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    package mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// An object member's key. Keys are literals the caller already wrote in
    /// snake_case and that need no escaping (letters, digits, `_`), so they are copied as they are.
    package mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    // MARK: Scalars

    package mutating func null() {
        separate()
        bytes.append(contentsOf: [UInt8(ascii: "n"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l")])
        needsComma = true
    }

    package mutating func bool(_ value: Bool) {
        separate()
        if value {
            bytes.append(contentsOf: [UInt8(ascii: "t"), UInt8(ascii: "r"), UInt8(ascii: "u"), UInt8(ascii: "e")])
        } else {
            bytes.append(contentsOf: [UInt8(ascii: "f"), UInt8(ascii: "a"), UInt8(ascii: "l"), UInt8(ascii: "s"), UInt8(ascii: "e")])
        }
        needsComma = true
    }

    /// A decimal integer, as `JSONEncoder` writes `Int` (no exponent, `-` for negatives).
    package mutating func int(_ value: Int) {
        separate()
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(value.magnitude, minimumCount: 1)
        needsComma = true
    }

    /// A JSON string with `JSONEncoder`'s escapes (see `appendEscaped`).
    package mutating func string(_ value: String) {
        separate()
        appendEscaped(value)
        needsComma = true
    }

    // MARK: Building blocks for the extensions

    /// Writes the comma a previous value or member calls for.
    mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    /// Marks the end of a value written by appending raw bytes.
    mutating func finishValue() { needsComma = true }

    /// Appends raw bytes that are already valid JSON (or part of one value).
    mutating func appendRaw<Bytes: Sequence<UInt8>>(_ raw: Bytes) { bytes.append(contentsOf: raw) }

    /// Appends `value` in decimal, left-padded with zeros to `minimumCount` digits.
    /// Digits are filled in from the right in place: no scratch buffer, no reversal.
    mutating func appendDigits(_ value: UInt, minimumCount: Int) {
        var count = 1
        var rest = value / 10
        while rest > 0 {
            count += 1
            rest /= 10
        }
        count = max(count, minimumCount)
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: count))
        var index = bytes.count - 1
        rest = value
        while rest > 0 {
            bytes[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
            index -= 1
        }
    }
}
