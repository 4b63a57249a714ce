import Foundation
import SpecGenEmit
import SpecGenIR
import Testing

/// Inputs that once crashed the pipeline or made code that does not compile, found by the
/// property tests and fuzzers (Fixtures/FuzzRegressions, each file says what it broke). Every
/// file must give files or an error diagnostic, never a trap (a trap ends the whole test run).
@Suite struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/FuzzRegressions")

    static func outcome(_ name: String) throws -> GenerationPropertyTests.Outcome {
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        return GenerationPropertyTests.run(text, templates: try TemplateSet.load(overridesDirectory: nil))
    }

    @Test func everyRegressionInputGeneratesOrDiagnoses() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).sorted()
        #expect(names.count >= 2)
        for name in names {
            let outcome = try Self.outcome(name)
            #expect(outcome.generatorError == nil, "\(name): \(outcome.generatorError ?? "")")
            #expect(outcome.files != nil || outcome.diagnostics.contains { $0.severity == .error }, "\(name)")
        }
    }

    @Test func duplicateOperationIDIsAnErrorAndTheEmittersDoNotTrap() throws {
        let outcome = try Self.outcome("duplicate-operation-id.yaml")
        #expect(
            outcome.diagnostics.contains {
                $0.severity == .error && $0.message.contains("operation id 'next' is used twice")
            })
        let client = try #require(outcome.files?.first { $0.name.hasPrefix("Client") })
        // The first `next` keeps its input type (parameter and body); the second gets none of it.
        #expect(client.contents.contains("NextInput"))
        #expect(!client.contents.contains("NextInput2"))
    }

    @Test func nullableComponentsKeepTheirDeclarationAndRefsAreOptional() throws {
        let outcome = try Self.outcome("nullable-component-enum.yaml")
        #expect(!outcome.diagnostics.contains { $0.severity == .error })
        let models = try #require(outcome.files?.first { $0.name.hasPrefix("Models") }).contents
        #expect(models.contains("public enum ListToken: RawRepresentable"))
        #expect(models.contains("public struct Page: Codable"))
        #expect(!models.contains("typealias ListToken"))
        #expect(!models.contains("typealias Page"))
        #expect(models.contains("public var token: ListToken?"))
        #expect(models.contains("public var page: Page?"))

        let swiftc = try #require(GeneratedSourceCompileTests.findSwiftc(), "swiftc not found")
        let modules = try #require(GenerationPropertyTests.builtModulesFolder(), "no SpecGenRuntime.swiftmodule")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "specgen-regression-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for file in outcome.files ?? [] {
            let url = folder.appendingPathComponent(file.name)
            try Data(file.contents.utf8).write(to: url)
            paths.append(url.path)
        }
        let result = try GeneratedSourceCompileTests.run(
            swiftc,
            [
                "-typecheck", "-swift-version", "6", "-warnings-as-errors", "-module-name", "NullableComponents",
                "-I", modules.path,
            ] + paths)
        #expect(result.status == 0, "\(String(decoding: result.output.prefix(4000), as: UTF8.self))")
    }
}
