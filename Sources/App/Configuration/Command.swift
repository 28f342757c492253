/// What the executable was asked to do.
package enum Command: Sendable, Equatable {
    /// Run the server (the default subcommand).
    case serve(AppConfiguration)
    /// Make a new signing key; old public keys keep verifying until their tokens expire.
    case rotateKeys(AppConfiguration)
    /// Run the scripted side-by-side contrast and print what each model remembers.
    case contrast(AppConfiguration)
    /// Print this text and exit 0.
    case help(String)
}

/// A command-line mistake: the message to print and exit code 2.
package struct CommandLineError: Error, Equatable, CustomStringConvertible {
    package let message: String
    package init(_ message: String) { self.message = message }
    package var description: String { message }
}
