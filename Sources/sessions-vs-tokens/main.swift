import App
import Foundation

// sessions-vs-tokens: parse the command line, run the command, exit with its code.
// Usage mistakes exit 2; a server that cannot start exits 1; a clean stop exits 0.
let command: Command
do {
    command = try CommandLineParser.parse(Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)
} catch {
    Console.error("\(error.message)")
    exit(2)
}

switch command {
case .help(let text): Console.out(text)
case .serve(let configuration): exit(ServeCommand.run(configuration))
case .rotateKeys(let configuration): exit(KeysRotateCommand.run(configuration))
case .contrast(let configuration): exit(ContrastCommand.run(configuration))
}
