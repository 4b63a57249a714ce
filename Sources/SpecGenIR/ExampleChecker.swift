import SpecGenYAML

/// Warns where an example contradicts its schema (the ECR seed's `repository: example-string`
/// for an object). Checks kinds, properties and enum values; never stops reading.
enum ExampleChecker {
    /// A schema's own `example`, and 3.1's `examples: [...]`.
    static func checkSchemaExamples(_ schema: Node, _ state: inout ReaderState) {
        if let example = schema["example"] { check(example, against: schema, &state) }
        if let examples = schema["examples"]?.items {
            for example in examples { check(example, against: schema, &state) }
        }
    }

    /// A media type's or a parameter's `example` and `examples: {name: {value}}`.
    static func checkMediaExamples(_ holder: Node, schema: Node?, _ state: inout ReaderState) {
        guard schema != nil || state.family.unusedAdditions[.example] != nil else { return }
        if let schema, let example = holder["example"] { check(example, against: schema, &state) }
        for entry in holder["examples"]?.entries ?? [] {
            var example = entry.value
            if example["$ref"] != nil {
                guard let target = state.dereference(example) else { continue }
                example = target
            }
            state.warnUnusedAdditions(example, .example)
            if let schema, let value = example["value"] ?? example["dataValue"] {
                check(value, against: schema, &state)
            }
        }
    }

    static func check(_ value: Node, against schemaNode: Node, _ state: inout ReaderState, depth: Int = 0) {
        guard depth < 32, !value.isNull, let schema = resolved(schemaNode, &state) else { return }
        for key in ["allOf", "oneOf", "anyOf"] where schema[key] != nil { return }  // not checked: too many ways to fit
        if let allowed = schema["enum"]?.items, value.scalar != nil,
            !allowed.contains(where: { $0.text == value.text })
        {
            state.warning("example value '\(value.text ?? "")' is not one of the schema's enum values", at: value.mark)
            return
        }
        let type = SchemaReader.typeNames(schema).first ?? (schema["properties"] != nil ? "object" : nil)
        switch type {
        case "object"?:
            guard let entries = value.entries else { return mismatch(value, "an object", &state) }
            for entry in entries {
                if let key = entry.key.text, let property = schema["properties"]?[key] {
                    check(entry.value, against: property, &state, depth: depth + 1)
                }
            }
        case "array"?:
            guard let items = value.items else { return mismatch(value, "an array", &state) }
            if let itemSchema = schema["items"] {
                for item in items { check(item, against: itemSchema, &state, depth: depth + 1) }
            }
        case "string"?:
            if value.scalar == nil { mismatch(value, "a string", &state) }
        case "integer"?:
            if case .int? = value.resolved {} else { mismatch(value, "an integer", &state) }
        case "number"?:
            switch value.resolved {
            case .int?, .float?: break
            default: mismatch(value, "a number", &state)
            }
        case "boolean"?:
            if case .bool? = value.resolved {} else { mismatch(value, "a boolean", &state) }
        default:
            break
        }
    }

    private static func resolved(_ schema: Node, _ state: inout ReaderState) -> Node? {
        guard let ref = schema["$ref"] else { return schema }
        return try? state.resolver.resolveChain(ref).node
    }

    private static func mismatch(_ value: Node, _ expected: String, _ state: inout ReaderState) {
        state.warning("example is \(value.kindDescription), but its schema expects \(expected)", at: value.mark)
    }
}
