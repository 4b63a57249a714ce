import SpecGenIR

/// The Swift name of every declared type: ids of the IR (`Repository.ImageScanningConfiguration`)
/// become safe, collision-free Swift paths. Top-level names share one scope with the client,
/// the handler protocol and the operation input types; a nested name is unique in its parent.
///
/// Every reference to a declared type is spelled as its full path from the top level, and Swift
/// resolves the first component of a path by looking outward from where it is written: through
/// the member types of the enclosing types first, then the module. So a nested type that shared
/// a name with a top-level type (`Droplet.Image` and `Image`) or with one of its enclosing types
/// (`ScanType.ScanType`) would capture references meant for the other. By construction that
/// cannot happen here: a nested type never takes a top-level name nor the name of a type that
/// encloses it, so every emitted path means the type it was made for, wherever it is written.
struct SwiftTypeNames {
    /// Type id → qualified Swift name (`Repository.ImageScanningConfiguration`).
    private(set) var qualified: [String: String] = [:]
    /// Type id → its own Swift name (the last component).
    private(set) var simple: [String: String] = [:]

    /// Names every generated file may use at top level, so no spec type can shadow them: the
    /// client and handler names as `Generator` spells them.
    static func reservedTopLevel(_ options: EmitOptions) -> Set<String> {
        [Naming.typeName(options.clientTypeName), Naming.typeName(options.handlerProtocolName)]
    }

    /// `synthetic`: types the generator declares per operation (`GetPetError`, `GetPetOkHeaders`),
    /// claimed at top level after the document's own, in the order given.
    init(types: [TypeDecl], options: EmitOptions, synthetic: [(id: String, name: String)] = []) {
        func wanted(_ type: TypeDecl) -> String {
            Naming.typeName(options.nameOverrides[type.id] ?? options.nameOverrides[type.name] ?? type.name)
        }
        // Ids sort parents before children, since a child's id starts with its parent's.
        let sorted = types.sorted(by: { $0.id < $1.id })
        // A type whose parent the document does not declare is emitted at top level.
        let declared = Set(types.map(\.id))
        func isTopLevel(_ type: TypeDecl) -> Bool { type.parent.map { !declared.contains($0) } ?? true }
        // First every top-level name, so a nested type (sorted earlier: "Droplet.Image" < "Image")
        // can never take one.
        var topLevel = NameScope(reserved: Self.reservedTopLevel(options))
        for type in sorted where isTopLevel(type) {
            let name = topLevel.claim(wanted(type))
            qualified[type.id] = name
            simple[type.id] = name
        }
        for type in synthetic {
            let name = topLevel.claim(type.name)
            qualified[type.id] = name
            simple[type.id] = name
        }
        let topLevelNames = Set(simple.values).union(Self.reservedTopLevel(options))
        var scopes: [String: NameScope] = [:]
        for type in sorted where !isTopLevel(type) {
            guard let parent = type.parent, let parentName = qualified[parent] else {
                // Unreachable while child ids extend their parent's; top level is always safe.
                let name = topLevel.claim(wanted(type))
                qualified[type.id] = name
                simple[type.id] = name
                continue
            }
            var scope =
                scopes[parent]
                ?? NameScope(
                    reserved: Set(parentName.split(separator: ".").map(String.init) + ["CodingKeys"]),
                    outer: topLevelNames)
            let name = scope.claim(wanted(type))
            scopes[parent] = scope
            qualified[type.id] = parentName + "." + name
            simple[type.id] = name
        }
    }
}
