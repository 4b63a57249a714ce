import Foundation
import SpecGenEmit
import SpecGenIR
import SpecGenYAML
import Testing

/// Properties of the whole pipeline over random specs (`RandomSpec`, seeded: a failure names
/// its seed, and `RandomSpec(seed:)` rebuilds the spec):
/// - it never traps: every spec gives a document or an error diagnostic, and a document gives
///   Swift files (the default templates never throw);
/// - it is deterministic: the same text gives the same diagnostics and the same bytes;
/// - a sample of the generated code compiles against the built SpecGenRuntime, warnings as errors.
@Suite struct GenerationPropertyTests {
    static let seeds: ClosedRange<UInt64> = 1...300

    /// What the pipeline made of one spec text.
    struct Outcome: Equatable {
        var diagnostics: [Diagnostic]
        var files: [GeneratedFile]?
        var generatorError: String?
    }

    static func run(_ yaml: String, templates: TemplateSet) -> Outcome {
        let path = "/nonexistent-specgen-property/spec.yaml"
        var options = PipelineOptions(templates: .loaded(templates))
        options.emitsDocumentsWithErrors = true
        let result = SpecGenPipeline.generate(Array(yaml.utf8), path: path, options: options)
        if let error = result.templateError {
            return Outcome(diagnostics: result.diagnostics, generatorError: "\(error)")
        }
        return Outcome(diagnostics: result.diagnostics, files: result.files.isEmpty ? nil : result.files)
    }

    @Test func randomSpecsGenerateOrDiagnoseAndAreDeterministic() throws {
        let templates = try TemplateSet.load(overridesDirectory: nil)
        var generated = 0
        var diagnosed = 0
        var failures = 0
        for seed in Self.seeds where failures < 5 {
            let spec = RandomSpec(seed: seed)
            #expect(
                RandomSpec(seed: seed).yaml == spec.yaml, "the spec builder itself is not deterministic (seed \(seed))")
            let first = Self.run(spec.yaml, templates: templates)
            let second = Self.run(spec.yaml, templates: templates)
            var problems: [String] = []
            if first != second { problems.append("two runs differ") }
            if let error = first.generatorError { problems.append("the generator threw: \(error)") }
            if let files = first.files {
                generated += 1
                if files.isEmpty || files.contains(where: { $0.contents.isEmpty }) { problems.append("empty output") }
            } else if first.generatorError == nil {
                diagnosed += 1
                if !first.diagnostics.contains(where: { $0.severity == .error }) {
                    problems.append("no document and no error diagnostic")
                }
            }
            if !problems.isEmpty {
                failures += 1
                Issue.record(
                    "seed \(seed): \(problems.joined(separator: "; "))\n\(first.diagnostics.map(\.description).joined(separator: "\n"))\n\(spec.yaml)"
                )
            }
        }
        // Not vacuous: most random specs are readable (only dangling refs and the like are errors).
        #expect(
            generated >= Self.seeds.count / 2,
            "only \(generated) of \(Self.seeds.count) random specs generated code (\(diagnosed) diagnosed)")
    }

    /// The first specs of each flavor that read without errors, generated and typechecked, each
    /// as its own module against the modules `swift test` built (SpecGenRuntime, OpenAPIRuntime).
    @Test func sampleOfRandomSpecsCompiles() throws {
        let swiftc = try #require(GeneratedSourceCompileTests.findSwiftc(), "swiftc not found")
        let modules = try #require(Self.builtModulesFolder(), "no SpecGenRuntime.swiftmodule next to the test binary")
        let templates = try TemplateSet.load(overridesDirectory: nil)
        var samples: [(seed: UInt64, files: [GeneratedFile])] = []
        var flavors: [RandomSpec.Flavor: Int] = [:]
        for seed in Self.seeds where samples.count < 6 {
            let spec = RandomSpec(seed: seed)
            let outcome = Self.run(spec.yaml, templates: templates)
            guard let files = outcome.files, !outcome.diagnostics.contains(where: { $0.severity == .error }),
                flavors[spec.flavor, default: 0] < 2
            else { continue }
            flavors[spec.flavor, default: 0] += 1
            samples.append((seed, files))
        }
        #expect(samples.count == 6)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "specgen-random-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (seed, files) in samples {
            let module = folder.appendingPathComponent("Random\(seed)")
            try FileManager.default.createDirectory(at: module, withIntermediateDirectories: true)
            var paths: [String] = []
            for file in files {
                let url = module.appendingPathComponent(file.name)
                try Data(file.contents.utf8).write(to: url)
                paths.append(url.path)
            }
            let result = try GeneratedSourceCompileTests.run(
                swiftc,
                [
                    "-typecheck", "-swift-version", "6", "-warnings-as-errors", "-module-name", "Random\(seed)",
                    "-I", modules.path,
                ] + paths)
            #expect(
                result.status == 0,
                "seed \(seed): generated code does not compile:\n\(String(decoding: result.output.prefix(4000), as: UTF8.self))\n\(RandomSpec(seed: seed).yaml)"
            )
        }
    }

    /// `<build>/Modules` of the running test binary (`<build>/SpecGenPackageTests.xctest`).
    static func builtModulesFolder() -> URL? {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<3 {
            let modules = folder.appendingPathComponent("Modules")
            if FileManager.default.fileExists(atPath: modules.appendingPathComponent("SpecGenRuntime.swiftmodule").path)
            {
                return modules
            }
            folder.deleteLastPathComponent()
        }
        return nil
    }
}
