import Foundation
import SpecGenIR

/// Which generated types check their values against the schema, and with which rules (issue 21).
///
/// A struct validates when one of its members has a rule or holds a type that validates, a union
/// when one of its variants does; an enum always does (decoding keeps a value the spec does not
/// list in `undocumented`, which a request may not send). Types without rules get no `validate`,
/// so validation costs nothing where the spec asks nothing; unless `responses` is on, neither do
/// types only a response holds. Rules are Swift literals of the runtime's `ValueRule`.
struct ValidationPlan {
    /// How one member is checked: `report.check(self.<member>, <rules>, at: <path>, <key>)`.
    struct MemberCheck: Equatable {
        /// `[.maxLength(256), .pattern("[a-z]+")]`, or `[]` when only the member's type has rules.
        var rulesLiteral: String
        /// The path the member's key is appended to: `path`, or `path.appending("query")` for an
        /// operation input's parameter.
        var pathExpression: String
        /// The member's key in the JSON pointer: the JSON key, or the parameter's wire name; nil
        /// for the additional properties, whose keys are the object's own.
        var keyLiteral: String?
    }

    /// The ids of the types that conform to `Validatable`.
    private(set) var validatedIDs: Set<String> = []
    let options: EmitOptions.Validation
    private let typesByID: [String: TypeDecl]
    /// Aliases that contain themselves, declared as one-case enums without rules.
    private let recursiveAliases: Set<String>
    private let mapping: TypeMapping
    /// For each operation input struct, each member's location and wire name (`query`, `limit`;
    /// the body member's location is `body`).
    private let inputMembers: [String: [String: (location: String, wireName: String)]]
    /// The input structs' body members that are no spec value (streams, parts, a media type choice).
    private let opaqueBodies: Set<String>

    init(
        document: APIDocument, mapping: TypeMapping, options: EmitOptions.Validation,
        inputMembers: [String: [String: (location: String, wireName: String)]], opaqueBodies: Set<String>,
        requestRoots: [TypeRef]
    ) {
        self.options = options
        self.mapping = mapping
        self.inputMembers = inputMembers
        self.opaqueBodies = opaqueBodies
        typesByID = Dictionary(document.types.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        recursiveAliases = RecursionAnalysis(types: document.types).recursiveAliases
        for type in document.types {
            if case .enumeration(let enumeration) = type.kind, !recursiveAliases.contains(type.id),
                enumeration.values.contains(where: { $0 != .null })
            {
                validatedIDs.insert(type.id)
            }
        }
        // Unless responses are checked too, only what a request can hold needs a `validate`.
        let checked = options.responses ? nil : Self.reachable(from: requestRoots, typesByID)
        if let checked { validatedIDs.formIntersection(checked) }
        // A struct validates when a member needs checking; members may hold structs found later.
        var changed = true
        while changed {
            changed = false
            for type in document.types where !validatedIDs.contains(type.id) && checked?.contains(type.id) != false {
                let validates: Bool
                switch type.kind {
                case .object(let object):
                    validates = isStruct(object) && (!checks(type, object).isEmpty || object.presence != nil)
                case .union(let union):
                    validates =
                        !recursiveAliases.contains(type.id)
                        && union.variants.indices.contains {
                            variantRules(union.variants[$0], union.variantConstraints?[$0]) != nil
                        }
                default: validates = false
                }
                if validates {
                    validatedIDs.insert(type.id)
                    changed = true
                }
            }
        }
    }

    /// The ids of every type a value of `roots` can hold, through members, elements, variants and aliases.
    private static func reachable(from roots: [TypeRef], _ typesByID: [String: TypeDecl]) -> Set<String> {
        var result: Set<String> = []
        var pending = roots
        while let next = pending.popLast() {
            switch next {
            case .optional(let wrapped), .array(let wrapped), .dictionary(let wrapped): pending.append(wrapped)
            case .primitive, .untypedJSON: continue
            case .named(let id):
                guard result.insert(id).inserted, let decl = typesByID[id] else { continue }
                switch decl.kind {
                case .object(let object):
                    pending += object.properties.map(\.type) + (object.wholeValueParts ?? [])
                    if case .typed(let value) = object.additionalProperties { pending.append(value) }
                case .union(let union): pending += union.variants
                case .alias(let target): pending.append(target)
                case .enumeration: continue
                }
            }
        }
        return result
    }

    /// A bare object is a dictionary alias (`ModelContextBuilder.context`), not a struct.
    private func isStruct(_ object: ObjectType) -> Bool {
        !(object.properties.isEmpty && (object.wholeValueParts ?? []).isEmpty
            && object.additionalProperties != .forbidden)
    }

    /// The checks of a struct's members, by property name, in declaration order; the typed
    /// additional properties' under `additionalProperties`.
    func checks(_ type: TypeDecl, _ object: ObjectType) -> [(property: String, check: MemberCheck)] {
        var result: [(property: String, check: MemberCheck)] = []
        let locations = inputMembers[type.id]
        for property in object.properties {
            let place = locations?[property.name]
            if place?.location == "body", opaqueBodies.contains(type.id) { continue }
            var rules = self.rules(property.constraints, property.type)
            if property.readOnly == true, options.readOnly == .reject { rules.append(".readOnly") }
            if property.writeOnly == true { rules.append(".writeOnly") }
            guard isCheckable(property.type), !rules.isEmpty || holdsValidated(property.type) else { continue }
            // A parameter sits under its location (`/query/limit`), the input's body under `/body`.
            var path = "path"
            if let place, place.location != "body" { path += ".appending(\(SwiftText.stringLiteral(place.location)))" }
            let key = place?.wireName ?? property.name
            let check = MemberCheck(
                rulesLiteral: "[" + rules.joined(separator: ", ") + "]", pathExpression: path,
                keyLiteral: SwiftText.stringLiteral(key))
            result.append((property.name, check))
        }
        if case .typed(let value) = object.additionalProperties {
            let rules = self.rules(nil, value)
            let names = Self.propertyNamesRule(type.constraints)
            if isCheckable(value), !rules.isEmpty || holdsValidated(value) || names != nil {
                let mapRules = [".values([" + rules.joined(separator: ", ") + "])"] + (names.map { [$0] } ?? [])
                result.append(
                    (
                        "additionalProperties",
                        MemberCheck(
                            rulesLiteral: "[" + mapRules.joined(separator: ", ") + "]", pathExpression: "path",
                            keyLiteral: nil)
                    ))
            }
        }
        return result
    }

    /// The runtime's `PresenceRule`s of an object as a Swift array literal, or nil when it has none:
    /// `[.oneOf([["image_url"], ["file_id"]]), .notAll(["image_url", "file_id"])]`.
    func presenceRules(_ object: ObjectType) -> String? {
        guard let presence = object.presence else { return nil }
        func list(_ keys: [String]) -> String { "[" + keys.map(SwiftText.stringLiteral).joined(separator: ", ") + "]" }
        func lists(_ sets: [[String]]) -> String { "[" + sets.map(list).joined(separator: ", ") + "]" }
        let rules = presence.map { rule in
            switch rule {
            case .anyOf(let sets): ".anyOf(\(lists(sets)))"
            case .oneOf(let sets): ".oneOf(\(lists(sets)))"
            case .notAll(let keys): ".notAll(\(list(keys)))"
            case .dependentRequired(let key, let requires):
                ".dependentRequired(\(SwiftText.stringLiteral(key)), \(list(requires)))"
            }
        }
        return "[" + rules.joined(separator: ", ") + "]"
    }

    /// The rules literal a union's case checks its value with, or nil when the variant has none.
    func variantRules(_ variant: TypeRef, _ constraints: ValueConstraints? = nil) -> String? {
        let rules = rules(constraints, variant)
        guard isCheckable(variant), !rules.isEmpty || holdsValidated(variant) else { return nil }
        return "[" + rules.joined(separator: ", ") + "]"
    }

    /// How a route checks an operation's input before its handler runs (and a client before it
    /// sends): the rules literal and the path, or nil when nothing is to be checked.
    func inputCheck(_ plan: OperationPlan, inputTypeID: String?) -> (rules: String, path: String)? {
        guard options.requests, plan.inputTypeName != nil else { return nil }
        if !plan.inputIsBody {
            guard let inputTypeID, validatedIDs.contains(inputTypeID) else { return nil }
            return ("[]", "ValidationPath()")
        }
        guard let body = plan.requestBody, body.choiceTypeName == nil, body.variants.first?.kind == .json,
            let content = plan.operation.requestBody?.content.first
        else { return nil }
        let rules = rules(content.constraints, content.type)
        guard isCheckable(content.type), !rules.isEmpty || holdsValidated(content.type) else { return nil }
        return ("[" + rules.joined(separator: ", ") + "]", #"ValidationPath(["body"])"#)
    }

    /// The rules at one place: its own constraints, then those of the aliases its type names,
    /// then its format; an array's and a map's element rules nested in `.items`/`.values`.
    func rules(_ own: ValueConstraints?, _ type: TypeRef) -> [String] {
        var constraints = own.map { [$0] } ?? []
        var current = type.nonOptional
        var seen: Set<String> = []
        // An alias that contains itself is a one-case enum in Swift, checked by nothing.
        while case .named(let id) = current, seen.insert(id).inserted, !recursiveAliases.contains(id),
            let decl = typesByID[id], case .alias(let target) = decl.kind
        {
            if let declared = decl.constraints { constraints.append(declared) }
            current = target.nonOptional
        }
        var rules: [String] = []
        for constraint in constraints {
            rules += Self.valueRules(constraint, for: current)
        }
        switch current {
        case .primitive(.string, let format?):
            if mapping.swiftType(current) == "String", let known = Self.checkedFormats[format] {
                rules.append(".format(.\(known))")
            }
        case .array(let element):
            let nested = self.rules(constraints.compactMap { $0.items?.constraints }.first, element)
            if !nested.isEmpty { rules.append(".items([" + nested.joined(separator: ", ") + "])") }
        case .dictionary(let value):
            let nested = self.rules(constraints.compactMap { $0.values?.constraints }.first, value)
            if !nested.isEmpty { rules.append(".values([" + nested.joined(separator: ", ") + "])") }
        default:
            break
        }
        var unique: [String] = []
        for rule in rules where !unique.contains(rule) { unique.append(rule) }
        return unique
    }

    /// `format` values checked on a `String`, with the `StringFormat` case of each.
    static let checkedFormats: [String: String] = [
        "email": "email", "uuid": "uuid", "date": "date", "date-time": "dateTime", "time": "time", "uri": "uri",
        "ipv4": "ipv4", "ipv6": "ipv6", "hostname": "hostname",
    ]

    /// The keywords of one schema that apply to a value of `type`'s kind.
    private static func valueRules(_ constraints: ValueConstraints, for type: TypeRef) -> [String] {
        var rules: [String] = []
        switch type {
        case .primitive(.string, _):
            if let bound = constraints.minLength, bound > 0 { rules.append(".minLength(\(bound))") }
            if let bound = constraints.maxLength { rules.append(".maxLength(\(bound))") }
            if let pattern = constraints.pattern { rules.append(".pattern(\(SwiftText.stringLiteral(pattern)))") }
        case .primitive(.integer, _), .primitive(.number, _):
            if let bound = constraints.minimum {
                rules.append(
                    constraints.exclusiveMinimum == true
                        ? ".exclusiveMinimum(\(number(bound)))" : ".minimum(\(number(bound)))")
            }
            if let bound = constraints.maximum {
                rules.append(
                    constraints.exclusiveMaximum == true
                        ? ".exclusiveMaximum(\(number(bound)))" : ".maximum(\(number(bound)))")
            }
            if let divisor = constraints.multipleOf { rules.append(".multipleOf(\(number(divisor)))") }
        case .array:
            if let bound = constraints.minItems, bound > 0 { rules.append(".minItems(\(bound))") }
            if let bound = constraints.maxItems { rules.append(".maxItems(\(bound))") }
            if constraints.uniqueItems == true { rules.append(".uniqueItems") }
        case .dictionary:
            if let bound = constraints.minProperties, bound > 0 { rules.append(".minProperties(\(bound))") }
            if let bound = constraints.maxProperties { rules.append(".maxProperties(\(bound))") }
            if let rule = propertyNamesRule(constraints) { rules.append(rule) }
        case .untypedJSON:
            // An untyped value keeps the rules of whatever kind it turns out to be.
            for kind in [
                TypeRef.primitive(.string, format: nil), .primitive(.number, format: nil), .array(.untypedJSON),
                .dictionary(.untypedJSON),
            ] {
                rules += valueRules(constraints, for: kind)
            }
        default:
            break
        }
        return rules
    }

    /// `.propertyNames([...])`: the string rules of `propertyNames`, or nil when it has none.
    private static func propertyNamesRule(_ constraints: ValueConstraints?) -> String? {
        guard let names = constraints?.propertyNames?.constraints else { return nil }
        let rules = valueRules(names, for: .primitive(.string, format: nil))
        return rules.isEmpty ? nil : ".propertyNames([" + rules.joined(separator: ", ") + "])"
    }

    /// A Swift `Double` literal: `256.0`, `0.01`, `1e+300`.
    private static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) + ".0" : "\(value)"
    }

    /// The Swift type conforms to `ConstrainedValue`: every value type but a struct or union without rules.
    private func isCheckable(_ type: TypeRef) -> Bool {
        switch type {
        case .optional(let wrapped): return isCheckable(wrapped)
        case .array, .dictionary, .primitive, .untypedJSON: return true
        case .named(let id):
            if validatedIDs.contains(id) { return true }
            if recursiveAliases.contains(id) { return false }
            guard let decl = typesByID[id] else { return true }  // unknown names map to `JSONValue`
            switch decl.kind {
            case .alias(let target): return isCheckable(target)
            case .object(let object): return !isStruct(object)
            case .enumeration, .union: return false  // validated ones returned above
            }
        }
    }

    /// The value holds, somewhere inside, a type that validates.
    private func holdsValidated(_ type: TypeRef, seen: Set<String> = []) -> Bool {
        switch type {
        case .optional(let wrapped), .array(let wrapped), .dictionary(let wrapped):
            return holdsValidated(wrapped, seen: seen)
        case .primitive, .untypedJSON: return false
        case .named(let id):
            if validatedIDs.contains(id) { return true }
            guard !seen.contains(id), !recursiveAliases.contains(id), case .alias(let target)? = typesByID[id]?.kind
            else { return false }
            return holdsValidated(target, seen: seen.union([id]))
        }
    }
}
