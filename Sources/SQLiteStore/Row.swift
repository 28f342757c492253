/// One result row, copied out of SQLite while the statement was on it, so it
/// stays valid after the statement is reset. Typed getters throw on a storage
/// class mismatch instead of guessing a conversion.
package struct Row: Sendable, Equatable {
    package let values: [SQLiteValue]

    package init(values: [SQLiteValue]) { self.values = values }

    package subscript(column: Int) -> SQLiteValue { values[column] }

    package func isNull(_ column: Int) -> Bool { values[column] == .null }

    package func int(_ column: Int) throws -> Int {
        guard case .integer(let value) = values[column] else {
            throw SQLiteError.typeMismatch(column: column, expected: "integer", found: values[column])
        }
        return Int(value)
    }

    package func int64(_ column: Int) throws -> Int64 {
        guard case .integer(let value) = values[column] else {
            throw SQLiteError.typeMismatch(column: column, expected: "integer", found: values[column])
        }
        return value
    }

    package func real(_ column: Int) throws -> Double {
        switch values[column] {
        case .real(let value): return value
        case .integer(let value): return Double(value)
        default: throw SQLiteError.typeMismatch(column: column, expected: "real", found: values[column])
        }
    }

    package func text(_ column: Int) throws -> String {
        guard case .text(let value) = values[column] else {
            throw SQLiteError.typeMismatch(column: column, expected: "text", found: values[column])
        }
        return value
    }

    package func blob(_ column: Int) throws -> [UInt8] {
        guard case .blob(let value) = values[column] else {
            throw SQLiteError.typeMismatch(column: column, expected: "blob", found: values[column])
        }
        return value
    }

    /// The integer in `column`, or nil when it is NULL.
    package func optionalInt(_ column: Int) throws -> Int? {
        isNull(column) ? nil : try int(column)
    }

    /// The blob in `column`, or nil when it is NULL.
    package func optionalBlob(_ column: Int) throws -> [UInt8]? {
        isNull(column) ? nil : try blob(column)
    }
}
