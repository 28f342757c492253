import Foundation

/// `sessions-vs-tokens contrast`: runs `ContrastRun` on a temporary database and prints a table.
package enum ContrastCommand {
    package static func run(_ configuration: AppConfiguration) -> Int32 {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("svt-contrast-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let findings = try ContrastRun(configuration: configuration, directory: directory).run()
            Console.out(table(findings))
            return 0
        } catch {
            Console.error("contrast failed: \(error)")
            return 1
        }
    }

    static func table(_ findings: [ContrastRun.Finding]) -> String {
        let width = findings.map(\.step.count).max() ?? 10
        var lines = ["step".padding(toLength: width, withPad: " ", startingAt: 0) + "  session  token   what it shows"]
        for f in findings {
            lines.append(
                f.step.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                    + String(f.session).padding(toLength: 7, withPad: " ", startingAt: 0)
                    + "  " + String(f.token).padding(toLength: 6, withPad: " ", startingAt: 0) + "  " + f.lesson)
        }
        return lines.joined(separator: "\n")
    }
}
