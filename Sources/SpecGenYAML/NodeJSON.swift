/// A node tree as JSON text, for people to see what the loader read (`specgen parse`).
///
/// Plain form: mappings become objects (keys in document order), sequences arrays, scalars their
/// core-schema value. With marks, every node becomes an object that also tells where it was
/// written (`line`, `column`), its `style` and `tag`, and holds `value`, `sequence` or `mapping`.
package struct NodeJSON {
    package var includeMarks: Bool

    package init(includeMarks: Bool = false) {
        self.includeMarks = includeMarks
    }

    package func render(_ node: Node) -> String {
        var writer = JSONTextWriter(includeMarks: includeMarks)
        writer.node(node, indent: 0)
        return writer.out + "\n"
    }

    package func render(documents: [Node]) -> String {
        var writer = JSONTextWriter(includeMarks: includeMarks)
        writer.list(documents, indent: 0) { writer, node, level in writer.node(node, indent: level) }
        return writer.out + "\n"
    }
}

/// Pretty-printed JSON with two-space indentation. Recursion is bounded by the loader's depth limit.
private struct JSONTextWriter {
    let includeMarks: Bool
    var out = ""

    mutating func node(_ node: Node, indent: Int) {
        guard includeMarks else { return plain(node, indent: indent) }
        var fields: [(String, (inout JSONTextWriter, Int) -> Void)] = [
            ("line", { writer, _ in writer.out += String(node.mark.line) }),
            ("column", { writer, _ in writer.out += String(node.mark.column) }),
        ]
        if let tag = node.tag { fields.append(("tag", { writer, _ in writer.string(tag) })) }
        switch node.content {
        case .scalar(let scalar):
            fields.append(("style", { writer, _ in writer.string(scalar.style.rawValue) }))
            fields.append(("value", { writer, _ in writer.scalar(node) }))
        case .sequence(let items):
            fields.append(
                (
                    "sequence",
                    { writer, level in
                        writer.list(items, indent: level) { writer, item, level in writer.node(item, indent: level) }
                    }
                ))
        case .mapping(let entries):
            fields.append(
                (
                    "mapping",
                    { writer, level in
                        writer.list(entries, indent: level) { writer, entry, level in
                            writer.object(
                                [
                                    ("key", { writer, level in writer.node(entry.key, indent: level) }),
                                    ("value", { writer, level in writer.node(entry.value, indent: level) }),
                                ],
                                indent: level)
                        }
                    }
                ))
        }
        object(fields, indent: indent)
    }

    mutating func plain(_ node: Node, indent: Int) {
        switch node.content {
        case .scalar:
            scalar(node)
        case .sequence(let items):
            list(items, indent: indent) { writer, item, level in writer.plain(item, indent: level) }
        case .mapping(let entries):
            object(
                entries.map { entry in
                    (Self.keyText(entry.key), { writer, level in writer.plain(entry.value, indent: level) })
                }, indent: indent)
        }
    }

    mutating func list<Element>(
        _ elements: [Element], indent: Int,
        _ element: (inout JSONTextWriter, Element, Int) -> Void
    ) {
        guard !elements.isEmpty else {
            out += "[]"
            return
        }
        out += "[\n"
        for (index, item) in elements.enumerated() {
            pad(indent + 1)
            element(&self, item, indent + 1)
            out += index + 1 < elements.count ? ",\n" : "\n"
        }
        pad(indent)
        out += "]"
    }

    mutating func object(_ fields: [(String, (inout JSONTextWriter, Int) -> Void)], indent: Int) {
        guard !fields.isEmpty else {
            out += "{}"
            return
        }
        out += "{\n"
        for (index, (name, value)) in fields.enumerated() {
            pad(indent + 1)
            string(name)
            out += ": "
            value(&self, indent + 1)
            out += index + 1 < fields.count ? ",\n" : "\n"
        }
        pad(indent)
        out += "}"
    }

    mutating func scalar(_ node: Node) {
        switch node.resolved ?? .null {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .float(let value) where value.isFinite: out += String(value)
        case .float: string(node.text ?? "")  // .inf and .nan have no JSON form
        case .string(let value): string(value)
        }
    }

    mutating func string(_ text: String) {
        out += "\""
        for unit in text.unicodeScalars {
            switch unit {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where unit.value < 0x20 || unit.value == 0x7F || unit.value == 0x2028 || unit.value == 0x2029:
                let hex = String(unit.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(unit)
            }
        }
        out += "\""
    }

    private mutating func pad(_ level: Int) {
        out += String(repeating: "  ", count: level)
    }

    /// JSON keys are strings: a scalar key is its text; a collection key (rare, legal YAML) its flow form.
    private static func keyText(_ key: Node) -> String {
        if let text = key.text { return text }
        var writer = JSONTextWriter(includeMarks: false)
        writer.plain(key, indent: 0)
        return writer.out.split(separator: "\n").map { $0.trimmingPrefixSpaces() }.joined(separator: " ")
    }
}

private extension Substring {
    func trimmingPrefixSpaces() -> Substring { drop(while: { $0 == " " }) }
}
