import Foundation
import Testing

@testable import SpecGenEmit

/// The proof that Naming and SwiftText are safe: a program built only from their output for
/// hostile input compiles with warnings as errors, and prints exactly the hostile strings.
/// One swiftc run for everything (it takes seconds). No swiftc → the test fails, never skips.
@Suite struct GeneratedSourceCompileTests {
    @Test func hostileNamesAndTextCompileAndRoundTrip() throws {
        let swiftc = try #require(Self.findSwiftc(), "swiftc not found at /opt/swift/usr/bin or on PATH")
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("specgen-naming-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let program = HostileProgram()
        let source = folder.appendingPathComponent("main.swift")
        try Data(program.source.utf8).write(to: source)
        let binary = folder.appendingPathComponent("hostile")

        let build = try Self.run(
            swiftc,
            [
                "-swift-version", "6", "-warnings-as-errors", "-Onone", "-module-name", "HostileCheck",
                source.path, "-o", binary.path,
            ])
        #expect(build.status == 0, "swiftc failed:\n\(String(decoding: build.output, as: UTF8.self))")
        guard build.status == 0 else { return }

        let result = try Self.run(binary.path, [])
        #expect(result.status == 0)
        let expected = Array(program.expectedOutput.utf8)
        let actual = Array(result.output)
        let common = min(expected.count, actual.count)
        let mismatch = (0..<common).first { expected[$0] != actual[$0] }
        if let offset = mismatch ?? (expected.count == actual.count ? nil : common) {
            let context = String(decoding: actual[max(0, offset - 40)..<min(actual.count, offset + 40)], as: UTF8.self)
            Issue.record("output differs at byte \(offset) of \(expected.count): …\(context.debugDescription)…")
        }
    }

    static func findSwiftc() -> String? {
        let fixed = "/opt/swift/usr/bin/swiftc"
        if FileManager.default.isExecutableFile(atPath: fixed) { return fixed }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/swiftc"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs a tool; stdout and stderr are collected together (reading one pipe to the end
    /// before waiting cannot deadlock).
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
