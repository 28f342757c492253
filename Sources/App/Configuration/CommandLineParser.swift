#if canImport(Glibc)
    import Glibc
#endif

/// Parses `sessions-vs-tokens [serve|keys rotate|contrast] [flags]`.
/// Each flag is one row of `CommandLineParser.options`, so `--help` and parsing never disagree.
package enum CommandLineParser {
    /// One flag: its name, the placeholder for its value (nil for a switch), its help line, and how it applies.
    struct Option: Sendable {
        let name: String
        let value: String?
        let help: String
        let apply: @Sendable (inout AppConfiguration, String) throws -> Void
    }

    package static func parse(_ arguments: [String], environment: [String: String] = [:]) throws(CommandLineError)
        -> Command
    {
        var configuration = AppConfiguration()
        if let port = environment["PORT"] {
            do {
                try apply(portOption, &configuration, port)
            } catch {
                throw CommandLineError("The PORT environment variable must be a port from 0 to 65535, not '\(port.sanitized)'.")
            }
        }
        var rest = arguments[...]
        var subcommand = "serve"
        if let first = rest.first, !first.hasPrefix("-") {
            rest = rest.dropFirst()
            switch first {
            case "serve", "contrast": subcommand = first
            case "keys":
                guard rest.first == "rotate" else {
                    let what = rest.first.map { "'keys \($0.sanitized)'" } ?? "'keys' without 'rotate'"
                    throw CommandLineError("Unknown command \(what). Did you mean 'keys rotate'?")
                }
                rest = rest.dropFirst()
                subcommand = "keys rotate"
            case "help": return .help(helpText)
            default: throw CommandLineError("Unknown command '\(first.sanitized)'. Run with --help to see the commands.")
            }
        }
        while let argument = rest.popFirst() {
            if argument == "--help" || argument == "-h" { return .help(helpText) }
            let (name, inlineValue) = split(argument)
            guard let option = options.first(where: { $0.name == name }) else {
                throw CommandLineError("Unknown flag '\(name.sanitized)'. Run with --help to see every flag.")
            }
            if option.value == nil {
                guard inlineValue == nil else { throw CommandLineError("\(name) takes no value.") }
                try apply(option, &configuration, "")
                continue
            }
            // `--db --quiet` means a forgotten value, not a database file named "--quiet".
            if inlineValue == nil, let next = rest.first, next.hasPrefix("--") {
                throw CommandLineError("\(name) needs a value: \(name) \(option.value ?? "VALUE"), not the flag '\(next.sanitized)'.")
            }
            guard let value = inlineValue ?? rest.popFirst() else {
                throw CommandLineError("\(name) needs a value: \(name) \(option.value ?? "VALUE").")
            }
            try apply(option, &configuration, value)
        }
        switch subcommand {
        case "contrast": return .contrast(configuration)
        case "keys rotate": return .rotateKeys(configuration)
        default: return .serve(configuration)
        }
    }

    /// Splits `--name=value` into its parts; `--name` alone has no inline value.
    private static func split(_ argument: String) -> (String, String?) {
        guard argument.hasPrefix("--"), let eq = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<eq]), String(argument[argument.index(after: eq)...]))
    }

    /// Runs an option's closure; every error it throws is a `CommandLineError` by construction.
    private static func apply(_ option: Option, _ configuration: inout AppConfiguration, _ value: String) throws(CommandLineError) {
        do {
            try option.apply(&configuration, value)
        } catch let error as CommandLineError {
            throw error
        } catch {
            throw CommandLineError("\(option.name): \(error)")
        }
    }

    /// The server binds numeric addresses only (no DNS at startup), so a host name is refused here
    /// with a message, instead of failing later as "inet_pton failed". `localhost` is the one
    /// name everyone types, so it means 127.0.0.1.
    static func address(_ name: String, _ value: String) throws(CommandLineError) -> String {
        if value == "localhost" { return "127.0.0.1" }
        var v4 = in_addr()
        var v6 = in6_addr()
        guard inet_pton(AF_INET, value, &v4) == 1 || inet_pton(AF_INET6, value, &v6) == 1 else {
            throw CommandLineError(
                "\(name) must be an IPv4 or IPv6 address such as 127.0.0.1, 0.0.0.0 or ::1, not '\(value.sanitized)'.")
        }
        return value
    }

    static func integer(_ name: String, _ value: String, in range: ClosedRange<Int>) throws(CommandLineError) -> Int {
        guard let n = Int(value), range.contains(n) else {
            throw CommandLineError(
                "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(value.sanitized)'.")
        }
        return n
    }
}

extension String {
    /// A short, printable rendering of a user-typed argument for error messages.
    var sanitized: String {
        String(unicodeScalars.prefix(60).map { ($0.value >= 0x20 && $0.value < 0x7F) ? Character($0) : "?" })
    }
}
