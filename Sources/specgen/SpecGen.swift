import ArgumentParser
import SpecGenEmit

@main
struct SpecGen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "specgen",
        abstract: "Generates Swift models, clients and servers from OpenAPI 3.x and Swagger 2.0 documents.",
        version: SpecGenVersion.current,
        subcommands: [GenerateCommand.self, DiffCommand.self, ParseCommand.self, IRCommand.self]
    )
}
