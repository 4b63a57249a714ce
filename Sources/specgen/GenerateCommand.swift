import ArgumentParser
import Foundation
import SpecGenEmit
import SpecGenIR

/// `specgen generate SPEC --output DIR`: Swift models, client and server for a spec.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate Swift models, a client and a server routing table from an OpenAPI 3.x or Swagger 2.0 spec.",
        discussion: """
            Files are written atomically and only when their bytes change, so an unchanged spec leaves \
            them (and their modification times) alone. With --check nothing is written: the command \
            lists each stale or missing file and exits non-zero, the CI gate for committed generated code.
            """
    )

    @Argument(help: "The OpenAPI 3.0/3.1/3.2 or Swagger 2.0 file (YAML or JSON).")
    var spec: String

    @Option(help: "The folder to write into (created when missing).")
    var output: String

    @Option(help: "What to generate: models, client, server, stubs (repeatable; default: models, client, server).")
    var mode: [EmitOptions.Mode] = []

    @Option(help: "A folder of NAME.mustache files replacing the default templates of the same name.")
    var templates: String?

    @Option(help: "Access level of the generated declarations: public, package or internal.")
    var access: EmitOptions.Access?

    @Option(help: "A YAML/JSON config file (see README); flags given here win over it.")
    var config: String?

    @Option(help: "Number of Models files (types spread by a stable hash of their names).")
    var modelFiles: Int?

    @Option(help: "Number of Client files (operations spread by a stable hash of their names).")
    var clientFiles: Int?

    @Option(help: "Number of Server files (operations spread by a stable hash of their names).")
    var serverFiles: Int?

    @Flag(help: "Write nothing; exit non-zero listing each stale or missing file.")
    var check = false

    @Flag(help: "Treat warnings as errors.")
    var warningsAsErrors = false

    @Option(help: "A folder that $ref'ed files may come from (default: only the spec's folder).")
    var allowRefsUnder: String?

    @Flag(help: "Print the time of each stage (load, read, plan, contexts, render, write) to standard error.")
    var timings = false

    @OptionGroup var limits: LimitOptions

    func run() throws {
        var options = EmitOptions()
        var protocolOverride: APIProtocol?
        var templatesFolder = templates
        if let config {
            let loaded = try ConfigLoading.load(config)
            options = loaded.options
            protocolOverride = loaded.protocolOverride
            templatesFolder = templatesFolder ?? loaded.templatesDirectory
        }
        if !mode.isEmpty { options.modes = Set(mode) }
        if let access { options.access = access }
        if let modelFiles { options.modelShards = max(1, modelFiles) }
        if let clientFiles { options.clientShards = max(1, clientFiles) }
        if let serverFiles { options.serverShards = max(1, serverFiles) }

        let pipeline = PipelineOptions(
            reader: ReaderOptions(
                limits: limits.loaderLimits, allowedRoot: allowRefsUnder, protocolOverride: protocolOverride),
            emit: options,
            templates: templatesFolder.map { .overrides(directory: $0) } ?? .defaults,
            warningsAsErrors: warningsAsErrors)
        let result = SpecGenPipeline.generate(specAt: spec, options: pipeline)
        var stages = result.timings
        defer { if timings { FileHandle.standardError.write(Data((stages.report + "\n").utf8)) } }
        DiagnosticPrinter.printToStandardError(result.diagnostics)
        if let templateError = result.templateError {
            FileHandle.standardError.write(Data("\(templateError)\n".utf8))
        }
        guard !result.failed(warningsAsErrors: warningsAsErrors) else { throw ExitCode.failure }
        let files = result.files

        let writer = OutputWriter(directory: output)
        if check {
            let stale = stages.measure(.write) { writer.staleFiles(files) }
            for file in stale { print("\(output)/\(file)") }
            if !stale.isEmpty {
                FileHandle.standardError.write(
                    Data("error: \(stale.count) generated file(s) are stale; run specgen generate\n".utf8))
                throw ExitCode.failure
            }
            return
        }
        do {
            let report = try stages.measure(.write) { () throws(OutputError) in try writer.write(files) }
            print(
                "wrote \(report.written.count), unchanged \(report.unchanged.count), deleted \(report.deleted.count) file(s) in \(output)"
            )
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}

extension EmitOptions.Mode: ExpressibleByArgument {}
extension EmitOptions.Access: ExpressibleByArgument {}
