import Foundation

// Shared by both plugins: `Plugins/SpecGenCommand/SpecGenTarget.swift` is a symlink to this file.

/// What SpecGen needs to know about a target before running: its spec, its config (optional:
/// absent or empty means the defaults), the files generation depends on, and the files it will write.
///
/// Plugins cannot link SpecGen's YAML loader, so the config is read by `PluginConfigScan`, a
/// line scan that understands `modes`, `shards` and `templates` as the README writes them.
/// The plugins then pass what they read to `specgen generate` as flags (`--mode`,
/// `--model-files`, `--client-files`, `--server-files`), which win over the file: what specgen
/// writes is always exactly what the plugin declared, even where the scan and the real reader
/// could disagree (a config in JSON or with anchors: give modes and shards in plain YAML).
struct SpecGenTarget {
    static let specNames = ["openapi", "swagger"].flatMap { base in ["yaml", "yml", "json"].map { "\(base).\($0)" } }
    static let configNames = ["specgen-config.yaml", "specgen-config.yml"]

    enum Problem: Error, CustomStringConvertible {
        case noSpec(target: String)
        case severalSpecs(target: String, [String])

        var description: String {
            switch self {
            case .noSpec(let target):
                return "target '\(target)' has no spec: add one of \(SpecGenTarget.specNames.joined(separator: ", "))"
            case .severalSpecs(let target, let names):
                return "target '\(target)' has several specs (\(names.joined(separator: ", "))): keep one"
            }
        }
    }

    var spec: URL
    /// nil when the target has no `specgen-config.yaml`: then every default, as for an empty one.
    var config: URL?
    var scan: PluginConfigScan

    /// Finds the spec and the config among a target's files.
    init(name: String, files: [URL]) throws {
        let specs = files.filter { Self.specNames.contains($0.lastPathComponent) }
        guard let spec = specs.first else { throw Problem.noSpec(target: name) }
        guard specs.count == 1 else {
            throw Problem.severalSpecs(target: name, specs.map(\.lastPathComponent).sorted())
        }
        self.spec = spec
        self.config = files.first(where: { Self.configNames.contains($0.lastPathComponent) })
        self.scan = PluginConfigScan(text: config.flatMap { try? String(contentsOf: $0, encoding: .utf8) } ?? "")
    }

    /// Every file whose change can change the output: the spec, the config, the files next to
    /// the spec that it may `$ref` (every .yaml/.yml/.json under its folder), the custom templates.
    var inputFiles: [URL] {
        var files = Self.files(under: spec.deletingLastPathComponent()) {
            ["yaml", "yml", "json"].contains($0.pathExtension)
        }
        if let config, let templates = scan.templates {
            let folder = URL(fileURLWithPath: templates, relativeTo: config.deletingLastPathComponent())
                .standardizedFileURL
            files += Self.files(under: folder) { $0.pathExtension == "mustache" }
        }
        return Array(Set(files + [spec] + (config.map { [$0] } ?? []))).sorted { $0.path < $1.path }
    }

    /// The files `specgen generate` writes, from the modes and shard counts of the config.
    var outputNames: [String] {
        var names: [String] = []
        if scan.modes.contains("models") { names += Self.fileNames("Models", scan.modelShards) }
        if scan.modes.contains("client") { names += Self.fileNames("Client", scan.clientShards) }
        if scan.modes.contains("server") { names += Self.fileNames("Server", scan.serverShards) }
        if scan.modes.contains("stubs") { names.append("Stubs.swift") }
        return names
    }

    /// `specgen generate` arguments writing into `output`; `extra` goes last (`--check`).
    func generateArguments(output: URL, extra: [String] = []) -> [String] {
        var arguments = ["generate", spec.path, "--output", output.path]
        if let config { arguments += ["--config", config.path] }
        for mode in ["models", "client", "server", "stubs"] where scan.modes.contains(mode) {
            arguments += ["--mode", mode]
        }
        arguments += [
            "--model-files", String(scan.modelShards), "--client-files", String(scan.clientShards),
            "--server-files", String(scan.serverShards),
        ]
        return arguments + extra
    }

    /// `Models.swift`, or `Models+0.swift` … for several (as `FileSharding.fileNames`).
    static func fileNames(_ base: String, _ count: Int) -> [String] {
        count <= 1 ? ["\(base).swift"] : (0..<count).map { "\(base)+\($0).swift" }
    }

    static func files(under folder: URL, where keep: (URL) -> Bool) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
            return []
        }
        return walker.compactMap { $0 as? URL }.filter(keep).map(\.standardizedFileURL)
    }
}
