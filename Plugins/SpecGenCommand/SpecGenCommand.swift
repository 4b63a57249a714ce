import Foundation
import PackagePlugin

/// The command plugin, for people who commit the generated code:
///
///     swift package --allow-writing-to-package-directory generate-code-from-spec --target NAME
///
/// writes the generated files into the target's folder, next to its spec and its
/// `specgen-config.yaml` (absent or empty: the defaults). Without `--target`, every target that
/// has a spec. Other arguments go to `specgen generate`: `--check` writes nothing and fails when
/// the committed files are stale.
@main
struct SpecGenCommand: CommandPlugin {
    enum Failure: Error, CustomStringConvertible {
        case noTarget(String)
        case noSpecTargets
        case specgenFailed(target: String, status: Int32)

        var description: String {
            switch self {
            case .noTarget(let name): return "no target named '\(name)' in this package"
            case .noSpecTargets: return "no target of this package has an openapi.yaml or swagger.yaml"
            case .specgenFailed(let target, let status):
                return "specgen failed for target '\(target)' (exit status \(status))"
            }
        }
    }

    /// The files next to the target's spec. The spec and config may be `exclude`d from the target
    /// (nothing reads them at build time), so `sourceFiles` may not list them: they are looked
    /// for in the folders of the target's sources and those folders' parents inside the package,
    /// the deepest first. (`directoryURL` would say it directly, but needs tools version 6.1.)
    static func files(in module: any SourceModuleTarget, package: URL) -> [URL] {
        let root = package.standardizedFileURL.path + "/"
        var folders = Set<String>()
        for file in module.sourceFiles {
            var folder = file.url.deletingLastPathComponent().standardizedFileURL
            while folder.path.hasPrefix(root) {
                folders.insert(folder.path)
                folder = folder.deletingLastPathComponent()
            }
        }
        for folder in folders.sorted(by: { ($0.count, $0) > ($1.count, $1) }) {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            if names.contains(where: SpecGenTarget.specNames.contains) {
                return names.map { URL(fileURLWithPath: folder).appendingPathComponent($0) }
            }
        }
        return module.sourceFiles.map(\.url)
    }

    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let names = extractor.extractOption(named: "target")
        let passThrough = extractor.remainingArguments
        let specgen = try context.tool(named: "specgen").url

        var chosen: [(Target, SpecGenTarget)] = []
        if names.isEmpty {
            for target in context.package.targets {
                guard let module = target.sourceModule,
                    let found = try? SpecGenTarget(
                        name: target.name, files: Self.files(in: module, package: context.package.directoryURL))
                else { continue }
                chosen.append((target, found))
            }
            guard !chosen.isEmpty else { throw Failure.noSpecTargets }
        } else {
            for name in names {
                guard let target = context.package.targets.first(where: { $0.name == name }),
                    let module = target.sourceModule
                else { throw Failure.noTarget(name) }
                chosen.append(
                    (
                        target,
                        try SpecGenTarget(
                            name: name, files: Self.files(in: module, package: context.package.directoryURL))
                    ))
            }
        }

        for (target, found) in chosen {
            let process = Process()
            process.executableURL = specgen
            process.arguments = found.generateArguments(
                output: found.spec.deletingLastPathComponent(), extra: passThrough)
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw Failure.specgenFailed(target: target.name, status: process.terminationStatus)
            }
        }
    }
}
