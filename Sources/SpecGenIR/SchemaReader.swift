import Foundation
import SpecGenYAML

/// Turns a schema node into a `TypeRef`, declaring the named types it needs in `state`.
/// Refs become `.named` references to one declaration per target, declared before its body is
/// read, so a schema that contains itself (directly or through others) stays a named reference.
enum SchemaReader {
    /// Keys that only annotate a `$ref` (allowed beside it in 3.1; ignored in 3.0 with a warning).
    static let annotationKeys: Set<String> = [
        "$ref", "description", "summary", "title", "deprecated", "readOnly", "writeOnly",
        "default", "example", "examples", "nullable", "x-nullable",
    ]

    static func typeRef(_ node: Node, _ hint: NameHint, _ state: inout ReaderState) -> TypeRef {
        guard let entries = node.entries else {
            if case .bool? = node.resolved { return .untypedJSON }  // 3.1 boolean schema
            state.warning(
                "a schema should be a mapping, not \(node.kindDescription); any JSON value is accepted", at: node.mark)
            return .untypedJSON
        }
        ExampleChecker.checkSchemaExamples(node, &state)
        noteUncheckedKeywords(node, &state)
        state.warnUnusedAdditions(node["xml"], .xml)
        let nullable = isNullable(node)
        func wrap(_ type: TypeRef) -> TypeRef { nullable && !type.isOptional ? .optional(type) : type }

        if let ref = node["$ref"] {
            let extra = entries.filter {
                !annotationKeys.contains($0.key.text ?? "") && !($0.key.text ?? "").hasPrefix("x-")
            }
            if !extra.isEmpty {
                if state.family.refSiblingsApply {
                    // 3.1: `$ref` with schema keywords beside it means both apply, as `allOf` would.
                    return wrap(
                        allOf(
                            parts: [
                                Node(
                                    .mapping([MappingEntry(key: keyNode("$ref", ref.mark), value: ref)]),
                                    mark: node.mark),
                                Node(.mapping(extra), mark: node.mark),
                            ],
                            own: nil, node, hint, &state))
                }
                state.warning(
                    "keys beside '$ref' are ignored before OpenAPI 3.1: \(extra.compactMap(\.key.text).joined(separator: ", "))",
                    at: extra[0].key.mark)
            }
            return wrap(namedRef(ref, &state))
        }
        if node["const"] != nil || node["enum"] != nil {
            return wrap(enumeration(node, hint, &state))
        }
        if node["allOf"] != nil {
            return wrap(allOf(parts: state.items(node["allOf"], "'allOf'"), own: node, node, hint, &state))
        }
        if node["oneOf"] != nil || node["anyOf"] != nil {
            // `required` lists to choose among are a rule on the object's keys, not a type.
            if isPresenceChoice(node) { return wrap(object(node, hint, &state)) }
            return wrap(union(node, hint, &state))
        }
        let types = typeNames(node)
        if types.count > 1 { return wrap(.untypedJSON) }
        switch types.first {
        case "object"?:
            return wrap(object(node, hint, &state))
        case nil where node["properties"] != nil || node["additionalProperties"] != nil:
            return wrap(object(node, hint, &state))
        case "array"?:
            guard let items = node["items"] else { return wrap(.array(.untypedJSON)) }
            return wrap(.array(typeRef(items, hint.suffixed("Item"), &state)))
        case let name? where TypeRef.Primitive(rawValue: name) != nil:
            let format = state.string(node, "format")
            if name == "string", let format { noteUncheckedFormat(format, at: node["format"]!.mark, &state) }
            return wrap(.primitive(TypeRef.Primitive(rawValue: name)!, format: format))
        case "file"?:  // Swagger 2.0 upload
            return wrap(.primitive(.string, format: "binary"))
        case "null"?, nil:
            return .untypedJSON
        case let name?:
            state.warning("unknown schema type '\(name)'; any JSON value is accepted", at: node["type"]!.mark)
            return .untypedJSON
        }
    }

    /// A ref to a schema: `.named(id)` of the one declaration for its target.
    static func namedRef(_ ref: Node, _ state: inout ReaderState) -> TypeRef {
        guard let target = state.follow(ref) else { return .untypedJSON }
        let id: String
        if let known = state.typeIDsByRef[target.key] {
            id = known
        } else {
            // A whole file (`pet.yaml`) is named after the file; anything else after its last key.
            let last =
                target.pointer.tokens.last
                ?? TypeNaming.upperCamel(
                    ((target.file as NSString).lastPathComponent as NSString).deletingPathExtension)
            id = state.ids.unique(last)
            state.typeIDsByRef[target.key] = id
        }
        declare(id, target, &state)
        // A nullable component declared as itself (object, enum, union) is optional where it is used;
        // a nullable alias (`String?`) already is.
        if isNullable(target.node), state.types[id].map({ if case .alias = $0.kind { false } else { true } }) ?? true {
            return .optional(.named(id))
        }
        return .named(id)
    }

    /// Reads the schema a ref target holds into the declaration `id`, once.
    static func declare(_ id: String, _ target: RefResolver.Target, _ state: inout ReaderState) {
        guard state.started.insert(target.key).inserted else { return }
        let type = typeRef(target.node, .component(id), &state)
        // `.optional(.named(id))`: a nullable schema that declared itself under `id`; an alias
        // would replace that declaration with `id = id?` (namedRef adds the `?` instead).
        if type != .named(id) && type != .optional(.named(id)) {
            var decl = TypeDecl(id: id, name: id, parent: nil, kind: .alias(type))
            annotate(&decl, target.node, &state)
            state.types[id] = decl
        }
        let file = target.file == state.rootFile ? "" : (target.file as NSString).lastPathComponent
        state.types[id]?.source = file + "#" + target.pointer.description
    }

    /// The id a new declaration takes: reserved for components, otherwise unique from the hint.
    static func declareID(_ hint: NameHint, _ state: inout ReaderState) -> String {
        if let reserved = hint.reservedID { return reserved }
        return state.ids.unique(hint.parent.map { "\($0).\(hint.name)" } ?? hint.name)
    }

    /// Stores a declaration with the schema's description, deprecation and extensions.
    static func store(_ id: String, _ hint: NameHint, _ kind: TypeDecl.Kind, _ node: Node, _ state: inout ReaderState) {
        var decl = TypeDecl(id: id, name: hint.reservedID ?? hint.name, parent: hint.parent, kind: kind)
        annotate(&decl, node, &state)
        state.types[id] = decl
    }

    static func annotate(_ decl: inout TypeDecl, _ node: Node, _ state: inout ReaderState) {
        decl.summary = state.string(node, "title")
        decl.description = state.string(node, "description")
        decl.deprecated = state.bool(node, "deprecated")
        decl.extensions = node.extensions
        decl.example = example(node)
        decl.constraints = constraints(node, &state)
    }

    /// The string formats generated validation checks, or that decoding checks (`date-time` as
    /// `Date`, `byte` as `Data`), or that only tell a tool how to show the value (`password`).
    static let knownStringFormats: Set<String> = [
        "email", "uuid", "date", "date-time", "time", "uri", "ipv4", "ipv6", "hostname", "byte", "binary", "password",
    ]

    /// A string `format` nothing checks: one warning per distinct format, where it is first used.
    static func noteUncheckedFormat(_ format: String, at mark: Mark, _ state: inout ReaderState) {
        guard !knownStringFormats.contains(format), state.uncheckedFormats.insert(format).inserted else { return }
        state.warning(
            "format '\(format)' is not checked by generated validation (SpecGen checks "
                + "email, uuid, date, date-time, time, uri, ipv4, ipv6 and hostname); any string is accepted",
            at: mark)
    }

    /// `nullable: true` (3.0), `x-nullable: true` (2.0), `type: [T, "null"]` (3.1).
    static func isNullable(_ node: Node) -> Bool {
        if node["nullable"]?.resolved == .bool(true) || node["x-nullable"]?.resolved == .bool(true) { return true }
        return node["type"]?.items?.contains { $0.text == "null" } ?? false
    }

    /// The `type` names other than "null".
    static func typeNames(_ node: Node) -> [String] {
        guard let type = node["type"] else { return [] }
        if let items = type.items { return items.compactMap(\.text).filter { $0 != "null" } }
        return type.text.map { [$0] } ?? []
    }

    static func keyNode(_ text: String, _ mark: Mark) -> Node {
        Node(.scalar(Scalar(text: text, style: .plain)), mark: mark)
    }
}
