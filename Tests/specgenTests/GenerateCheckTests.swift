import Foundation
import Testing

/// `specgen generate --check`, the CI gate for committed generated code.
@Suite("specgen generate --check")
struct GenerateCheckTests {
    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("specgen-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func freshOutputPassesAndStaleOutputFailsListingTheFiles() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.path
        let generate = [
            "generate", "Specs/ecr-openapi.yaml", "--output", output, "--mode", "models", "--mode", "client",
        ]

        let missing = try SpecGenBinary.run(generate + ["--check"])
        #expect(missing.status == 1)
        #expect(missing.stdout == "\(output)/Models.swift: missing\n\(output)/Client.swift: missing\n")
        #expect(missing.stderr.contains("error: 2 generated file(s) are stale; run specgen generate"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: output).isEmpty, "--check writes nothing")

        #expect(try SpecGenBinary.run(generate).status == 0)
        let fresh = try SpecGenBinary.run(generate + ["--check"])
        #expect(fresh.status == 0, "\(fresh.stderr)")
        #expect(fresh.stdout.isEmpty)

        let client = folder.appendingPathComponent("Client.swift")
        let edited = try String(contentsOf: client, encoding: .utf8) + "// a hand edit\n"
        try edited.write(to: client, atomically: true, encoding: .utf8)
        let stale = try SpecGenBinary.run(generate + ["--check"])
        #expect(stale.status == 1)
        #expect(stale.stdout == "\(output)/Client.swift: differs from what the spec generates\n")
        #expect(try String(contentsOf: client, encoding: .utf8) == edited, "--check leaves the file alone")
    }

    @Test func shardFlagsDecideTheFileNames() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try SpecGenBinary.run([
            "generate", "Specs/ecr-full.yaml", "--output", folder.path,
            "--model-files", "2", "--client-files", "3", "--server-files", "2",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(
            names == [
                "Client+0.swift", "Client+1.swift", "Client+2.swift", "Models+0.swift", "Models+1.swift",
                "Server+0.swift", "Server+1.swift",
            ])
    }
}
