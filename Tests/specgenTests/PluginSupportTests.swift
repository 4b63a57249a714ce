import Foundation
import Testing

/// The plugins' helpers (`PluginConfigScan.swift` and `SpecGenTarget.swift` are symlinks to
/// `Plugins/SpecGenPlugin/`): the build plugin declares its outputs before specgen runs, so the
/// names it declares must be exactly the files specgen writes.
@Suite("plugin support")
struct PluginSupportTests {
    @Test func scanReadsModesShardsAndTemplates() {
        let flow = PluginConfigScan(
            text: """
                modes: [models, "client"]   # no server
                access: internal
                shards:
                  models: 4
                  client: 2   # two files
                naming:
                  client: ECRClient
                templates: 'My Templates'
                """)
        #expect(flow.modes == ["models", "client"])
        #expect((flow.modelShards, flow.clientShards, flow.serverShards) == (4, 2, 1))
        #expect(flow.templates == "My Templates")

        let block = PluginConfigScan(text: "# block list\nmodes:\n  - server\n  - models\nshards:\n  server: 3\n")
        #expect(block.modes == ["server", "models"])
        #expect(block.serverShards == 3)

        let empty = PluginConfigScan(text: "")
        #expect(empty.modes == ["models", "client", "server"])
        #expect(empty.templates == nil)
    }

    @Test func declaredOutputsAreWhatSpecgenWrites() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "specgen-plugin-\(UUID().uuidString)")
        let output = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = folder.appendingPathComponent("openapi.yaml")
        try FileManager.default.copyItem(
            at: SpecGenBinary.repository.appendingPathComponent("Specs/ecr-full.yaml"), to: spec)
        let config = folder.appendingPathComponent("specgen-config.yaml")
        try "modes:\n- models\n- server\nshards:\n  models: 3\n  server: 2\n".write(
            to: config, atomically: true, encoding: .utf8)
        try "{}".write(to: folder.appendingPathComponent("shared.json"), atomically: true, encoding: .utf8)

        let target = try SpecGenTarget(name: "ECR", files: [spec, config, folder.appendingPathComponent("main.swift")])
        #expect(
            target.outputNames == [
                "Models+0.swift", "Models+1.swift", "Models+2.swift", "Server+0.swift", "Server+1.swift",
            ])
        #expect(target.inputFiles.map(\.lastPathComponent) == ["openapi.yaml", "shared.json", "specgen-config.yaml"])

        let result = try SpecGenBinary.run(target.generateArguments(output: output))
        #expect(result.status == 0, "\(result.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(written == target.outputNames.sorted())
    }

    @Test func aTargetNeedsOneSpec() {
        let folder = URL(fileURLWithPath: "/nowhere")
        #expect(throws: SpecGenTarget.Problem.self) {
            try SpecGenTarget(
                name: "T",
                files: ["openapi.yaml", "swagger.json", "specgen-config.yaml"].map { folder.appendingPathComponent($0) }
            )
        }
        #expect(throws: SpecGenTarget.Problem.self) {
            try SpecGenTarget(name: "T", files: [folder.appendingPathComponent("specgen-config.yaml")])
        }
    }

    /// No `specgen-config.yaml`: the defaults (all three files, one each), no `--config` passed,
    /// and what the plugin declares is what specgen writes.
    @Test func aTargetWithoutAConfigGetsTheDefaults() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "specgen-plugin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = folder.appendingPathComponent("openapi.yaml")
        try FileManager.default.copyItem(
            at: SpecGenBinary.repository.appendingPathComponent("Specs/features.yaml"), to: spec)

        let target = try SpecGenTarget(name: "T", files: [spec, folder.appendingPathComponent("main.swift")])
        #expect(target.config == nil)
        #expect(target.outputNames == ["Models.swift", "Client.swift", "Server.swift"])
        #expect(target.inputFiles.map(\.lastPathComponent) == ["openapi.yaml"])
        let output = folder.appendingPathComponent("out")
        let arguments = target.generateArguments(output: output)
        #expect(!arguments.contains("--config"))
        let result = try SpecGenBinary.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: output.path).sorted() == target.outputNames.sorted())
    }
}
