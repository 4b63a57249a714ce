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
    /// With webhooks or callbacks, also their client and handler names.
    static func reservedTopLevel(_ options: EmitOptions, sendsWebhooks: Bool = false) -> Set<String> {
        var names = [Naming.typeName(options.clientTypeName), Naming.typeName(options.handlerProtocolName)]
        if sendsWebhooks { names += [options.webhooksClientTypeName, options.webhookHandlerProtocolName] }
        return Set(names)
    }

    /// Type id → the id of the type it is declared in; absent for a top-level type. The IR's
    /// parent, except that a type emitted as a `typealias` holds nothing: its children are
    /// declared where it is, named after it (`MetadataFieldFilterDateRangeAdditionalProperty`
    /// beside `typealias MetadataFieldFilterDateRange = [String: …]`), since inside it
    /// `typealias A = [String: A.AdditionalProperty]` would refer to itself.
    private(set) var enclosing: [String: String] = [:]

    /// `synthetic`: types the generator declares per operation (`GetPetError`, `GetPetOkHeaders`),
    /// claimed at top level after the document's own, in the order given.
    init(
        types: [TypeDecl], options: EmitOptions, synthetic: [(id: String, name: String)] = [],
        sendsWebhooks: Bool = false
    ) {
        let typealiases = RecursionAnalysis.typealiasIDs(in: types)
        // Ids sort parents before children, since a child's id starts with its parent's.
        let sorted = types.sorted(by: { $0.id < $1.id })
        // A type whose parent the document does not declare is emitted at top level.
        let declared = Set(types.map(\.id))
        var enclosing: [String: String] = [:]
        for type in sorted {
            guard let parent = type.parent, declared.contains(parent) else { continue }
            enclosing[type.id] = typealiases.contains(parent) ? enclosing[parent] : parent
        }
        self.enclosing = enclosing
        func wanted(_ type: TypeDecl) -> String {
            if let override = options.nameOverrides[type.id] ?? options.nameOverrides[type.name] {
                return Naming.typeName(override)
            }
            // Parents are named first (sorted), so a typealias's name is known when its children are.
            let prefix = type.parent.flatMap { typealiases.contains($0) ? simple[$0] : nil } ?? ""
            return prefix + Naming.typeName(type.name)
        }
        // First every top-level name, so a nested type (sorted earlier: "Droplet.Image" < "Image")
        // can never take one; the children of top-level typealiases are top-level too.
        var topLevel = NameScope(reserved: Self.reservedTopLevel(options, sendsWebhooks: sendsWebhooks))
        let isHoisted = { (type: TypeDecl) in type.parent.map(typealiases.contains) ?? false }
        for type in sorted where enclosing[type.id] == nil && !isHoisted(type) {
            let name = topLevel.claim(wanted(type))
            qualified[type.id] = name
            simple[type.id] = name
        }
        for type in sorted where enclosing[type.id] == nil && isHoisted(type) {
            let name = topLevel.claim(wanted(type))
            qualified[type.id] = name
            simple[type.id] = name
        }
        for type in synthetic {
            let name = topLevel.claim(type.name)
            qualified[type.id] = name
            simple[type.id] = name
        }
        let topLevelNames = Set(simple.values).union(Self.reservedTopLevel(options, sendsWebhooks: sendsWebhooks))
        var scopes: [String: NameScope] = [:]
        for type in sorted {
            guard let home = enclosing[type.id] else { continue }
            guard let homeName = qualified[home] else {
                // Unreachable while child ids extend their parent's; top level is always safe.
                let name = topLevel.claim(wanted(type))
                qualified[type.id] = name
                simple[type.id] = name
                continue
            }
            var scope =
                scopes[home]
                ?? NameScope(
                    reserved: Set(homeName.split(separator: ".").map(String.init) + ["CodingKeys"]),
                    outer: topLevelNames)
            let name = scope.claim(wanted(type))
            scopes[home] = scope
            qualified[type.id] = homeName + "." + name
            simple[type.id] = name
        }
    }
}
