import Foundation
import SpecGenYAML
import Testing

@testable import SpecGenEmit

@Suite struct GeneratorConfigTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures/Config"
    ).path
    private func fixture(_ name: String) -> String { Self.folder + "/" + name }

    @Test func fullConfigReadsEveryKey() throws {
        let (config, diagnostics) = GeneratorConfig.load(path: fixture("full.yaml"))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let expected = GeneratorConfig(
            modes: [.models, .client], access: .package, templatesDirectory: fixture("MyTemplates"),
            clientTypeName: "ECRClient", handlerProtocolName: "ECRHandler",
            nameOverrides: ["Repository": "ECRRepository", "Image.Tag": "ImageTag"],
            operationFilter: ["CreateRepository", "ListImages"], tagFilter: ["images"], skipDeprecated: true,
            shards: ShardCounts(models: 8, client: 2, server: 3), protocolOverride: "awsJSON1_1")
        #expect(config?.validationReadOnly == .ignore)
        var withValidation = expected
        (withValidation.validationRequests, withValidation.validationResponses) = (true, true)
        withValidation.validationReadOnly = .ignore
        #expect(config == withValidation)
    }

    @Test func jsonConfigAndDefaults() {
        let (config, diagnostics) = GeneratorConfig.load(path: fixture("full.json"))
        #expect(diagnostics.isEmpty)
        #expect(config == GeneratorConfig(modes: [.server], access: .public, shards: ShardCounts(server: 4)))
    }

    @Test func unknownKeysAreWarningsAtTheKey() throws {
        let (config, diagnostics) = GeneratorConfig.load(path: fixture("unknown-key.yaml"))
        #expect(config?.access == .internal)
        #expect(
            diagnostics.map(\.description) == [
                "\(fixture("unknown-key.yaml")):2:1: warning: unknown key 'acess' (known here: modes, access, templates, naming, filter, skipDeprecated, shards, protocol, validation); it is ignored",
                "\(fixture("unknown-key.yaml")):4:3: warning: unknown key 'clinet' (known here: client, handler, overrides); it is ignored",
            ])
    }

    @Test func wrongTypesAreErrorsAtTheValue() {
        let path = fixture("type-errors.yaml")
        let (config, diagnostics) = GeneratorConfig.load(path: path)
        #expect(config == nil)
        #expect(diagnostics.allSatisfy { $0.severity == .error })
        #expect(
            diagnostics.map { "\($0.mark.line):\($0.mark.column) \($0.message)" } == [
                "1:8 'modes' must be a list, not a string",
                "2:9 'access' must be one of public, package, internal, not 'private'",
                "4:11 'naming.client' must be a string, not an integer",
                "5:12 'naming.handler' must be a Swift identifier (letters, digits, '_'), not 'Not a name'",
                "7:20 each item of 'filter.operations' must be a string, not a mapping",
                "8:17 'skipDeprecated' must be true or false, not a string",
                "10:11 'shards.models' must be between 1 and 256, not 0",
                "11:11 'shards.client' must be an integer, not a string",
                "12:11 'protocol' must be one of rest, awsJSON1_0, awsJSON1_1, not 'graphql'",
                "13:24 'validation.readOnly' must be one of reject, ignore, not 'drop'",
            ])
    }

    @Test func missingOrBrokenFileIsAnError() throws {
        let (config, diagnostics) = GeneratorConfig.load(path: fixture("nope.yaml"))
        #expect(config == nil)
        #expect(diagnostics.count == 1)
        #expect(
            diagnostics.first?.description.hasPrefix(fixture("nope.yaml") + ":1:1: error: cannot read the file") == true
        )
        let list = NSTemporaryDirectory() + "specgen-config-\(UUID().uuidString).yaml"
        try "- a\n- b\n".write(toFile: list, atomically: true, encoding: .utf8)
        #expect(
            GeneratorConfig.load(path: list).diagnostics.map(\.message) == [
                "'the config file' must be a mapping, not a sequence"
            ])
    }

    /// The plugins' `specgen-config.yaml` may be empty: no document means every default.
    @Test(arguments: ["", "\n", "# only a comment\n", "---\n", "---\n...\n", "~\n"])
    func emptyFileIsTheDefaults(text: String) throws {
        let path = NSTemporaryDirectory() + "specgen-config-\(UUID().uuidString).yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (config, diagnostics) = GeneratorConfig.load(path: path)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(config == GeneratorConfig())
    }

    @Test func appliesToEmitOptions() throws {
        let config = try #require(GeneratorConfig.load(path: fixture("full.yaml")).config)
        let options = config.applied(to: EmitOptions())
        #expect(options.modes == [.models, .client])
        #expect(options.access == .package)
        #expect(options.clientTypeName == "ECRClient")
        #expect(options.operationFilter == ["CreateRepository", "ListImages"])
        #expect((options.modelShards, options.clientShards, options.serverShards) == (8, 2, 3))
        #expect(options.skipDeprecated)
        #expect(options.validation == EmitOptions.Validation(requests: true, responses: true, readOnly: .ignore))
    }
}
