import SpecGenYAML

/// Objects: properties, required, additionalProperties, and `allOf` merged into one object.
extension SchemaReader {
    static func object(_ node: Node, _ hint: NameHint, _ state: inout ReaderState) -> TypeRef {
        let additionalNode = node["additionalProperties"]
        if node["properties"] == nil, hint.reservedID == nil {
            // A map, not a struct: `additionalProperties: {schema}`, `true` or absent. Only
            // `additionalProperties: false` (an always-empty object) falls through to a struct.
            if let additionalNode, additionalNode.entries != nil {
                return .dictionary(typeRef(additionalNode, hint.suffixed("Value"), &state))
            }
            if additionalNode?.resolved != .bool(false) { return .dictionary(.untypedJSON) }
        }
        let id = declareID(hint, &state)
        let properties = self.properties(node, parent: id, &state)
        let additional = additionalProperties(additionalNode, parent: id, &state)
        store(id, hint, .object(ObjectType(properties: properties, additionalProperties: additional)), node, &state)
        return .named(id)
    }

    static func additionalProperties(_ node: Node?, parent: String, _ state: inout ReaderState) -> AdditionalProperties {
        guard let node, !node.isNull else { return .allowed }
        switch node.resolved {
        case .bool(true)?: return .allowed
        case .bool(false)?: return .forbidden
        default: return .typed(typeRef(node, .nested(in: parent, "AdditionalProperty"), &state))
        }
    }

    /// `properties` in document order, each required when `required` lists it. An `allOf` part
    /// passes `checkRequired: false`: its `required` may name a property another part declares.
    static func properties(_ node: Node, parent: String, checkRequired: Bool = true, _ state: inout ReaderState) -> [Property] {
        let required = Set(state.items(node["required"], "'required'").compactMap(\.text))
        var result: [Property] = []
        for (name, key, schema) in state.entries(node["properties"], "'properties'") {
            guard !name.isEmpty else {
                state.warning("a property name should be a string", at: key.mark)
                continue
            }
            var property = Property(name: name, type: typeRef(schema, .nested(in: parent, name), &state), required: required.contains(name))
            if schema.entries != nil {
                property.description = state.string(schema, "description")
                property.readOnly = state.bool(schema, "readOnly")
                property.writeOnly = state.bool(schema, "writeOnly")
                property.deprecated = state.bool(schema, "deprecated")
                property.defaultValue = schema["default"].map(JSONValue.init)
                property.extensions = schema.extensions
            }
            result.append(property)
        }
        for name in required.sorted() where checkRequired && !result.contains(where: { $0.name == name }) && !state.enclosingPropertyNames.contains(name) && node["properties"] != nil && node["allOf"] == nil {
            state.warning("'required' names '\(name)', which is not a property", at: node["required"]!.mark)
        }
        return result
    }

    /// `allOf`: one object with the parts' properties in order (a later part's property of the
    /// same name replaces an earlier one in place). `own` is the schema itself when it has
    /// properties beside `allOf`. A single part with nothing beside it is that part's type.
    static func allOf(parts: [Node], own: Node?, _ node: Node, _ hint: NameHint, _ state: inout ReaderState) -> TypeRef {
        if parts.count == 1, own.map({ $0["properties"] == nil && $0["required"] == nil }) ?? false {
            return typeRef(parts[0], hint, &state)
        }
        let id = declareID(hint, &state)
        var merged: [Property] = []
        var composedOf: [String] = []
        var additional = AdditionalProperties.allowed
        var requiredNames: Set<String> = []
        var requiredMarks: [String: Mark] = [:]
        var everyPartMerged = true
        func add(_ properties: [Property]) {
            for property in properties {
                if let index = merged.firstIndex(where: { $0.name == property.name }) { merged[index] = property } else { merged.append(property) }
            }
        }
        // The schema's own properties beside `allOf` come last, as one more part.
        let allParts = parts.map { (node: $0, isOwn: false) } + (own.map { [(node: $0, isOwn: true)] } ?? [])
        for (part, isOwn) in allParts {
            for name in state.items(part["required"], "'required'").compactMap(\.text) where requiredNames.insert(name).inserted {
                requiredMarks[name] = part["required"]?.mark
            }
            if let ref = part["$ref"] {
                guard case .named(let partID) = namedRef(ref, &state) else { continue }
                guard let decl = state.types[partID] else {
                    state.warning("'allOf' part '\(partID)' contains the type being built; its properties are not merged", at: ref.mark)
                    everyPartMerged = false
                    continue
                }
                guard case .object(let object) = decl.kind else {
                    state.warning("'allOf' part '\(partID)' is not an object; it is not merged", at: ref.mark)
                    everyPartMerged = false
                    continue
                }
                composedOf.append(partID)
                add(object.properties)
                if case .forbidden = object.additionalProperties { additional = .forbidden }
            } else if part["properties"] != nil || part["additionalProperties"] != nil {
                add(properties(part, parent: id, checkRequired: false, &state))
                if part["additionalProperties"] != nil { additional = additionalProperties(part["additionalProperties"], parent: id, &state) }
            } else if !isOwn, part["allOf"] != nil || part["oneOf"] != nil || part["anyOf"] != nil || part["type"] != nil {
                let type = typeRef(part, .nested(in: id, "Part\(composedOf.count + 1)"), &state)
                if case .named(let partID) = type, case .object(let object)? = state.types[partID]?.kind {
                    composedOf.append(partID)
                    add(object.properties)
                } else {
                    everyPartMerged = false
                }
            }
        }
        for index in merged.indices where requiredNames.contains(merged[index].name) { merged[index].required = true }
        // Only once every part is known: a name another part declares is not a mistake.
        if everyPartMerged && !merged.isEmpty {
            for name in requiredNames.sorted() where !merged.contains(where: { $0.name == name }) {
                if let mark = requiredMarks[name] { state.warning("'required' names '\(name)', which is not a property of any 'allOf' part", at: mark) }
            }
        }
        store(id, hint, .object(ObjectType(properties: merged, additionalProperties: additional,
                                           composedOf: composedOf.isEmpty ? nil : composedOf)), node, &state)
        return .named(id)
    }
}
