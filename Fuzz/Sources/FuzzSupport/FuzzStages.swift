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
        guard let root = try? YAMLLoader().loadDocument(bytes, file: specPath) else { return nil }
        let result = SpecReader().read(root, path: specPath)
        if result.document == nil && result.diagnostics.isEmpty {
            fatalError("the reader returned neither a document nor a diagnostic")
        }
        return result
    }

    /// bytes → Node → IR → Swift text, with every output mode.
    package static func generate(_ bytes: [UInt8]) {
        guard let document = read(bytes)?.document else { return }
        var options = EmitOptions()
        options.modes = [.models, .client, .server]
        _ = try? Generator(options: options, templates: templates).generate(document, specName: "spec.yaml")
    }
}
