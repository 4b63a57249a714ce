import SpecGenIR

/// Structs: stored properties, coding keys, the memberwise initializer, and custom coding where
/// synthesized `Codable` would get the spec wrong.
extension ModelContextBuilder {
    /// How one property is stored and coded.
    private struct PropertyPlan {
        var property: Property
        var name: String
        var storageName: String
        /// The type without `?`, boxed when it closes a cycle.
        var baseType: String
        var declaredType: String
        var coding: Coding
        var defaultLiteral: String?

        enum Coding {
            case required
            /// Required, and `null` is allowed: `nil` is null (sent as `null`, never left out).
            case requiredNullable
            case optional
            /// Not required and nullable: `nil` is absent, `.null` is null.
            case nullableOptional
            /// Not required, with a default applied when absent.
            case defaulted(String)
        }
    }

    func structContext(_ type: TypeDecl, _ object: ObjectType, memberIndent: String) -> StructContext {
        var scope = StructMemberNames.scope()
        let plans = object.properties.map { plan($0, in: type, scope: &scope) }
        var extra: (name: String, valueType: String)?
        if case .typed(let value) = object.additionalProperties {
            extra = (scope.claim("additionalProperties"), mapping.swiftType(value))
        }
        // `allOf` parts that are unions: stored whole, coded from and into the same JSON.
        let wholeValues = (object.wholeValueParts ?? []).map { part -> WholeValue in
            var swiftType = mapping.swiftType(part.nonOptional)
            if recursion.needsBox(from: type.id, to: part) { swiftType = "Indirect<\(swiftType)>" }
            return WholeValue(
                name: scope.claim(Naming.memberName(Self.variantName(part, names: names))), swiftType: swiftType)
        }

        var properties = plans.map { plan in
            PropertyContext(
                doc: SwiftText.docComment(Self.docText(nil, plan.property.description), indent: memberIndent),
                storageName: plan.storageName,
                storageAccess: plan.storageName == plan.name ? access : "",
                type: plan.declaredType,
                deprecatedAccessor: plan.storageName == plan.name ? nil : DeprecatedAccessorContext(name: plan.name))
        }
        for whole in wholeValues {
            properties.append(
                PropertyContext(
                    doc: memberIndent
                        + "/// What the whole value also is (an `allOf` part that is a `oneOf`/`anyOf`).\n",
                    storageName: whole.name, storageAccess: access, type: whole.swiftType,
                    deprecatedAccessor: nil))
        }
        if let extra {
            properties.append(
                PropertyContext(
                    doc: memberIndent + "/// Members not declared by the spec, by JSON key.\n",
                    storageName: extra.name, storageAccess: access,
                    type: "[String: \(extra.valueType)]", deprecatedAccessor: nil))
        }

        // An operation's input struct is no JSON value: the client sends its parameters by their
        // styles and its body by its media type, the server builds it member by member. It is not
        // `Codable` (as apple's `Input` isn't): its coding was a fifth of the build of a spec with
        // many parameters (TomTom, Benchmarks/RESULTS.md target 1). It stays `Hashable` unless it
        // holds a streamed body (`HTTPBody`, parts, events) or a choice of media types.
        let hashable = inputBodies[type.id]?.isCodable ?? true
        let codable = hashable && !inputTypeIDs.contains(type.id)
        let coding = codable ? writtenCoding(plans, wholeValues: wholeValues, extra: extra) : nil
        var parameters = plans.map { plan -> InitParameterContext in
            let defaultArgument: String?
            switch plan.coding {
            case .required: defaultArgument = nil
            case .requiredNullable, .optional, .nullableOptional: defaultArgument = "nil"
            case .defaulted(let literal): defaultArgument = literal
            }
            return InitParameterContext(
                name: plan.name, storageName: plan.storageName, type: plan.declaredType,
                defaultArgument: defaultArgument)
        }
        for whole in wholeValues {
            parameters.append(
                InitParameterContext(
                    name: whole.name, storageName: whole.name, type: whole.swiftType, defaultArgument: nil))
        }
        if let extra {
            parameters.append(
                InitParameterContext(
                    name: extra.name, storageName: extra.name, type: "[String: \(extra.valueType)]",
                    defaultArgument: "[:]"))
        }
        let validation = validationContext(type, object, plans: plans, extraName: extra?.name)
        let conformances = codable ? "Codable, Hashable, Sendable" : hashable ? "Hashable, Sendable" : "Sendable"
        return StructContext(
            conformances: conformances + (validation == nil ? "" : ", Validatable"),
            properties: properties,
            initParameters: parameters,
            coding: coding,
            validation: validation)
    }

    /// The struct's `validate`: one check per member with rules, by the validation plan.
    private func validationContext(
        _ type: TypeDecl, _ object: ObjectType, plans: [PropertyPlan], extraName: String?
    ) -> ValidationContext? {
        guard let validation, validation.validatedIDs.contains(type.id) else { return nil }
        let storage = Dictionary(
            plans.map { ($0.property.name, $0.storageName) }, uniquingKeysWith: { first, _ in first })
        let checks = validation.checks(type, object).compactMap { entry -> MemberCheckContext? in
            let member =
                entry.property == "additionalProperties" && entry.check.keyLiteral == nil
                ? extraName : storage[entry.property]
            guard let member else { return nil }
            return MemberCheckContext(
                storageName: member, rules: entry.check.rulesLiteral, path: entry.check.pathExpression,
                pointerKey: entry.check.keyLiteral)
        }
        return ValidationContext(checks: checks, presence: presenceContext(object, validation, storage, extraName))
    }

    /// The presence check: required members the rules name are always present, optional ones when set.
    private func presenceContext(
        _ object: ObjectType, _ validation: ValidationPlan, _ storage: [String: String], _ extraName: String?
    ) -> PresenceCheckContext? {
        guard let rules = validation.presenceRules(object), let presence = object.presence else { return nil }
        let named = Set(presence.flatMap(\.keys))
        var always: [String] = []
        var optional: [PresentMemberContext] = []
        for property in object.properties where named.contains(property.name) {
            guard let member = storage[property.name] else { continue }
            if property.required {
                always.append(SwiftText.stringLiteral(property.name))
            } else {
                optional.append(
                    PresentMemberContext(storageName: member, keyLiteral: SwiftText.stringLiteral(property.name)))
            }
        }
        var additional: String?
        if case .typed = object.additionalProperties { additional = extraName }
        return PresenceCheckContext(
            declaration: optional.isEmpty && additional == nil ? "let" : "var",
            alwaysPresent: "[" + always.joined(separator: ", ") + "]", optionalMembers: optional,
            additionalMember: additional, rules: rules)
    }

    private func plan(_ property: Property, in type: TypeDecl, scope: inout NameScope) -> PropertyPlan {
        let name = StructMemberNames.claim(property, in: &scope)
        let storageName = property.deprecated == true ? scope.claim("_" + name) : name
        let target = property.type.nonOptional
        var baseType = mapping.swiftType(target)
        if recursion.needsBox(from: type.id, to: target) { baseType = "Indirect<\(baseType)>" }
        var nullable = property.type.isOptional
        if let body = inputBodies[type.id], body.propertyName == property.name {
            baseType = body.swiftType
            nullable = body.allowsNull
        }
        let literal = property.required ? nil : property.defaultValue.flatMap { defaultLiteral($0, for: target) }
        let coding: PropertyPlan.Coding
        let declared: String
        switch (property.required, nullable, literal) {
        case (true, false, _):
            coding = .required
            declared = baseType
        case (true, true, _):
            coding = .requiredNullable
            declared = baseType + "?"
        case (false, true, _):
            coding = .nullableOptional
            declared = "Nullable<\(baseType)>?"
        case (false, false, let literal?):
            coding = .defaulted(literal)
            declared = baseType
        case (false, false, nil):
            coding = .optional
            declared = baseType + "?"
        }
        return PropertyPlan(
            property: property, name: name, storageName: storageName, baseType: baseType,
            declaredType: declared, coding: coding, defaultLiteral: literal)
    }

    /// A member holding an `allOf` part that is a union.
    private struct WholeValue {
        var name: String
        var swiftType: String
    }

    /// What the written `init(from:)`/`encode(to:)` of a JSON object code (Struct.mustache writes
    /// them against the shared `DynamicCodingKey`, through the runtime's helpers that take the key
    /// as a string: `container.decode(String.self, "name")`). Written rather than synthesized
    /// because synthesis costs the build most: it declares a `CodingKeys` enum per type with
    /// its own `CodingKey`, `Hashable` and description conformances, about twenty functions a
    /// type that SILGen, IRGen and LLVM all go through (Benchmarks/RESULTS.md, target 1).
    private func writtenCoding(
        _ plans: [PropertyPlan], wholeValues: [WholeValue],
        extra: (name: String, valueType: String)?
    ) -> CodingContext {
        let keyed = !plans.isEmpty || extra != nil
        let properties = plans.map { plan in
            var property = CodedPropertyContext(
                storageName: plan.storageName, keyLiteral: SwiftText.stringLiteral(plan.property.name),
                baseType: plan.baseType, decodeMethod: "decode", encodeMethod: "encode", isRequired: false,
                isOptional: false, isNullable: false, defaultLiteral: nil)
            switch plan.coding {
            case .required:
                property.isRequired = true
            case .requiredNullable:
                property.isOptional = true
                (property.decodeMethod, property.encodeMethod) = ("decodeRequiredNullable", "encode")
            case .optional:
                property.isOptional = true
                (property.decodeMethod, property.encodeMethod) = ("decodeOptional", "encodeIfPresent")
            case .nullableOptional:
                property.isNullable = true
                (property.decodeMethod, property.encodeMethod) = ("decodeNullable", "encodeNullable")
            case .defaulted(let literal):
                property.defaultLiteral = literal
                property.decodeMethod = "decodeIfPresent"
            }
            return property
        }
        let additional = extra.map { extra in
            AdditionalMembersContext(
                name: extra.name, valueType: extra.valueType,
                knownKeys: plans.map { KeyLiteralContext(literal: SwiftText.stringLiteral($0.property.name)) })
        }
        return CodingContext(
            keyed: keyed,
            // An object with no members of its own still reads and writes a JSON object (`{}`), as
            // synthesized coding did, unless all of it is whole values coded through the decoder.
            checksObject: !keyed && wholeValues.isEmpty,
            codedProperties: properties,
            wholeValues: wholeValues.map { WholeValueCodingContext(name: $0.name, swiftType: $0.swiftType) },
            additionalMembers: additional)
    }

    /// A spec `default` as a Swift literal of the property's type; nil when it cannot be one
    /// (the property then stays optional and the default is only documented by the spec).
    func defaultLiteral(_ value: JSONValue, for ref: TypeRef) -> String? {
        switch (ref, value) {
        case (.primitive(.string, let format), .string(let text))
        where TypeMapping.primitive(.string, format: format) == "String":
            return SwiftText.stringLiteral(text)
        case (.primitive(.integer, _), .int(let number)):
            return String(number)
        case (.primitive(.number, _), .int(let number)):
            return String(number)
        case (.primitive(.number, _), .double(let number)) where number.isFinite:
            return String(number)
        case (.primitive(.boolean, _), .bool(let flag)):
            return flag ? "true" : "false"
        case (.array, .array(let items)) where items.isEmpty:
            return "[]"
        case (.named(let id), .string(let text)):
            guard case .enumeration(let enumeration)? = typesByID[id]?.kind, enumeration.rawType == .string,
                let swiftName = names.qualified[id]
            else { return nil }
            return "\(swiftName)(rawValue: \(SwiftText.stringLiteral(text)))"
        case (.named(let id), .int(let number)):
            guard case .enumeration(let enumeration)? = typesByID[id]?.kind, enumeration.rawType == .integer,
                let swiftName = names.qualified[id]
            else { return nil }
            return "\(swiftName)(rawValue: \(number))"
        default:
            return nil
        }
    }
}

/// The Swift names of a struct's properties, in one place: the struct emitter declares them and
/// the operation emitter refers to the input struct's members by the same names.
enum StructMemberNames {
    static func scope() -> NameScope { NameScope(reserved: ["CodingKeys"]) }

    static func claim(_ property: Property, in scope: inout NameScope) -> String {
        scope.claim(Naming.memberName(property.name))
    }

    static func names(for properties: [Property]) -> [String] {
        var scope = scope()
        return properties.map { claim($0, in: &scope) }
    }
}
