import SpecGenIR

/// Finds the types that contain themselves by value (directly or through other types): a Swift
/// struct cannot, so those properties are boxed in `Indirect`, and such unions become `indirect enum`s.
/// Arrays and dictionaries already store their elements out of line and break no cycle here.
struct RecursionAnalysis {
    /// Type id → the id of its strongly connected component, for types in a cycle.
    private var component: [String: Int] = [:]

    /// Aliases that contain themselves through other aliases and containers only
    /// (`Tree = [Tree]`, `Map = [String: Map]`): a Swift `typealias` cannot refer to itself, so
    /// these are emitted as a one-case enum, a nominal type that may.
    private(set) var recursiveAliases: Set<String> = []

    init(types: [TypeDecl]) {
        var edges: [String: [String]] = [:]
        for type in types { edges[type.id] = Self.directTargets(of: type) }
        var finder = CycleFinder(edges: edges)
        for id in types.map(\.id).sorted() { finder.visit(id) }
        component = finder.cyclic
        recursiveAliases = Self.recursiveAliases(in: types)
    }

    /// See `recursiveAliases`.
    static func recursiveAliases(in types: [TypeDecl]) -> Set<String> {
        var aliasEdges: [String: [String]] = [:]
        for type in types {
            if let target = Self.aliasTarget(of: type) { aliasEdges[type.id] = Self.namedTargets(in: target) }
        }
        var aliasFinder = CycleFinder(edges: aliasEdges)
        for id in aliasEdges.keys.sorted() { aliasFinder.visit(id) }
        return Set(aliasFinder.cyclic.keys)
    }

    /// The types emitted as a Swift `typealias`: the aliases that are not recursive. A typealias
    /// cannot hold nested types (`extension Alias` extends the aliased type, and `Alias.Member`
    /// inside the alias's own target makes it refer to itself), so `SwiftTypeNames` declares
    /// their children beside them.
    static func typealiasIDs(in types: [TypeDecl]) -> Set<String> {
        let recursive = recursiveAliases(in: types)
        return Set(types.filter { aliasTarget(of: $0) != nil && !recursive.contains($0.id) }.map(\.id))
    }

    /// What a type is emitted as a `typealias` of, if it is: an alias, or an object without
    /// properties whose members are all of one schema (`[String: Value]`).
    static func aliasTarget(of type: TypeDecl) -> TypeRef? {
        switch type.kind {
        case .alias(let target): return target
        case .object(let object) where object.properties.isEmpty && (object.wholeValueParts ?? []).isEmpty:
            if case .typed(let value) = object.additionalProperties { return .dictionary(value) }
            return nil
        default: return nil
        }
    }

    /// Every named type a type expression mentions, inside containers too.
    static func namedTargets(in ref: TypeRef) -> [String] {
        switch ref {
        case .named(let id): return [id]
        case .array(let inner), .dictionary(let inner), .optional(let inner): return namedTargets(in: inner)
        case .primitive, .untypedJSON: return []
        }
    }

    /// True when a value of `from` holding `to` by value closes a cycle.
    func needsBox(from: String, to ref: TypeRef) -> Bool {
        guard case .named(let target) = ref.nonOptional, let a = component[from], let b = component[target] else {
            return false
        }
        return a == b
    }

    func isRecursive(_ id: String) -> Bool { component[id] != nil }

    static func directTargets(of type: TypeDecl) -> [String] {
        func direct(_ ref: TypeRef) -> String? {
            if case .named(let id) = ref.nonOptional { return id }
            return nil
        }
        switch type.kind {
        case .object(let object):
            return (object.properties.map(\.type) + (object.wholeValueParts ?? [])).compactMap(direct)
        case .union(let union): return union.variants.compactMap(direct)
        case .alias(let ref): return direct(ref).map { [$0] } ?? []
        case .enumeration: return []
        }
    }
}

/// Tarjan's strongly connected components, iterative-free but bounded: type graphs are small.
private struct CycleFinder {
    let edges: [String: [String]]
    var index: [String: Int] = [:]
    var low: [String: Int] = [:]
    var stack: [String] = []
    var onStack: Set<String> = []
    var next = 0
    var componentCount = 0
    /// Types in a cycle (a component of two or more, or one that refers to itself).
    var cyclic: [String: Int] = [:]

    init(edges: [String: [String]]) {
        self.edges = edges
    }

    mutating func visit(_ id: String) {
        guard index[id] == nil else { return }
        index[id] = next
        low[id] = next
        next += 1
        stack.append(id)
        onStack.insert(id)
        for target in edges[id] ?? [] where edges[target] != nil {
            if index[target] == nil {
                visit(target)
                low[id] = min(low[id]!, low[target]!)
            } else if onStack.contains(target) {
                low[id] = min(low[id]!, index[target]!)
            }
        }
        guard low[id] == index[id] else { return }
        var members: [String] = []
        while let member = stack.popLast() {
            onStack.remove(member)
            members.append(member)
            if member == id { break }
        }
        if members.count > 1 || (edges[id] ?? []).contains(id) {
            for member in members { cyclic[member] = componentCount }
        }
        componentCount += 1
    }
}
