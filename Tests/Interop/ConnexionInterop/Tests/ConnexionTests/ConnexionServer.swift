import Foundation
import Testing

/// connexion (`server.py`) running on a free loopback port for the length of a suite.
///
/// The server exits when its standard input closes, so it also goes if this process dies first.
final class ConnexionServer: Sendable {
    enum StartError: Error, CustomStringConvertible {
        case exitedBeforeListening(status: Int32)
        case unexpectedFirstLine(String)

        var description: String {
            switch self {
            case .exitedBeforeListening(let status):
                "server.py exited (status \(status)) before listening: is connexion[uvicorn]==3.1.0 installed "
                    + "for python3 (scripts/setup installs it)? Its error is above."
            case .unexpectedFirstLine(let line): "server.py printed \(line.debugDescription), not `listening on PORT`"
            }
        }
    }

    /// The task's server, set by `ConnexionScope` around a suite.
    @TaskLocal static var current: ConnexionServer?

    let port: Int
    private let process: Process
    private let input: Pipe

    private init(port: Int, process: Process, input: Pipe) {
        self.port = port
        self.process = process
        self.input = input
    }

    /// `http://127.0.0.1:PORT/` + the base path the API is served under (`oas`, `swagger`).
    func url(_ basePath: String) -> URL {
        URL(string: "http://127.0.0.1:\(port)/\(basePath)")!
    }

    /// Starts `python3 server.py --port 0` (PYTHON overrides the interpreter) and waits for the port it prints.
    static func start() throws -> ConnexionServer {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../server.py").standardizedFileURL
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [ProcessInfo.processInfo.environment["PYTHON"] ?? "python3", script.path, "--port", "0"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output  // the port line only; stderr (tracebacks) goes to ours
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty {
                process.waitUntilExit()
                throw StartError.exitedBeforeListening(status: process.terminationStatus)
            }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("listening on "), let port = Int(text.dropFirst("listening on ".count)) else {
            process.terminate()
            throw StartError.unexpectedFirstLine(text)
        }
        return ConnexionServer(port: port, process: process, input: input)
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}

/// Runs a suite with one `ConnexionServer` started before its first test and stopped after its last.
struct ConnexionScope: SuiteTrait, TestScoping {
    var isRecursive: Bool { false }

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let server = try ConnexionServer.start()
        defer { server.stop() }
        try await ConnexionServer.$current.withValue(server) { try await function() }
    }
}

extension Trait where Self == ConnexionScope {
    /// One connexion server for the whole suite.
    static var connexion: Self { ConnexionScope() }
}
