import Foundation

// Shared by both plugins: `Plugins/SpecGenCommand/PluginConfigScan.swift` is a symlink to this file.

/// The part of `specgen-config.yaml` a plugin must know before generation: which files come out.
/// A line scan, not a YAML reader: it understands
///
/// ```yaml
/// modes: [models, client]      # or a block list: `modes:` then `- models` lines
/// shards:
///   models: 4
/// templates: Templates
/// ```
///
/// Anything else is left to `specgen`, which reads the whole file with the real loader.
struct PluginConfigScan {
    var modes: Set<String> = ["models", "client", "server"]
    var modelShards = 1
    var clientShards = 1
    var serverShards = 1
    var templates: String?

    init(text: String) {
        var section = ""
        var blockModes: [String]?
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = Self.stripComment(String(rawLine))
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let indented = line.first == " " || line.first == "\t"
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            // A block list's items may sit at the key's own indentation (`modes:` then `- models`).
            if section == "modes" && trimmed.hasPrefix("- ") {
                blockModes = (blockModes ?? []) + [Self.unquote(String(trimmed.dropFirst(2)))]
                continue
            }
            if !indented {
                section = ""
                if let modes = blockModes {
                    self.modes = Set(modes)
                    blockModes = nil
                }
            }
            guard let colon = trimmed.firstIndex(of: ":") else { continue }
            let key = Self.unquote(String(trimmed[..<colon]))
            let value = Self.unquote(String(trimmed[trimmed.index(after: colon)...]))
            if !indented {
                switch key {
                case "modes" where value.hasPrefix("["):
                    modes = Set(value.dropFirst().dropLast().split(separator: ",").map { Self.unquote(String($0)) })
                case "modes", "shards": section = key
                case "templates" where !value.isEmpty: templates = value
                default: break
                }
            } else if section == "shards", let count = Int(value) {
                switch key {
                case "models": modelShards = count
                case "client": clientShards = count
                case "server": serverShards = count
                default: break
                }
            }
        }
        if let modes = blockModes { self.modes = Set(modes) }
    }

    private static func stripComment(_ line: String) -> String {
        guard let hash = line.range(of: " #") ?? (line.hasPrefix("#") ? line.range(of: "#") : nil) else { return line }
        return String(line[..<hash.lowerBound])
    }

    private static func unquote(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.count >= 2, let first = trimmed.first, first == trimmed.last, first == "\"" || first == "'" {
            return String(trimmed.dropFirst().dropLast())
        }
        return trimmed
    }
}
