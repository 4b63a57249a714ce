import SpecGenYAML

/// Choices: `enum` and `const` (one-value enums), `oneOf` and `anyOf` with their discriminator.
extension SchemaReader {
    static func enumeration(_ node: Node, _ hint: NameHint, _ state: inout ReaderState) -> TypeRef {
        let isConst = node["enum"] == nil
        let valueNodes = isConst ? [node["const"]!] : state.items(node["enum"], "'enum'")
        var values = valueNodes.map(JSONValue.init)
        let nullable = values.contains(.null)
        values.removeAll { $0 == .null }
        let declared = typeNames(node).first
        let rawType: EnumType.RawType
        switch declared {
        case "integer"?: rawType = .integer
        case "string"?: rawType = .string
        case nil where values.allSatisfy({ if case .int = $0 { true } else { false } }) && !values.isEmpty:
            rawType = .integer
        case nil where values.allSatisfy({ if case .string = $0 { true } else { false } }): rawType = .string
        default:
            // Enums of numbers, booleans or objects: the values constrain, the type stays as declared.
            var plain = node
            plain.content = .mapping((node.entries ?? []).filter { $0.key.text != "enum" && $0.key.text != "const" })
            return typeRef(plain, hint, &state)
        }
        for (value, valueNode) in zip(valueNodes.map(JSONValue.init), valueNodes) where value != .null {
            let fits = rawType == .integer ? value.isInt : value.isString
            if !fits {
                state.warning(
                    "enum value \(valueNode.text ?? valueNode.kindDescription) is not \(rawType == .integer ? "an integer" : "a string") like the others",
                    at: valueNode.mark)
            }
        }
        let id = declareID(hint, &state)
        store(
            id, hint, .enumeration(EnumType(rawType: rawType, values: values, nullable: nullable, isConst: isConst)),
            node, &state)
        return nullable ? .optional(.named(id)) : .named(id)
    }

    /// `oneOf`/`anyOf`. A `null` variant makes the type optional; one variant left is that type.
    static func union(_ node: Node, _ hint: NameHint, _ state: inout ReaderState) -> TypeRef {
        let rule: UnionType.Rule = node["oneOf"] != nil ? .oneOf : .anyOf
        let all = state.items(node[rule.rawValue], "'\(rule.rawValue)'")
        let variants = all.filter { !isNullSchema($0) }
        let hasNull = variants.count != all.count
        func wrap(_ type: TypeRef) -> TypeRef { hasNull && !type.isOptional ? .optional(type) : type }
        if variants.count == 1 && node["discriminator"] == nil && hint.reservedID == nil {
            return wrap(typeRef(variants[0], hint, &state))
        }
        let id = declareID(hint, &state)
        var types: [TypeRef] = []
        // A variant's `required` may name the enclosing schema's properties (GitHub's
        // `anyOf: [{required: [conclusion]}, …]` beside `properties`): not a mistake there.
        let outerProperties = state.enclosingPropertyNames
        state.enclosingPropertyNames.formUnion((node["properties"]?.entries ?? []).compactMap(\.key.text))
        var constraints: [ValueConstraints?] = []
        for (index, variant) in variants.enumerated() {
            types.append(typeRef(variant, NameHint(parent: id, name: "Variant\(index + 1)"), &state))
            constraints.append(variant["$ref"] == nil ? self.constraints(variant, &state) : nil)
        }
        state.enclosingPropertyNames = outerProperties
        let discriminator = node["discriminator"].map { self.discriminator($0, variants: types, &state) } ?? nil
        var union = UnionType(rule: rule, variants: types, discriminator: discriminator)
        if constraints.contains(where: { $0 != nil }) { union.variantConstraints = constraints }
        store(id, hint, .union(union), node, &state)
        return wrap(.named(id))
    }

    /// 3.x `discriminator: {propertyName, mapping}` (3.2: and `defaultMapping`); 2.0's is a bare
    /// property name.
    static func discriminator(_ node: Node, variants: [TypeRef], _ state: inout ReaderState) -> Discriminator? {
        state.warnUnusedAdditions(node, .discriminator)
        let propertyName = node.text ?? state.requiredString(node, "propertyName", in: "a discriminator")
        guard let propertyName else { return nil }
        var mapping: [String: String] = [:]
        for (value, _, target) in state.entries(node["mapping"], "'mapping'") {
            if let id = mappedType(target, &state) { mapping[value] = id }
        }
        for case .named(let id) in variants where !mapping.values.contains(id) {
            mapping[state.types[id]?.name ?? id] = id
        }
        var defaultMapping: String?
        if state.family == .openAPI32, let target = node["defaultMapping"], let id = mappedType(target, &state) {
            if variants.contains(.named(id)) {
                defaultMapping = id
            } else {
                state.warning(
                    "'defaultMapping' names a schema that is not one of the variants: a value no mapping names "
                        + "fails to decode", at: target.mark)
            }
        }
        return Discriminator(propertyName: propertyName, mapping: mapping, defaultMapping: defaultMapping)
    }

    /// A mapping's target, a schema name or a reference, as the type id it names.
    private static func mappedType(_ target: Node, _ state: inout ReaderState) -> String? {
        guard var text = target.text else { return nil }
        if !text.contains("#") && !text.contains("/") && !text.hasSuffix(".yaml") && !text.hasSuffix(".json") {
            text = (state.family == .swagger2 ? "#/definitions/" : "#/components/schemas/") + text
        }
        guard
            case .named(let id) = namedRef(Node(.scalar(Scalar(text: text, style: .plain)), mark: target.mark), &state)
        else { return nil }
        return id
    }

    static func isNullSchema(_ node: Node) -> Bool {
        node["type"]?.text == "null" || node["const"]?.isNull == true
    }
}

extension JSONValue {
    var isInt: Bool { if case .int = self { true } else { false } }
    var isString: Bool { if case .string = self { true } else { false } }
}
