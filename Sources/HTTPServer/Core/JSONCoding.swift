import Foundation

/// The one JSON style of the API: snake_case keys, RFC 3339 UTC dates, sorted keys
/// (stable bytes make responses diffable in the teaching page and in tests).
/// Encoding converts camelCase property names; decoding does not (its conversion
/// would turn `book_id` into `bookId`, not `bookID`), so request types spell
/// their snake_case keys out in `CodingKeys`.
package enum JSONCoding {
    package static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// One encoder for every fallback response. `JSONEncoder` is `Sendable` in
    /// swift-foundation: its options sit behind a lock and each `encode` call builds
    /// its own state, so sharing an instance that nobody mutates is safe.
    package static let sharedEncoder = makeEncoder()

    package static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}

extension HTTPResponse {
    package static let jsonContentType = "application/json; charset=utf-8"

    /// A JSON response with the API's encoding style. A `JSONWritable` value (checked at
    /// run time, so conformances declared in other modules count) writes its own bytes;
    /// anything else goes through the shared `JSONEncoder`. Both give identical bytes.
    package static func json<T: Encodable>(_ value: T, status: HTTPStatus = .ok, headers: HTTPHeaders = HTTPHeaders())
        throws -> HTTPResponse
    {
        var headers = headers
        headers.replace("Content-Type", jsonContentType)
        let body: [UInt8]
        if let writable = value as? any JSONWritable {
            var writer = JSONWriter()
            try writable.writeJSON(to: &writer)
            body = writer.bytes
        } else {
            body = Array(try JSONCoding.sharedEncoder.encode(value))
        }
        return HTTPResponse(status: status, headers: headers, body: body)
    }

    /// The JSON error answer api.md fixes: `{"error": ..., "error_description": ...}`.
    package static func error(_ error: HTTPError) -> HTTPResponse {
        var headers = error.headers
        headers.replace("Content-Type", jsonContentType)
        let body =
            #"{"error":"# + jsonString(error.code) + #","error_description":"#
            + jsonString(error.errorDescription) + "}"
        return HTTPResponse(status: error.status, headers: headers, body: Array(body.utf8))
    }

    /// Encodes a string as a JSON string literal, escaping quotes, backslashes and controls.
    package static func jsonString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

extension HTTPRequest {
    /// Decodes the body as JSON. Malformed JSON or wrong types throw 400 `invalid_request`,
    /// with a description that never echoes the body.
    package func decodeJSON<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        guard !body.isEmpty else { throw HTTPError.invalidRequest("A JSON body is required.") }
        do {
            return try JSONCoding.makeDecoder().decode(T.self, from: Data(body))
        } catch let DecodingError.keyNotFound(key, _) {
            throw HTTPError.invalidRequest("Missing field '\(key.stringValue.sanitizedForMessage)'.")
        } catch let DecodingError.typeMismatch(_, context) {
            throw HTTPError.invalidRequest("Wrong type at '\(context.codingPath.dottedPath)'.")
        } catch let DecodingError.valueNotFound(_, context) {
            throw HTTPError.invalidRequest("Null or missing value at '\(context.codingPath.dottedPath)'.")
        } catch {
            throw HTTPError.invalidRequest("The body is not valid JSON.")
        }
    }
}

extension [any CodingKey] {
    fileprivate var dottedPath: String {
        map { $0.intValue.map(String.init) ?? $0.stringValue.sanitizedForMessage }.joined(separator: ".")
    }
}

extension String {
    /// Keeps only a short, printable-ASCII rendering of client-supplied text for messages and logs.
    package var sanitizedForMessage: String {
        let printable = unicodeScalars.prefix(64).map { ($0.value >= 0x20 && $0.value < 0x7F) ? Character($0) : "?" }
        return String(printable)
    }
}
