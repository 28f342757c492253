import Glibc

/// A failed system call, turned into a Swift error in one place: the `errno` and
/// the call's name (the house shape for C errors: `SystemError(errno, call)`).
package struct SystemError: Error, Sendable, CustomStringConvertible {
    package let errno: Int32
    package let call: String

    package init(errno: Int32, call: String) {
        self.errno = errno
        self.call = call
    }

    /// Captures the thread's current `errno` right after `call` failed.
    static func last(_ call: String) -> SystemError {
        SystemError(errno: Glibc.errno, call: call)
    }

    /// True when `bind` failed because another process holds the port.
    package var isAddressInUse: Bool { errno == EADDRINUSE }

    package var description: String {
        "\(call) failed: \(String(cString: strerror(errno))) (errno \(errno))"
    }
}
