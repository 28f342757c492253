import Foundation

/// An `Encodable` type that also writes its JSON by hand, fast.
///
/// The contract: `writeJSON(to:)` produces exactly the bytes `JSONCoding.makeEncoder()`
/// would for the same value (snake_case keys in `.sortedKeys` order, the same escapes
/// and dates). `HTTPResponse.json(_:)` takes this path whenever the value conforms,
/// even when the conformance lives in a module the caller cannot see.
package protocol JSONWritable: Encodable {
    func writeJSON(to writer: inout JSONWriter) throws
}

extension JSONWriter {
    /// A value whose conformance is known here: written directly.
    package mutating func value<T: JSONWritable>(_ value: T) throws {
        try value.writeJSON(to: &self)
    }

    /// A value that may conform only in another module (a router writing a `User`
    /// whose conformance the app declares): checked at run time, else encoded.
    package mutating func value<T: Encodable>(_ value: T) throws {
        if let writable = value as? any JSONWritable {
            try writable.writeJSON(to: &self)
        } else {
            try encoded(value)
        }
    }

    /// The slow, always-right path: the API's `JSONEncoder` writes this one value.
    package mutating func encoded<T: Encodable>(_ value: T) throws {
        let data = try JSONCoding.sharedEncoder.encode(value)
        separate()
        appendRaw(data)
        finishValue()
    }

    /// `[element, …]`, each element written by `body`. Inlinable so each caller's
    /// module specialises it for its element type instead of going through witness tables.
    @inlinable package mutating func array<S: Sequence>(_ elements: S, _ body: (inout JSONWriter, S.Element) throws -> Void) rethrows {
        beginArray()
        for element in elements { try body(&self, element) }
        endArray()
    }
}

extension String: JSONWritable {
    package func writeJSON(to writer: inout JSONWriter) { writer.string(self) }
}

extension Int: JSONWritable {
    package func writeJSON(to writer: inout JSONWriter) { writer.int(self) }
}

extension Bool: JSONWritable {
    package func writeJSON(to writer: inout JSONWriter) { writer.bool(self) }
}

extension Array: JSONWritable where Element: JSONWritable {
    package func writeJSON(to writer: inout JSONWriter) throws {
        try writer.array(self) { writer, element in try element.writeJSON(to: &writer) }
    }
}

/// `nil` is `null`, as `JSONEncoder` writes a top-level or explicitly encoded `nil`.
extension Optional: JSONWritable where Wrapped: JSONWritable {
    package func writeJSON(to writer: inout JSONWriter) throws {
        if let value = self { try value.writeJSON(to: &writer) } else { writer.null() }
    }
}
