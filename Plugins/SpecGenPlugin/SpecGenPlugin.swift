import Foundation
import PackagePlugin

/// The build-tool plugin: a target holding `openapi.yaml` (or `swagger.yaml`, `.yml`, `.json`)
/// and `specgen-config.yaml` gets the generated Swift compiled into it at build time.
///
/// One `.buildCommand` with every input and output declared, so SwiftPM runs `specgen` only when
/// an input changed (the spec, the config, a file the spec may `$ref`, a custom template, or
/// `specgen` itself). `specgen` prints problems as `path:line:column: error: message`, which
/// SwiftPM shows as build errors at the spec's line.
@main
struct SpecGenPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let module = target.sourceModule else { return [] }
        let found = try SpecGenTarget(name: target.name, files: module.sourceFiles.map(\.url))
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("GeneratedSources")
        return [
            .buildCommand(
                displayName: "SpecGen: generating Swift for \(target.name) from \(found.spec.lastPathComponent)",
                executable: try context.tool(named: "specgen").url,
                arguments: found.generateArguments(output: output),
                inputFiles: found.inputFiles,
                outputFiles: found.outputNames.map { output.appendingPathComponent($0) })
        ]
    }
}
