import SpecGenYAML

/// Objects: properties, required, additionalProperties, and `allOf` merged into one object.
extension SchemaReader {
    static func object(_ node: Node, _ hint: NameHint, _ state: inout ReaderState) -> TypeRef {
        let additionalNode = node["additionalProperties"]
        if node["properties"] == nil, hint.reservedID == nil {
            // A map, not a struct: `additionalProperties: {schema}`, `true` or absent. Only
            // `additionalProperties: false` (an always-empty object) falls through to a struct.
            if additionalNode?.resolved != .bool(false) {
                if let mark = presenceMarks(node).first {
                    state.warning(
                        "a map's keys are not checked against 'dependentRequired' or 'not: {required}'; "
                            + "declare the keys as properties to have them checked", at: mark)
                }
                if let additionalNode, additionalNode.entries != nil {
                    return .dictionary(typeRef(additionalNode, hint.suffixed("Value"), &state))
                }
                return .dictionary(.untypedJSON)
            }
        }
        let id = declareID(hint, &state)
        let properties = self.properties(node, parent: id, &state)
        let additional = additionalProperties(additionalNode, parent: id, &state)
        let presence = checkedPresence(
            presenceRules(node, &state), properties: properties, additional: additional, &state)
        store(
            id, hint,
            .object(ObjectType(properties: properties, additionalProperties: additional, presence: presence)), node,
            &state)
        return .named(id)
    }

    /// A schema of `required` only (and annotations): `- required: [a, b]` inside `anyOf`/`oneOf`/`not`.
    static func isPresenceOnly(_ node: Node) -> Bool {
        guard let entries = node.entries, node["required"]?.items != nil else { return false }
        return entries.allSatisfy { entry in
            guard let key = entry.key.text else { return false }
            return key == "required" || key == "description" || key == "title" || key.hasPrefix("x-")
        }
    }

    /// An object whose `oneOf`/`anyOf` choose only among `required` lists (OpenAI's "exactly one
    /// of `image_url` or `file_id`", GitHub's `anyOf: [{required: [conclusion]}, …]`).
    static func isPresenceChoice(_ node: Node) -> Bool {
        node["properties"] != nil && node["discriminator"] == nil && choosesPresenceOnly(node)
    }

    /// `oneOf`/`anyOf` are written and each of their parts is a `required` list only.
    static func choosesPresenceOnly(_ node: Node) -> Bool {
        let choices = [node["oneOf"], node["anyOf"]].compactMap { $0 }
        return !choices.isEmpty
            && choices.allSatisfy { choice in
                guard let parts = choice.items, !parts.isEmpty else { return false }
                return parts.allSatisfy(isPresenceOnly)
            }
    }

    /// Where a schema writes a rule on its keys' presence (for the warning when nothing checks it).
    static func presenceMarks(_ node: Node) -> [Mark] {
        var marks: [Mark] = []
        if let rule = node["dependentRequired"] { marks.append(rule.mark) }
        if let rule = node["not"], isPresenceOnly(rule) { marks.append(rule.mark) }
        return marks
    }

    /// The rules on which keys are present that one schema writes: `anyOf`/`oneOf` of `required`
    /// lists, `not: {required}` and `dependentRequired`, each with where it is written.
    static func presenceRules(_ node: Node, _ state: inout ReaderState) -> [(PresenceConstraint, Mark)] {
        func names(_ list: Node?) -> [String] { state.items(list, "'required'").compactMap(\.text) }
        var result: [(PresenceConstraint, Mark)] = []
        if choosesPresenceOnly(node) {
            if let choice = node["anyOf"] {
                result.append((.anyOf(choice.items!.map { names($0["required"]) }), choice.mark))
            }
            if let choice = node["oneOf"] {
                result.append((.oneOf(choice.items!.map { names($0["required"]) }), choice.mark))
            }
        }
        if let rule = node["not"], isPresenceOnly(rule) {
            result.append((.notAll(names(rule["required"])), rule.mark))
        }
        for (key, _, value) in state.entries(node["dependentRequired"], "'dependentRequired'") {
            result.append((.dependentRequired(key: key, requires: names(value)), value.mark))
        }
        return result
    }

    /// The rules an object checks. A key that is no property and no additional one is never
    /// present after decoding, so a rule naming it cannot be checked: said where it is written.
    static func checkedPresence(
        _ rules: [(PresenceConstraint, Mark)], properties: [Property], additional: AdditionalProperties,
        _ state: inout ReaderState
    ) -> [PresenceConstraint]? {
        let known = Set(properties.map(\.name))
        let kept = rules.filter { rule, mark in
            if case .typed = additional { return true }
            guard let unknown = rule.keys.first(where: { !known.contains($0) }) else { return true }
            state.warning(
                "'\(unknown)' is not a property, so a decoded value never holds it; this rule is not checked",
                at: mark)
            return false
        }
        return kept.isEmpty ? nil : kept.map(\.0)
    }

    /// Schema keywords generated code neither types nor checks: one warning each where it is
    /// written, so that nothing the spec says is dropped silently.
    static func noteUncheckedKeywords(_ node: Node, _ state: inout ReaderState) {
        for entry in node.entries ?? [] {
            guard let key = entry.key.text else { continue }
            let what: String
            switch key {
            case "if": what = "'if'/'then'/'else'"
            case "dependentSchemas", "patternProperties", "unevaluatedProperties", "unevaluatedItems", "contains",
                "prefixItems":
                what = "'\(key)'"
            case "not" where !isPresenceOnly(entry.value): what = "'not' (other than 'not: {required: [...]}')"
            default: continue
            }
            state.warning(
                "\(what) is not checked by generated validation; values are accepted as if it were absent",
                at: entry.key.mark)
        }
    }

    /// Absent: other members are allowed and dropped. Written `true` (or `{}`): the spec says
    /// they matter, so they are kept, as any JSON.
    static func additionalProperties(_ node: Node?, parent: String, _ state: inout ReaderState) -> AdditionalProperties
    {
        guard let node, !node.isNull else { return .allowed }
        switch node.resolved {
        case .bool(true)?: return .typed(.untypedJSON)
        case .bool(false)?: return .forbidden
        default: return .typed(typeRef(node, .nested(in: parent, "AdditionalProperty"), &state))
        }
    }

    /// `properties` in document order, each required when `required` lists it. An `allOf` part
    /// passes `checkRequired: false`: its `required` may name a property another part declares.
    static func properties(_ node: Node, parent: String, checkRequired: Bool = true, _ state: inout ReaderState)
        -> [Property]
    {
        let required = Set(state.items(node["required"], "'required'").compactMap(\.text))
        var result: [Property] = []
        for (name, key, schema) in state.entries(node["properties"], "'properties'") {
            guard !name.isEmpty else {
                state.warning("a property name should be a string", at: key.mark)
                continue
            }
            var property = Property(
                name: name, type: typeRef(schema, .nested(in: parent, name), &state), required: required.contains(name))
            if schema.entries != nil {
                property.description = state.string(schema, "description")
                property.readOnly = state.bool(schema, "readOnly")
                property.writeOnly = state.bool(schema, "writeOnly")
                property.deprecated = state.bool(schema, "deprecated")
                property.defaultValue = schema["default"].map(JSONValue.init)
                property.extensions = schema.extensions
                property.example = example(schema)
                property.constraints = constraints(schema, &state)
            }
            result.append(property)
        }
        for name in required.sorted()
        where checkRequired && !result.contains(where: { $0.name == name })
            && !state.enclosingPropertyNames.contains(name) && node["properties"] != nil && node["allOf"] == nil
        {
            state.warning("'required' names '\(name)', which is not a property", at: node["required"]!.mark)
        }
        return result
    }

    /// `allOf`: one object with the parts' properties in order (a later part's property of the
    /// same name replaces an earlier one in place). `own` is the schema itself when it has
    /// properties beside `allOf`. A single part with nothing beside it is that part's type.
    ///
    /// A part that only annotates (`- nullable: true`, `- description: …`, as OpenAI's spec writes
    /// `allOf: [$ref: SomeOneOf, nullable: true]`) constrains nothing and is left out; its
    /// `nullable` makes the whole nullable.
    static func allOf(parts allParts: [Node], own: Node?, _ node: Node, _ hint: NameHint, _ state: inout ReaderState)
        -> TypeRef
    {
        let parts = allParts.filter { !isAnnotationOnly($0) }
        let nullable = parts.count < allParts.count && allParts.contains { isAnnotationOnly($0) && isNullable($0) }
        func wrap(_ type: TypeRef) -> TypeRef { nullable && !type.isOptional ? .optional(type) : type }
        if parts.count == 1, own.map({ $0["properties"] == nil && $0["required"] == nil }) ?? false {
            return wrap(typeRef(parts[0], hint, &state))
        }
        let id = declareID(hint, &state)
        var merged: [Property] = []
        var composedOf: [String] = []
        var additional = AdditionalProperties.allowed
        var requiredNames: Set<String> = []
        var wholeValueParts: [TypeRef] = []
        var requiredMarks: [String: Mark] = [:]
        var everyPartMerged = true
        var presence: [(PresenceConstraint, Mark)] = []
        func add(_ properties: [Property]) {
            for property in properties {
                if let index = merged.firstIndex(where: { $0.name == property.name }) {
                    merged[index] = property
                } else {
                    merged.append(property)
                }
            }
        }
        // The schema's own properties beside `allOf` come last, as one more part.
        let allParts = parts.map { (node: $0, isOwn: false) } + (own.map { [(node: $0, isOwn: true)] } ?? [])
        for (part, isOwn) in allParts {
            for name in state.items(part["required"], "'required'").compactMap(\.text)
            where requiredNames.insert(name).inserted {
                requiredMarks[name] = part["required"]?.mark
            }
            if let ref = part["$ref"] {
                guard case .named(let partID) = namedRef(ref, &state) else { continue }
                guard let decl = state.types[partID] else {
                    state.warning(
                        "'allOf' part '\(partID)' contains the type being built; its properties are not merged",
                        at: ref.mark)
                    everyPartMerged = false
                    continue
                }
                if case .union = decl.kind {
                    // A union's members are not known properties: its variants may declare a required name.
                    wholeValueParts.append(.named(partID))
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
            } else if part["properties"] != nil || part["additionalProperties"] != nil || isOwn {
                presence += presenceRules(part, &state)
                add(properties(part, parent: id, checkRequired: false, &state))
                if part["additionalProperties"] != nil {
                    additional = additionalProperties(part["additionalProperties"], parent: id, &state)
                }
            } else if choosesPresenceOnly(part) || !presenceMarks(part).isEmpty {
                // `- oneOf: [{required: [a]}, {required: [b]}]`: a rule on the merged object's keys.
                presence += presenceRules(part, &state)
            } else if part["allOf"] != nil || part["oneOf"] != nil || part["anyOf"] != nil || part["type"] != nil {
                let type = typeRef(part, .nested(in: id, "Part\(composedOf.count + 1)"), &state)
                if case .named(let partID) = type, case .object(let object)? = state.types[partID]?.kind {
                    composedOf.append(partID)
                    add(object.properties)
                } else if case .named(let partID) = type, case .union? = state.types[partID]?.kind {
                    wholeValueParts.append(type)
                    everyPartMerged = false
                } else {
                    everyPartMerged = false
                }
            }
        }
        for index in merged.indices where requiredNames.contains(merged[index].name) { merged[index].required = true }
        if merged.isEmpty, let first = wholeValueParts.first {
            // Nothing but unions: the value is the (first) union; a struct would have no key of its own.
            for part in wholeValueParts.dropFirst() {
                if case .named(let partID) = part {
                    state.warning("'allOf' part '\(partID)' is a second union; only the first is kept", at: node.mark)
                }
            }
            store(id, hint, .alias(first), node, &state)
            return wrap(.named(id))
        }
        // Only once every part is known: a name another part declares is not a mistake.
        if everyPartMerged && !merged.isEmpty {
            for name in requiredNames.sorted() where !merged.contains(where: { $0.name == name }) {
                if let mark = requiredMarks[name] {
                    state.warning("'required' names '\(name)', which is not a property of any 'allOf' part", at: mark)
                }
            }
        }
        store(
            id, hint,
            .object(
                ObjectType(
                    properties: merged, additionalProperties: additional,
                    composedOf: composedOf.isEmpty ? nil : composedOf,
                    wholeValueParts: wholeValueParts.isEmpty ? nil : wholeValueParts,
                    presence: checkedPresence(presence, properties: merged, additional: additional, &state))),
            node, &state)
        return wrap(.named(id))
    }

    /// A schema of annotations only (no `$ref`, no type, no keyword that constrains a value).
    static func isAnnotationOnly(_ node: Node) -> Bool {
        guard let entries = node.entries else { return false }
        return entries.allSatisfy { entry in
            guard let key = entry.key.text else { return false }
            return key != "$ref" && (annotationKeys.contains(key) || key.hasPrefix("x-"))
        }
    }
}
