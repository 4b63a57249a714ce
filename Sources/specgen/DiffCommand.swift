import ArgumentParser
import Foundation
import SpecGenEmit
import SpecGenIR

/// `specgen diff OLD_SPEC NEW_SPEC`: what changes in the generated Swift API, and whether it breaks.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changes in the generated Swift API between two versions of a spec.",
        discussion: """
            Operations, types, properties, enum and union cases added or removed, properties becoming \
            required or optional, type changes; each marked as breaking or not for client code and for \
            server (handler) code. Exit status: 0 when nothing breaking changed (for the side given by \
            --fail-on), 1 when something did, 2 when a spec cannot be read.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }
    enum FailOn: String, ExpressibleByArgument, CaseIterable { case any, client, server, never }

    @Argument(help: "The spec before the change.")
    var oldSpec: String

    @Argument(help: "The spec after the change.")
    var newSpec: String

    @Option(help: "text (for people) or json (for tools).")
    var format: Format = .text

    @Option(help: "Which breaking changes make the exit status 1: any, client, server, never.")
    var failOn: FailOn = .any

    @Option(help: "The config file used with generate (names, filters and access change the API).")
    var config: String?

    @OptionGroup var limits: LimitOptions

    func run() throws {
        let loaded = try config.map(ConfigLoading.load)
        let options = loaded?.options ?? EmitOptions()
        let reader = ReaderOptions(limits: limits.loaderLimits, protocolOverride: loaded?.protocolOverride)
        let old = try surface(oldSpec, reader: reader, options: options)
        let new = try surface(newSpec, reader: reader, options: options)
        let diff = APIDiff(old: old, new: new)
        switch format {
        case .text:
            print(APIDiffReport.text(diff), terminator: "")
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let report = JSONReport(
                breaksClients: diff.breaksClients, breaksServers: diff.breaksServers, changes: diff.changes)
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        }
        let failing: Bool
        switch failOn {
        case .any: failing = diff.breaksClients || diff.breaksServers
        case .client: failing = diff.breaksClients
        case .server: failing = diff.breaksServers
        case .never: failing = false
        }
        if failing { throw ExitCode.failure }
    }

    private struct JSONReport: Encodable {
        var breaksClients: Bool
        var breaksServers: Bool
        var changes: [APIDiff.Change]
    }

    /// Reads a spec (diagnostics on stderr); an unreadable one stops with exit status 2.
    private func surface(_ path: String, reader: ReaderOptions, options: EmitOptions) throws -> APISurface {
        var timings = StageTimings()
        let result = SpecGenPipeline.read(specAt: path, options: reader, timings: &timings)
        DiagnosticPrinter.printToStandardError(result.diagnostics)
        guard !result.hasErrors, let document = result.document else { throw ExitCode(2) }
        return APISurface(document: document, options: options)
    }
}
