import Glibc

/// Nanoseconds from `CLOCK_MONOTONIC`: deadlines must not jump with wall-clock changes.
/// The state machine takes `now` as a parameter, so only the loop reads this.
enum MonotonicClock {
    static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
    }
}
