import SpecGenYAML

/// The reusable components a document declares, so the ones nothing refers to can be reported.
struct ComponentRegistry {
    struct Entry {
        /// `schema`, `parameter`, … for the message.
        var kind: String
        var name: String
        var key: String
        var mark: Mark
    }

    var entries: [Entry] = []

    /// Records every entry of `node` (a components section) and returns them with their ref keys.
    mutating func register(_ node: Node?, at pointerPrefix: [String], kind: String, _ state: inout ReaderState) -> [(
        name: String, target: RefResolver.Target
    )] {
        var result: [(String, RefResolver.Target)] = []
        for (name, key, value) in state.entries(node, "'\(pointerPrefix.joined(separator: "/"))'") {
            let pointer = JSONPointer(tokens: pointerPrefix + [name])
            let refKey = RefResolver.absolute(state.rootFile).path + "#" + pointer.description
            entries.append(Entry(kind: kind, name: name, key: refKey, mark: key.mark))
            result.append((name, RefResolver.Target(node: value, key: refKey, file: state.rootFile, pointer: pointer)))
        }
        return result
    }

    /// Reserves component schema names as type ids (before any inline name is made) and reads them.
    mutating func readSchemas(_ node: Node?, at pointerPrefix: [String], _ state: inout ReaderState) {
        let schemas = register(node, at: pointerPrefix, kind: "schema", &state)
        for (name, target) in schemas {
            _ = state.ids.reserve(name)
            state.typeIDsByRef[target.key] = name
        }
        for (name, target) in schemas { SchemaReader.declare(name, target, &state) }
    }

    /// A warning for each component no `$ref` reached. Not for schemas: every component schema is
    /// generated as a public type whether or not an operation uses it, so nothing is lost.
    func reportUnused(_ state: inout ReaderState) {
        for entry in entries where entry.kind != "schema" && !state.referenced.contains(entry.key) {
            state.warning("\(entry.kind) '\(entry.name)' is never referenced", at: entry.mark)
        }
    }
}
