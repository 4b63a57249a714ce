/// The loader's output: a YAML (or JSON) document as written, with a source mark on every node.
///
/// Nothing is interpreted here beyond YAML itself: scalars keep their text and style, mappings
/// keep their entries in document order with keys as written. Aliases are already replaced by
/// (copies of) the anchored node and merge keys (`<<`) already merged.
package struct Node: Sendable, Hashable {
    package enum Content: Sendable, Hashable {
        case scalar(Scalar)
        case sequence([Node])
        case mapping([MappingEntry])
    }

    package var content: Content
    package var mark: Mark
    /// The explicit tag, as libyaml resolves it (`!!str` → `tag:yaml.org,2002:str`); nil when none was written.
    package var tag: String?

    package init(_ content: Content, mark: Mark, tag: String? = nil) {
        self.content = content
        self.mark = mark
        self.tag = tag
    }
}

/// A scalar exactly as written: its text after YAML unescaping and folding, and the style it was written in.
package struct Scalar: Sendable, Hashable {
    package enum Style: String, Sendable, Hashable, Codable {
        case plain
        case singleQuoted = "single-quoted"
        case doubleQuoted = "double-quoted"
        case literal
        case folded
    }

    package var text: String
    package var style: Style

    package init(text: String, style: Style) {
        self.text = text
        self.style = style
    }
}

/// One `key: value` pair of a mapping. Keys are nodes because YAML allows any node as a key;
/// `200:` is a plain scalar key whose text is "200".
package struct MappingEntry: Sendable, Hashable {
    package var key: Node
    package var value: Node

    package init(key: Node, value: Node) {
        self.key = key
        self.value = value
    }
}

// MARK: - Reading a tree

extension Node {
    /// The scalar, when this node is one.
    package var scalar: Scalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// The scalar's text, when this node is a scalar.
    package var text: String? { scalar?.text }

    /// The items, when this node is a sequence.
    package var items: [Node]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The entries in document order, when this node is a mapping.
    package var entries: [MappingEntry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    /// The value under a scalar key, when this node is a mapping that has it.
    package subscript(key: String) -> Node? {
        guard case .mapping(let entries) = content else { return nil }
        // By index: iterating `entries` copies each entry (two nodes) just to compare a key.
        for index in entries.indices where entries[index].key.scalar?.text == key { return entries[index].value }
        return nil
    }

    /// What the node is, in words for diagnostics: "a mapping", "a sequence", "a string".
    package var kindDescription: String {
        switch content {
        case .mapping: return "a mapping"
        case .sequence: return "a sequence"
        case .scalar:
            let name = resolved?.kindName ?? "scalar"
            return (name.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + name
        }
    }

    /// True for an empty document, `~`, `null` and an empty value (`key:`).
    package var isNull: Bool { resolved == .null }
}
