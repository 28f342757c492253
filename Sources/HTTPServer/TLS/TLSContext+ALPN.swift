import COpenSSL

extension TLSContext {
    /// The one protocol this server speaks, in ALPN's wire form (RFC 7301 §3.1).
    static let http11 = Array("http/1.1".utf8)

    /// The ALPN callback: picks "http/1.1" if the client offers it. A client that offers
    /// ALPN but not HTTP/1.1 (only "h2", say) gets the fatal `no_application_protocol`
    /// alert RFC 7301 §3.2 asks for, instead of a connection speaking the wrong protocol.
    /// A client without ALPN at all never reaches this and gets HTTP/1.1 as before ALPN.
    static let selectALPN:
        @convention(c) (
            OpaquePointer?, UnsafeMutablePointer<UnsafePointer<UInt8>?>?, UnsafeMutablePointer<UInt8>?, UnsafePointer<UInt8>?,
            UInt32, UnsafeMutableRawPointer?
        ) -> Int32 = { _, out, outLength, offered, offeredLength, _ in
            guard let out, let outLength, let offered else { return SSL_TLSEXT_ERR_ALERT_FATAL }
            let list = UnsafeBufferPointer(start: offered, count: Int(offeredLength))
            guard let offset = TLSContext.offset(of: http11, in: list) else { return SSL_TLSEXT_ERR_ALERT_FATAL }
            // Points into the client's list, which OpenSSL copies as soon as we return.
            out.pointee = offered + offset
            outLength.pointee = UInt8(http11.count)
            return SSL_TLSEXT_ERR_OK
        }

    /// Where `name` starts in an ALPN protocol list (length-prefixed names), or nil.
    /// Pure, so the parsing of the client's bytes is tested without a handshake.
    static func offset(of name: [UInt8], in list: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        while index < list.count {
            let length = Int(list[index])
            let start = index + 1
            guard length > 0, start + length <= list.count else { return nil }  // malformed: no match
            if length == name.count, list[start..<(start + length)].elementsEqual(name) { return start }
            index = start + length
        }
        return nil
    }
}
