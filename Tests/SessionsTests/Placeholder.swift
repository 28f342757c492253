import Testing

@testable import Sessions
