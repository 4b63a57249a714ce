import SpecGenYAML

/// `info` and `tags`. `info`: title and version are required (an error without them); contact and license fields
/// of the wrong kind are warned about and skipped (the ECR seed's `email: [...]`).
enum InfoReader {
    /// The document's tags; a 3.2 `parent` that names no tag, or that nests a tag in itself, is a
    /// warning at it (filtering by tag then ignores it).
    static func tags(_ node: Node?, _ state: inout ReaderState) -> [Tag] {
        var tags: [Tag] = []
        var parentMarks: [String: Mark] = [:]
        for item in state.items(node, "'tags'") {
            state.warnUnusedAdditions(item, .tag)
            guard let name = state.string(item, "name") else {
                // Operations name tags themselves; a nameless entry only loses its documentation.
                state.warning("a tag has no 'name'; it is ignored", at: item.mark)
                continue
            }
            var tag = Tag(name: name)
            tag.description = state.string(item, "description")
            if state.family == .openAPI32 {
                tag.summary = state.string(item, "summary")
                tag.parent = state.string(item, "parent")
                tag.kind = state.string(item, "kind")
                if tag.parent != nil, let mark = item["parent"]?.mark { parentMarks[name] = mark }
            }
            tags.append(tag)
        }
        let names = Set(tags.map(\.name))
        for index in tags.indices {
            guard let parent = tags[index].parent, let mark = parentMarks[tags[index].name] else { continue }
            if !names.contains(parent) {
                state.warning(
                    "tag '\(tags[index].name)' has parent '\(parent)', which is no tag of the document", at: mark)
                tags[index].parent = nil
                continue
            }
            var seen: Set<String> = [tags[index].name]
            var next: String? = parent
            while let current = next, seen.insert(current).inserted {
                next = tags.first { $0.name == current }?.parent
            }
            // Only a tag the walk comes back to is nested in itself; one whose parents lead into
            // another cycle is not (that cycle's own tags are reported).
            if next == tags[index].name {
                state.warning("tag '\(tags[index].name)' is nested in itself through 'parent'", at: mark)
                tags[index].parent = nil
            }
        }
        return tags
    }

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
