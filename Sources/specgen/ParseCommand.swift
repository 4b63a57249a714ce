import ArgumentParser
import SpecGenYAML

/// `specgen parse SPEC`: the node tree the loader read, as JSON.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Print the YAML/JSON node tree of a spec as JSON (keys in document order)."
    )

    @Argument(help: "The YAML or JSON file to read.")
    var spec: String

    @Flag(help: "Show every node's line, column, style and tag.")
    var marks = false

    @Flag(help: "Print every document of the stream, not only the first non-empty one.")
    var allDocuments = false

    @OptionGroup var limits: LimitOptions

    func run() throws {
        let loader = YAMLLoader(limits: limits.loaderLimits)
        let json = NodeJSON(includeMarks: marks)
        do {
            if allDocuments {
                print(json.render(documents: try loader.loadStream(atPath: spec)), terminator: "")
            } else {
                print(json.render(try loader.loadDocument(atPath: spec)), terminator: "")
            }
        } catch {
            DiagnosticPrinter.printToStandardError([error.diagnostic])
            throw ExitCode.failure
        }
    }
}
