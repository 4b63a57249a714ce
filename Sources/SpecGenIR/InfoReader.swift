import SpecGenYAML

/// `info`: title and version are required (an error without them); contact and license fields
/// of the wrong kind are warned about and skipped (the ECR seed's `email: [...]`).
enum InfoReader {
    static func info(_ root: Node, _ state: inout ReaderState) -> Info {
        guard let node = root["info"], node.entries != nil else {
            state.error(
                root["info"] == nil ? "the document has no 'info'" : "'info' should be a mapping",
                at: root["info"]?.mark ?? root.mark)
            return Info(title: "", version: "")
        }
        var info = Info(
            title: state.requiredString(node, "title", in: "'info'") ?? "",
            version: state.requiredString(node, "version", in: "'info'") ?? "")
        info.summary = state.string(node, "summary")
        info.description = state.string(node, "description")
        info.extensions = node.extensions
        _ = state.string(node, "termsOfService")
        for section in ["contact", "license"] {
            guard let part = node[section] else { continue }
            guard part.entries != nil else {
                state.warning(
                    "'\(section)' should be a mapping, not \(part.kindDescription); it is ignored", at: part.mark)
                continue
            }
            for key in ["name", "url", "email", "identifier"] { _ = state.string(part, key) }
        }
        return info
    }
}
