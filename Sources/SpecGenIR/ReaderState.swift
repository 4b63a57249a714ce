import SpecGenYAML

/// What a reader carries while it walks a spec: diagnostics, the ref resolver, the types made so
/// far and the refs seen (for the unused-components warning). One value, passed `inout`.
struct ReaderState {
    var diagnostics: [Diagnostic] = []
    var resolver: RefResolver
    var family: SpecVersion.Family
    var ids = TypeIDs()
    /// Declarations by id, finished.
    var types: [String: TypeDecl] = [:]
    /// Ref target key → type id, for every schema reached by a ref (set before its body is read,
    /// so a schema that contains itself refers to its own name: cycles stay named).
    var typeIDsByRef: [String: String] = [:]
    /// Ref target keys followed at least once.
    var referenced: Set<String> = []
    /// Where each security scheme was declared, for the unused-scheme warning.
    var securitySchemeMarks: [String: Mark] = [:]
    /// Every scheme name a `security` requirement uses, where it is written, for the undeclared-scheme warning.
    var securityRequirementMarks: [(name: String, mark: Mark)] = []
    /// Where each operation was written, in the order the readers append operations.
    var operationMarks: [Mark] = []
    /// Error responses declared as `application/problem+json`: their schema and where the status is,
    /// for the finisher's check that the server's own errors can be written in it.
    var problemResponses: [(type: TypeRef, status: String, mark: Mark)] = []
    /// Successes other than 204/205 without content, by `"operationID status"`: where each is and
    /// the media type AWS JSON would assume (`OperationParts.noteContentlessSuccess`).
    var contentlessSuccesses: [String: (mediaType: String, mark: Mark)] = [:]
    /// Where each webhook's and callback's operation was written, in the order they are read.
    var sentOperationMarks: [Mark] = []
    /// Property names of the schemas whose `oneOf`/`anyOf` variants are being read.
    var enclosingPropertyNames: Set<String> = []
    /// String formats already warned about as not checked (`SchemaReader.noteUncheckedFormat`).
    var uncheckedFormats: Set<String> = []
    /// Ref target keys whose schema has been (or is being) read.
    var started: Set<String> = []
    /// The spec's path as given: refs into it are written `#/…` in `TypeDecl.source`.
    let rootFile: String

    init(resolver: RefResolver, family: SpecVersion.Family, rootFile: String) {
        self.resolver = resolver
        self.family = family
        self.rootFile = rootFile
    }

    mutating func error(_ message: String, at mark: Mark) {
        diagnostics.append(Diagnostic(.error, at: mark, message))
    }

    mutating func warning(_ message: String, at mark: Mark) {
        diagnostics.append(Diagnostic(.warning, at: mark, message))
    }

    /// Follows a `$ref` node (recording the error and returning nil when it cannot).
    mutating func follow(_ refNode: Node) -> RefResolver.Target? {
        do {
            let target = try resolver.resolveChain(refNode)
            referenced.insert(target.key)
            return target
        } catch {
            diagnostics.append(error.diagnostic)
            return nil
        }
    }

    /// The node itself, or the node its `$ref` names (for parameters, responses, bodies, headers).
    mutating func dereference(_ node: Node) -> Node? {
        guard let ref = node["$ref"] else { return node }
        return follow(ref)?.node
    }

    /// `dereference` for an optional field: nil stays nil (and so does a ref that cannot be followed).
    mutating func dereferenced(_ node: Node?) -> Node? {
        node.flatMap { dereference($0) }
    }

    // MARK: Reading fields

    /// A string field; a warning (and nil) when it is there but not a string.
    mutating func string(_ node: Node, _ key: String) -> String? {
        guard let value = node[key], !value.isNull else { return nil }
        guard value.scalar != nil, case .string(let text)? = value.resolved else {
            if let scalar = value.scalar { return scalar.text }  // `version: 1.0` is still text
            warning("'\(key)' should be a string, not \(value.kindDescription); it is ignored", at: value.mark)
            return nil
        }
        return text
    }

    mutating func bool(_ node: Node, _ key: String) -> Bool? {
        guard let value = node[key], !value.isNull else { return nil }
        guard case .bool(let flag)? = value.resolved else {
            warning("'\(key)' should be true or false, not \(value.kindDescription); it is ignored", at: value.mark)
            return nil
        }
        return flag
    }

    /// A required string field: an error at the object's mark when missing.
    mutating func requiredString(_ node: Node, _ key: String, in what: String) -> String? {
        guard node[key] != nil else {
            error("\(what) has no '\(key)'", at: node.mark)
            return nil
        }
        return string(node, key)
    }

    /// A mapping's entries with string keys; a warning when the node is not a mapping.
    mutating func entries(_ node: Node?, _ what: String) -> [(String, Node, Node)] {
        guard let node, !node.isNull else { return [] }
        guard let entries = node.entries else {
            warning("\(what) should be a mapping, not \(node.kindDescription); it is ignored", at: node.mark)
            return []
        }
        return entries.map { ($0.key.text ?? "", $0.key, $0.value) }
    }

    /// A sequence's items; a warning when the node is not a sequence.
    mutating func items(_ node: Node?, _ what: String) -> [Node] {
        guard let node, !node.isNull else { return [] }
        guard let items = node.items else {
            warning("\(what) should be a sequence, not \(node.kindDescription); it is ignored", at: node.mark)
            return []
        }
        return items
    }

    /// A document's or an operation's `security`.
    mutating func security(_ node: Node?) -> [SecurityRequirement]? {
        guard let node else { return nil }
        var result: [SecurityRequirement] = []
        for item in items(node, "'security'") {
            var requirement: SecurityRequirement = [:]
            for (name, key, scopes) in entries(item, "a security requirement") {
                securityRequirementMarks.append((name, key.mark))
                requirement[name] = items(scopes, "scopes").compactMap(\.text)
            }
            result.append(requirement)
        }
        return result
    }
}
