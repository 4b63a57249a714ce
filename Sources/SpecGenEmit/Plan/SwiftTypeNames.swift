import SpecGenIR

/// The Swift name of every declared type: ids of the IR (`Repository.ImageScanningConfiguration`)
/// become safe, collision-free Swift paths. Top-level names share one scope with the client,
/// the handler protocol and the operation input types; a nested name is unique in its parent.
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

    init(types: [TypeDecl], options: EmitOptions) {
        var topLevel = NameScope(reserved: Self.reservedTopLevel(options))
        var scopes: [String: NameScope] = [:]
        // Parents before children: ids sort so, since a child's id starts with its parent's.
        for type in types.sorted(by: { $0.id < $1.id }) {
            let wanted = options.nameOverrides[type.id] ?? options.nameOverrides[type.name] ?? type.name
            let name: String
            if let parent = type.parent, let parentName = qualified[parent] {
                var scope = scopes[parent] ?? NameScope(reserved: ["CodingKeys"])
                name = scope.claim(Naming.typeName(wanted))
                scopes[parent] = scope
                qualified[type.id] = parentName + "." + name
            } else {
                name = topLevel.claim(Naming.typeName(wanted))
                qualified[type.id] = name
            }
            simple[type.id] = name
        }
    }
}
