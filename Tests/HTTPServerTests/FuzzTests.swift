import Testing

@testable import HTTPServer

/// SplitMix64: a tiny seeded generator, so every fuzz run sees the same inputs
/// and a failure names the seed and index that reproduce it.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Builds hostile inputs: half pure random bytes, half valid requests with a few mutations.
enum FuzzInputs {
    static let templates: [String] = [
        "GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n",
        "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello",
        "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5;e=1\r\nhello\r\n0\r\nT: x\r\n\r\n",
        "HEAD / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
        "PUT /api/x?y=1 HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 2\r\nCookie: a=b\r\n\r\nok",
        "GET / HTTP/1.1\r\nHost: a\r\n\r\nGET /b HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
    ]
    static let special: [UInt8] = [13, 10, 32, 9, 58, 0, 0x7F, 0xFF, 44, 59, 48, 57, 102, 45, 43, 47, 42]

    static func make(_ index: Int, _ rng: inout SeededRandom) -> [UInt8] {
        if index % 2 == 0 {
            let count = Int.random(in: 0...200, using: &rng)
            return (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
        }
        var bytes = Array(templates[Int.random(in: 0..<templates.count, using: &rng)].utf8)
        for _ in 0..<Int.random(in: 1...4, using: &rng) where !bytes.isEmpty {
            let at = Int.random(in: 0..<bytes.count, using: &rng)
            switch Int.random(in: 0..<5, using: &rng) {
            case 0: bytes[at] = UInt8.random(in: 0...255, using: &rng)
            case 1: bytes.insert(special[Int.random(in: 0..<special.count, using: &rng)], at: at)
            case 2: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...8, using: &rng)))
            case 3: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + 16)], at: at)
            default: bytes.removeSubrange(at...)
            }
        }
        return bytes
    }
}

/// A responder with nothing slow in it, for fuzzing the live server.
struct FixedResponder: HTTPResponder {
    func respond(to request: HTTPRequest) -> HTTPResponse {
        HTTPResponse(headers: ["Content-Type": "application/json"], body: Array(#"{"status":"ok"}"#.utf8))
    }
}

@Suite struct FuzzTests {
    static let seed: UInt64 = 0x5EED_2026

    enum Outcome: Equatable {
        case complete(consumed: Int, bodyBytes: Int)
        case needMore
        case error(Int)
    }

    static func outcome(_ result: HTTPParseResult) -> Outcome {
        switch result {
        case .complete(let parsed, let consumed): return .complete(consumed: consumed, bodyBytes: parsed.request.body.count)
        case .needMore: return .needMore
        case .error(let status): return .error(status.code)
        }
    }

    @Test func tenThousandHostileInputsNeverCrashTheParserAndSplitFeedingAgrees() {
        var rng = SeededRandom(state: Self.seed)
        let limits = HTTPLimits(maxHeaderBytes: 512, maxBodyBytes: 64)
        var counts: [String: Int] = [:]
        for index in 0..<10_000 {
            let input = FuzzInputs.make(index, &rng)
            var whole = HTTPRequestParser(limits: limits)
            let expected = Self.outcome(whole.parse(input))
            if case .complete(let consumed, let bodyBytes) = expected {
                #expect(consumed <= input.count && bodyBytes <= limits.maxBodyBytes, "seed \(Self.seed) index \(index)")
            }
            // The same bytes in random pieces must reach the same verdict.
            var pieces = HTTPRequestParser(limits: limits)
            var end = 0
            var split = Outcome.needMore
            while end < input.count, split == .needMore {
                end = min(input.count, end + Int.random(in: 1...16, using: &rng))
                split = input.withUnsafeBufferPointer { Self.outcome(pieces.parse(UnsafeBufferPointer(rebasing: $0[0..<end]))) }
            }
            if input.isEmpty { split = Self.outcome(pieces.parse(input)) }
            #expect(split == expected, "seed \(Self.seed) index \(index): \(input)")
            counts["\(expected)".prefix(8).description, default: 0] += 1
        }
        #expect(counts.count > 2)  // the generator reaches complete, needMore and error verdicts
    }

    @Test func twoThousandHostileInputsOverLiveSocketsLeaveTheServerHealthy() throws {
        var rng = SeededRandom(state: Self.seed ^ 0xFFFF)
        try withServer(limits: quickLimits(header: 2, idle: 2), threads: 2, responder: FixedResponder()) { port, _ in
            let batch = 50
            for start in stride(from: 0, to: 2_000, by: batch) {
                let clients = try (0..<batch).map { _ in try TestClient(port: port) }
                for (offset, client) in clients.enumerated() {
                    client.send(FuzzInputs.make(start + offset, &rng))
                    client.finishSending()
                }
                for client in clients { _ = client.readToEnd() }
            }
            let probe = try TestClient(port: port)
            probe.send("GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(try probe.readResponse().bodyText == #"{"status":"ok"}"#)
        }
    }
}
