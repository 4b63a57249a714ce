import ArgumentParser
import Foundation
import SpecGenEmit
import SpecGenIR

/// `specgen ir SPEC`: what the readers understood, as stable sorted JSON.
struct IRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ir",
        abstract:
            "Print the IR of an OpenAPI 3.x or Swagger 2.0 spec as sorted JSON (operations in document order, types sorted by id)."
    )

    @Argument(help: "The OpenAPI 3.0/3.1/3.2 or Swagger 2.0 file (YAML or JSON).")
    var spec: String

    @Option(help: "A folder that $ref'ed files may come from (default: only the spec's folder).")
    var allowRefsUnder: String?

    @Flag(help: "Treat warnings as errors: print the IR only when there are none.")
    var warningsAsErrors = false

    @OptionGroup var limits: LimitOptions

    func run() throws {
        var timings = StageTimings()
        let result = SpecGenPipeline.read(
            specAt: spec, options: ReaderOptions(limits: limits.loaderLimits, allowedRoot: allowRefsUnder),
            timings: &timings)
        DiagnosticPrinter.printToStandardError(result.diagnostics)
        let failed = result.hasErrors || (warningsAsErrors && !result.warnings.isEmpty)
        guard !failed, let document = result.document else { throw ExitCode.failure }
        print(try Self.json(document))
    }

    static func json(_ document: APIDocument) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }
}
