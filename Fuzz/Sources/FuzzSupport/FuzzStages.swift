import SpecGenEmit
import SpecGenIR
import SpecGenYAML

/// What each fuzz target runs on one input. Every stage must return (a value or a diagnostic)
/// for any bytes: a trap, a hang or a memory blow-up is the bug libFuzzer reports.
package enum FuzzStages {
    /// Where `$ref`s to other files start from: a folder that does not exist, so a fuzzed
    /// `$ref: other.yaml` fails as "unreadable" instead of reading the machine's files.
    static let specPath = "/nonexistent-specgen-fuzz/spec.yaml"

    /// Loaded once: the embedded default templates.
    static let templates: TemplateSet = {
        do {
            return try TemplateSet.load(overridesDirectory: nil)
        } catch {
            fatalError("default templates do not load: \(error)")
        }
    }()

    /// bytes → Node stream.
    package static func load(_ bytes: [UInt8]) {
        _ = try? YAMLLoader().loadStream(bytes, file: specPath)
    }

    /// bytes → Node → IR (the reader picks OpenAPI 3.x or Swagger 2.0).
    @discardableResult
    package static func read(_ bytes: [UInt8]) -> ReadResult? {
        var timings = StageTimings()
        let result = SpecGenPipeline.read(bytes, path: specPath, options: ReaderOptions(), timings: &timings)
        if result.document == nil && result.diagnostics.isEmpty {
            fatalError("the loader and reader returned neither a document nor a diagnostic")
        }
        return result
    }

    /// bytes → Node → IR → Swift text, with every output mode: the whole pipeline, as the CLI runs it.
    package static func generate(_ bytes: [UInt8]) {
        var options = PipelineOptions(templates: .loaded(templates))
        options.emit.modes = [.models, .client, .server]
        options.emitsDocumentsWithErrors = true
        let result = SpecGenPipeline.generate(bytes, path: specPath, options: options)
        if let error = result.templateError {
            fatalError("the default templates failed: \(error)")
        }
    }
}
