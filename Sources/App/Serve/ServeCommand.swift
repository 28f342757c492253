import Foundation
import HTTPServer

#if canImport(Glibc)
    import Glibc
#endif

/// `sessions-vs-tokens serve`: start, print the banner, serve until Ctrl-C, exit 0.
package enum ServeCommand {
    /// Exit codes: 0 after a clean shutdown, 1 when the server cannot start (a port in
    /// use, an unusable TLS certificate), 2 for a usage mistake (like a bad flag).
    package static func run(_ configuration: AppConfiguration) -> Int32 {
        if let refusal = refusal(for: configuration) {
            Console.error(refusal)
            return 2
        }
        // Block SIGINT/SIGTERM before any thread exists, so only the signal thread receives them.
        ShutdownSignals.block()
        let log = RequestLog.standardOutput
        let app: BookstoreApp
        do {
            app = try BookstoreApp(configuration: configuration, log: log)
        } catch {
            Console.error("cannot open the bookstore at \(configuration.databasePath): \(error)")
            return 1
        }
        let port: Int
        do {
            port = try app.start()
        } catch let error as TLSError {
            Console.error("cannot serve HTTPS: \(error)")
            return 1
        } catch let error as SystemError where error.isAddressInUse {
            Console.error(
                "port \(configuration.port) on \(configuration.host) is already in use (is another server running?). "
                    + "Stop it, or pick another port with --port.")
            return 1
        } catch {
            Console.error("cannot listen on \(configuration.host):\(configuration.port): \(error)")
            return 1
        }
        let threads = configuration.threads ?? HTTPServerConfiguration.defaultThreads
        Console.out(Banner.text(configuration: configuration, boundPort: port, threads: threads))
        ShutdownSignals.shutdownOnSignal(app.httpServer) { _ in
            Console.out("\nShutting down: finishing in-flight requests…")
        }
        app.waitUntilStopped()
        if app.wantsRestart {
            Console.out("Restarting with the same arguments (sessions in memory are gone; tokens still verify).")
            reexecute(restartArguments(CommandLine.arguments, configuredPort: configuration.port, boundPort: port))
        }
        Console.out("Stopped.")
        return 0
    }

    /// Why `serve` will not start with these settings, or nil when it can: a usage mistake
    /// found before anything is opened. A certificate without its key (or the other way
    /// round) is refused rather than quietly served as plain HTTP to someone who asked for HTTPS.
    package static func refusal(for configuration: AppConfiguration) -> String? {
        switch (configuration.tlsCertificatePath, configuration.tlsKeyPath) {
        case (.some, nil):
            return "--tls-cert needs --tls-key: give the certificate's private key too (or neither, for plain HTTP)."
        case (nil, .some):
            return "--tls-key needs --tls-cert: give the certificate chain too (or neither, for plain HTTP)."
        default:
            return nil
        }
    }

    /// Replaces this process with a fresh copy of itself, same arguments: a real restart,
    /// so the coat-check's memory is truly gone while SQLite and the keys remain.
    /// The arguments of the restarted process: the same ones (`--tls-cert`/`--tls-key` included,
    /// so HTTPS comes back as HTTPS), except that a server started on
    /// port 0 comes back on the port it actually got, so the page that asked for the restart
    /// finds it again (the last `--port` wins, and it also beats `$PORT`).
    package static func restartArguments(_ arguments: [String], configuredPort: Int, boundPort: Int) -> [String] {
        configuredPort == 0 ? arguments + ["--port", String(boundPort)] : arguments
    }

    private static func reexecute(_ arguments: [String]) -> Never {
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        argv.append(nil)
        // Let the new process receive Ctrl-C again: the mask survives exec.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        execv("/proc/self/exe", &argv)
        Console.error("restart failed (errno \(errno)); exiting")
        exit(1)
    }
}

/// Whole lines to standard output and standard error, each with one write(2).
package enum Console {
    package static func out(_ text: String) { write(1, text + "\n") }
    package static func error(_ text: String) { write(2, "sessions-vs-tokens: " + text + "\n") }

    private static func write(_ fd: Int32, _ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return }
                offset += n
            }
        }
    }
}
