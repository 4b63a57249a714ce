import Foundation
import SpecGenIR
import SpecGenYAML

/// The one way from a spec to Swift files: load (libyaml) → read (IR) → plan → contexts → render.
///
/// The CLI, the build and command plugins (through the CLI), the fuzzers, the tests and the
/// benchmarks all call this, so there is one place where the stages are wired and one order they
/// run in. Each stage is a plain function of the previous one's value; writing files is the
/// caller's (`OutputWriter`), because `--check` compares instead of writing.
package enum SpecGenPipeline {
    /// Loads and reads a spec file: the IR and every diagnostic of the spec.
    package static func read(specAt path: String, options: ReaderOptions, timings: inout StageTimings) -> ReadResult {
        do {
            let root = try timings.measure(.load) { () throws(YAMLError) in
                try YAMLLoader(limits: options.limits).loadDocument(atPath: path)
            }
            return timings.measure(.read) { SpecReader(options: options).read(root, path: path) }
        } catch {
            return ReadResult(document: nil, diagnostics: [error.diagnostic])
        }
    }

    /// Loads and reads spec text as if it were the file at `path` (`$ref`s to other files start there).
    package static func read(_ bytes: [UInt8], path: String, options: ReaderOptions, timings: inout StageTimings)
        -> ReadResult
    {
        do {
            let root = try timings.measure(.load) { () throws(YAMLError) in
                try YAMLLoader(limits: options.limits).loadDocument(bytes, file: path)
            }
            return timings.measure(.read) { SpecReader(options: options).read(root, path: path) }
        } catch {
            return ReadResult(document: nil, diagnostics: [error.diagnostic])
        }
    }

    /// The whole pipeline on the spec file at `path`.
    package static func generate(specAt path: String, options: PipelineOptions) -> PipelineResult {
        var timings = StageTimings()
        let read = read(specAt: path, options: options.reader, timings: &timings)
        return emit(read, specPath: path, options: options, timings: timings)
    }

    /// The whole pipeline on spec text standing for the file at `path`.
    package static func generate(_ bytes: [UInt8], path: String, options: PipelineOptions) -> PipelineResult {
        var timings = StageTimings()
        let read = read(bytes, path: path, options: options.reader, timings: &timings)
        return emit(read, specPath: path, options: options, timings: timings)
    }

    /// Plan, contexts and render (`Generator`), unless the spec had errors (or warnings, when they count).
    private static func emit(_ read: ReadResult, specPath: String, options: PipelineOptions, timings: StageTimings)
        -> PipelineResult
    {
        var result = PipelineResult(diagnostics: read.diagnostics, timings: timings)
        guard let document = read.document,
            options.emitsDocumentsWithErrors || !result.failed(warningsAsErrors: options.warningsAsErrors)
        else { return result }
        do {
            let templates = try options.templates.load()
            result.files = try Generator(options: options.emit, templates: templates).generate(
                document, specName: URL(fileURLWithPath: specPath).lastPathComponent, timings: &result.timings)
        } catch {
            result.templateError = error
        }
        return result
    }
}

/// What one run of the pipeline is given.
package struct PipelineOptions: Sendable {
    /// Which templates render: the defaults, the defaults with a folder of overrides, or a set
    /// already loaded (the fuzzers and tests load once and render many specs).
    package enum Templates: Sendable {
        case defaults
        case overrides(directory: String)
        case loaded(TemplateSet)

        func load() throws(TemplateError) -> TemplateSet {
            switch self {
            case .defaults: return try TemplateSet.load(overridesDirectory: nil)
            case .overrides(let directory): return try TemplateSet.load(overridesDirectory: directory)
            case .loaded(let set): return set
            }
        }
    }

    package var reader: ReaderOptions
    package var emit: EmitOptions
    package var templates: Templates
    /// Warnings stop the run before emitting, as errors do.
    package var warningsAsErrors: Bool
    /// Emit whatever document the reader made even when it reported errors: the fuzzers and property
    /// tests, which check that the emitters never trap on a document with errors. Users never get
    /// files from a spec with errors.
    package var emitsDocumentsWithErrors = false

    package init(
        reader: ReaderOptions = ReaderOptions(), emit: EmitOptions = EmitOptions(), templates: Templates = .defaults,
        warningsAsErrors: Bool = false
    ) {
        self.reader = reader
        self.emit = emit
        self.templates = templates
        self.warningsAsErrors = warningsAsErrors
    }
}

/// What one run of the pipeline made: files only when nothing failed.
package struct PipelineResult: Sendable {
    /// The generated files; empty when the spec had errors (unless `emitsDocumentsWithErrors`) or the
    /// templates failed.
    package var files: [GeneratedFile] = []
    /// The spec's diagnostics (loader, reader), each said once, in the order found.
    package var diagnostics: [Diagnostic]
    /// A template that did not load, validate or render (an override's mistake: the default templates do not fail).
    package var templateError: TemplateError?
    /// Where the time went, stage by stage (`--timings`, scripts/bench-stages).
    package var timings: StageTimings

    package init(
        files: [GeneratedFile] = [], diagnostics: [Diagnostic], templateError: TemplateError? = nil,
        timings: StageTimings = StageTimings()
    ) {
        self.files = files
        self.diagnostics = diagnostics
        self.templateError = templateError
        self.timings = timings
    }

    package var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    package var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// Whether the run produced no files: a spec error, a counted warning or a template error.
    package func failed(warningsAsErrors: Bool) -> Bool {
        templateError != nil || !errors.isEmpty || (warningsAsErrors && !warnings.isEmpty)
    }
}
