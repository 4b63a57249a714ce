import SpecGenIR

/// The body member of an operation's input struct, as the request body plan types it.
struct InputBodyMember {
    /// The IR property's name (`body`, `request_body`).
    var propertyName: String
    /// The Swift type without `?`.
    var swiftType: String
    /// The body may be JSON `null` (the property's schema says so); only a JSON body can.
    var allowsNull: Bool
    /// The type is `Codable` and `Hashable`, so the struct keeps those conformances.
    var isCodable: Bool
    /// The body is the spec's schema as a Swift value (one JSON media type), which validation checks.
    var isSchemaValue: Bool

    /// The body member of every input struct that has one, keyed by the struct's id.
    static func members(_ plans: [OperationPlan], inputTypes: [String: TypeDecl]) -> [String: InputBodyMember] {
        var result: [String: InputBodyMember] = [:]
        for plan in plans where !plan.inputIsBody {
            guard let body = plan.requestBody, let input = inputTypes[plan.operation.id],
                case .object(let object) = input.kind, let property = object.properties.last
            else { continue }
            let single = body.choiceTypeName == nil && body.variants.first?.kind == .json
            result[input.id] = InputBodyMember(
                propertyName: property.name, swiftType: body.valueType,
                allowsNull: single && property.type.isOptional, isCodable: body.isCodable, isSchemaValue: single)
        }
        return result
    }
}

/// Builds the `TypeContext` of each declared type: the models' part of the emitter.
struct ModelContextBuilder {
    let document: APIDocument
    let names: SwiftTypeNames
    let mapping: TypeMapping
    let recursion: RecursionAnalysis
    let access: String
    /// Declarations by id (`document.type(_:)` scans the list; large specs ask thousands of times).
    let typesByID: [String: TypeDecl]
    /// The body member of each operation input struct, by the struct's id: its Swift type comes from
    /// the body plan, not from a schema (`HTTPBody`, `MultipartBody<…>`, a choice enum).
    var inputBodies: [String: InputBodyMember] = [:]
    /// The operation input structs: never JSON values themselves (parameters travel by their
    /// styles, the body by its media type), so they are not `Codable` (see `structContext`).
    var inputTypeIDs: Set<String> = []
    /// Which types validate and how; nil when validation is off.
    var validation: ValidationPlan?

    init(document: APIDocument, names: SwiftTypeNames, options: EmitOptions) {
        self.document = document
        self.typesByID = Dictionary(document.types.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.names = names
        self.mapping = TypeMapping(names: names)
        self.recursion = RecursionAnalysis(types: document.types)
        self.access = options.access.keyword
    }

    func context(for type: TypeDecl) -> TypeContext {
        let nested = names.enclosing[type.id].flatMap { names.qualified[$0] }
        let indent = nested == nil ? "" : "    "
        var context = TypeContext(
            extensionOf: nested, indent: indent, memberIndent: indent + "    ",
            doc: SwiftText.docComment(Self.docText(type.summary, type.description), indent: indent),
            isDeprecated: type.deprecated == true,
            access: access, name: names.simple[type.id] ?? "_")
        if recursion.recursiveAliases.contains(type.id), let target = RecursionAnalysis.aliasTarget(of: type) {
            // `typealias Tree = [Tree]` does not compile; a one-case enum holds the same JSON.
            context.unionType = UnionContext(
                indirectKeyword: "",
                cases: [
                    UnionCaseContext(
                        name: Naming.memberName(Self.variantName(target, names: names)), type: mapping.swiftType(target)
                    )
                ],
                discriminator: nil, unionValidation: nil)
            return context
        }
        switch type.kind {
        case .object(let object):
            if object.properties.isEmpty && (object.wholeValueParts ?? []).isEmpty {
                // A bare object keeps whatever it holds rather than decoding into an empty struct.
                switch object.additionalProperties {
                case .typed(let value): context.alias = AliasContext(target: "[String: \(mapping.swiftType(value))]")
                case .allowed: context.alias = AliasContext(target: "[String: JSONValue]")
                case .forbidden: context.structType = structContext(type, object, memberIndent: indent + "    ")
                }
            } else {
                context.structType = structContext(type, object, memberIndent: indent + "    ")
            }
        case .enumeration(let enumeration):
            context.enumType = EnumContextBuilder.context(
                enumeration, validates: validation?.validatedIDs.contains(type.id) == true)
        case .union(let union):
            context.unionType = unionContext(type, union)
        case .alias(let target):
            context.alias = AliasContext(target: mapping.swiftType(target))
        }
        return context
    }

    static func docText(_ summary: String?, _ description: String?) -> String? {
        let parts = [summary, description].compactMap { $0?.isEmpty == false ? $0 : nil }
        guard !parts.isEmpty else { return nil }
        return parts.count == 2 && parts[0] == parts[1] ? parts[0] : parts.joined(separator: "\n\n")
    }

    // MARK: - Unions

    private func unionContext(_ type: TypeDecl, _ union: UnionType) -> UnionContext {
        var scope = NameScope()
        var cases: [UnionCaseContext] = []
        var caseByTarget: [String: String] = [:]
        var checks: [UnionCheckContext] = []
        for (index, variant) in union.variants.enumerated() where !isUnionItself(variant, union: type.id) {
            let name = scope.claim(Naming.memberName(Self.variantName(variant, names: names)))
            cases.append(UnionCaseContext(name: name, type: mapping.swiftType(variant)))
            let constraints = union.variantConstraints?[index]
            if let rules = validation?.variantRules(variant, constraints) {
                checks.append(UnionCheckContext(name: name, rules: rules))
            }
            if case .named(let id) = variant, caseByTarget[id] == nil { caseByTarget[id] = name }
        }
        var discriminator: DiscriminatorContext?
        if let spec = union.discriminator {
            let mappings = spec.mapping.keys.sorted().compactMap { value -> DiscriminatorMappingContext? in
                guard let target = spec.mapping[value], let caseName = caseByTarget[target] else { return nil }
                return DiscriminatorMappingContext(valueLiteral: SwiftText.stringLiteral(value), caseName: caseName)
            }
            discriminator = DiscriminatorContext(
                propertyLiteral: SwiftText.stringLiteral(spec.propertyName), mappings: mappings,
                defaultCaseName: spec.defaultMapping.flatMap { caseByTarget[$0] })
        }
        var unionValidation: UnionValidationContext?
        if validation?.validatedIDs.contains(type.id) == true, !checks.isEmpty {
            unionValidation = UnionValidationContext(checkedCases: checks, skipsSomeCases: checks.count < cases.count)
        }
        return UnionContext(
            indirectKeyword: recursion.isRecursive(type.id) ? "indirect " : "",
            cases: cases, discriminator: discriminator, unionValidation: unionValidation)
    }

    /// A variant that is the union itself (`RecursivePetAnyOf: anyOf: [$ref: RecursivePetAnyOf, …]`),
    /// directly or through aliases, adds no value the other variants do not match, and decoding it
    /// would call the union's own decoder on the same input forever: it gets no case.
    private func isUnionItself(_ variant: TypeRef, union id: String) -> Bool {
        var current = variant.nonOptional
        var seen: Set<String> = []
        while case .named(let target) = current, seen.insert(target).inserted {
            if target == id { return true }
            guard case .alias(let next)? = typesByID[target]?.kind else { return false }
            current = next.nonOptional
        }
        return false
    }

    /// A case name for a variant: its type's name, or what it is (`string`, `array`).
    static func variantName(_ ref: TypeRef, names: SwiftTypeNames) -> String {
        switch ref.nonOptional {
        case .named(let id): return names.simple[id] ?? "value"
        case .array: return "array"
        case .dictionary: return "object"
        case .untypedJSON: return "json"
        case .primitive(let primitive, _): return primitive.rawValue
        case .optional: return "value"
        }
    }
}

/// String and integer enums that decode unknown values into an explicit case instead of failing.
enum EnumContextBuilder {
    static func context(_ enumeration: EnumType, validates: Bool = false) -> EnumContext {
        var scope = NameScope(reserved: ["rawValue", "init"])
        let unknown = scope.claim("undocumented")
        var cases: [EnumCaseContext] = []
        var seen: Set<JSONValue> = []
        for value in enumeration.values where value != .null && seen.insert(value).inserted {
            switch (enumeration.rawType, value) {
            case (.string, .string(let text)):
                cases.append(
                    EnumCaseContext(name: scope.claim(Naming.memberName(text)), literal: SwiftText.stringLiteral(text)))
            case (.integer, .int(let number)):
                cases.append(
                    EnumCaseContext(
                        name: scope.claim(
                            Naming.memberName(number < 0 ? "valueMinus\(number.magnitude)" : "value\(number)")),
                        literal: String(number)))
            default:
                continue  // a value of another type than the enum's; the reader warned about it
            }
        }
        let listed = cases.map { enumeration.rawType == .string ? ".string(\($0.literal))" : ".integer(\($0.literal))" }
        return EnumContext(
            rawType: enumeration.rawType == .string ? "String" : "Int", cases: cases, unknownCase: unknown,
            listedLiteral: validates ? "[" + listed.joined(separator: ", ") + "]" : nil)
    }
}
