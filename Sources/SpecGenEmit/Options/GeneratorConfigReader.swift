import Foundation
import SpecGenYAML

/// Reads a config file's node tree into a `GeneratorConfig`, collecting every problem instead
/// of stopping at the first, so one run shows the user all they must fix.
struct GeneratorConfigReader {
    let configPath: String
    private(set) var diagnostics: [Diagnostic] = []

    init(configPath: String) {
        self.configPath = configPath
    }

    static let protocols = ["rest", "awsJSON1_0", "awsJSON1_1"]

    mutating func read(_ root: Node) -> GeneratorConfig {
        var config = GeneratorConfig()
        guard let entries = mapping(root, "the config file") else { return config }
        for (key, value) in known(
            entries,
            [
                "modes", "access", "templates", "naming", "filter", "skipDeprecated",
                "shards", "protocol", "validation",
            ])
        {
            switch key {
            case "modes":
                config.modes = strings(value, key, allowed: EmitOptions.Mode.allCases.map(\.rawValue))
                    .map { Set($0.compactMap(EmitOptions.Mode.init(rawValue:))) }
                if config.modes?.isEmpty == true {
                    error(at: value, "'modes' needs at least one of: models, client, server, stubs")
                }
            case "access":
                config.access = string(value, key, allowed: EmitOptions.Access.allCases.map(\.rawValue))
                    .flatMap(EmitOptions.Access.init(rawValue:))
            case "templates":
                config.templatesDirectory = string(value, key).map(resolvedAgainstConfig)
            case "naming":
                readNaming(value, into: &config)
            case "filter":
                for (key, value) in known(mapping(value, key) ?? [], ["operations", "tags"]) {
                    let names = strings(value, "filter." + key)
                    if key == "operations" { config.operationFilter = names } else { config.tagFilter = names }
                }
            case "skipDeprecated":
                config.skipDeprecated = bool(value, key) ?? false
            case "shards":
                readShards(value, into: &config.shards)
            case "validation":
                for (key, value) in known(mapping(value, key) ?? [], ["requests", "responses", "readOnly"]) {
                    switch key {
                    case "readOnly":
                        let allowed = EmitOptions.Validation.ReadOnlyInRequests.allCases.map(\.rawValue)
                        config.validationReadOnly = string(value, "validation.readOnly", allowed: allowed)
                            .flatMap(EmitOptions.Validation.ReadOnlyInRequests.init(rawValue:))
                    case "requests": config.validationRequests = bool(value, "validation." + key)
                    default: config.validationResponses = bool(value, "validation." + key)
                    }
                }
            default:
                config.protocolOverride = string(value, key, allowed: Self.protocols)
            }
        }
        return config
    }

    private mutating func readNaming(_ node: Node, into config: inout GeneratorConfig) {
        for (key, value) in known(mapping(node, "naming") ?? [], ["client", "handler", "overrides"]) {
            switch key {
            case "client": config.clientTypeName = identifier(value, "naming.client")
            case "handler": config.handlerProtocolName = identifier(value, "naming.handler")
            default:
                for entry in mapping(value, "naming.overrides") ?? [] {
                    guard let name = entry.key.text, let swiftName = identifier(entry.value, "naming.overrides.\(name)")
                    else {
                        continue
                    }
                    config.nameOverrides[name] = swiftName
                }
            }
        }
    }

    private mutating func readShards(_ node: Node, into shards: inout ShardCounts) {
        for (key, value) in known(mapping(node, "shards") ?? [], ["models", "client", "server"]) {
            guard let count = int(value, "shards." + key) else { continue }
            guard (1...ShardCounts.maximum).contains(count) else {
                error(at: value, "'shards.\(key)' must be between 1 and \(ShardCounts.maximum), not \(count)")
                continue
            }
            switch key {
            case "models": shards.models = count
            case "client": shards.client = count
            default: shards.server = count
            }
        }
    }

    // MARK: - Typed values, each reporting at the value's mark

    /// The mapping's entries with known keys, in file order; unknown keys are warned about.
    /// Entries whose value is empty (`key:`) are skipped: an empty value means "not given".
    private mutating func known(_ entries: [MappingEntry], _ keys: [String]) -> [(String, Node)] {
        var result: [(String, Node)] = []
        for entry in entries {
            guard let key = entry.key.text, keys.contains(key) else {
                diagnostics.append(
                    Diagnostic(
                        .warning, at: entry.key.mark,
                        "unknown key '\(entry.key.text ?? "?")' (known here: \(keys.joined(separator: ", "))); it is ignored"
                    ))
                continue
            }
            if !entry.value.isNull { result.append((key, entry.value)) }
        }
        return result
    }

    private mutating func mapping(_ node: Node, _ what: String) -> [MappingEntry]? {
        guard let entries = node.entries else {
            error(at: node, "'\(what)' must be a mapping, not \(Self.kind(node))")
            return nil
        }
        return entries
    }

    private mutating func string(_ node: Node, _ key: String, allowed: [String]? = nil) -> String? {
        guard case .string(let text)? = node.resolved else {
            error(at: node, "'\(key)' must be a string, not \(Self.kind(node))")
            return nil
        }
        if let allowed, !allowed.contains(text) {
            error(at: node, "'\(key)' must be one of \(allowed.joined(separator: ", ")), not '\(text)'")
            return nil
        }
        return text
    }

    /// A list of names; a plain scalar item such as `200` is its text (names may look like numbers).
    private mutating func strings(_ node: Node, _ key: String, allowed: [String]? = nil) -> [String]? {
        guard let items = node.items else {
            error(at: node, "'\(key)' must be a list, not \(Self.kind(node))")
            return nil
        }
        var result: [String] = []
        for item in items {
            guard let text = item.text, !item.isNull else {
                error(at: item, "each item of '\(key)' must be a string, not \(Self.kind(item))")
                continue
            }
            if let allowed, !allowed.contains(text) {
                error(at: item, "'\(key)' items must be one of \(allowed.joined(separator: ", ")), not '\(text)'")
                continue
            }
            result.append(text)
        }
        return result
    }

    /// A Swift name the generated code declares: letters, digits, `_`, not starting with a digit.
    private mutating func identifier(_ node: Node, _ key: String) -> String? {
        guard let text = string(node, key) else { return nil }
        let valid =
            text.first.map { !$0.isNumber } == true
            && text.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "_" }
        guard valid else {
            error(at: node, "'\(key)' must be a Swift identifier (letters, digits, '_'), not '\(text)'")
            return nil
        }
        return text
    }

    private mutating func bool(_ node: Node, _ key: String) -> Bool? {
        guard case .bool(let value)? = node.resolved else {
            error(at: node, "'\(key)' must be true or false, not \(Self.kind(node))")
            return nil
        }
        return value
    }

    private mutating func int(_ node: Node, _ key: String) -> Int? {
        guard case .int(let value)? = node.resolved else {
            error(at: node, "'\(key)' must be an integer, not \(Self.kind(node))")
            return nil
        }
        return value
    }

    /// "a mapping", "an integer": the loader's words with the article English wants.
    private static func kind(_ node: Node) -> String {
        node.kindDescription == "a integer" ? "an integer" : node.kindDescription
    }

    private mutating func error(at node: Node, _ message: String) {
        diagnostics.append(Diagnostic(.error, at: node.mark, message))
    }

    /// A relative `templates` path means relative to the config file, not to where specgen runs.
    private func resolvedAgainstConfig(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        let folder = (configPath as NSString).deletingLastPathComponent
        return folder.isEmpty ? path : (folder as NSString).appendingPathComponent(path)
    }
}
