/// What changes in the generated Swift API between two versions of a spec (`specgen diff`), each
/// change marked as breaking or not for code that uses the generated client (clients) and for
/// code that implements the generated handler protocol (servers).
///
/// "Breaking" means code written against the old generated API stops compiling, or a program
/// built from the old spec stops understanding one built from the new one. A type's side comes
/// from `APISurface.Usage`: a client builds requests and reads responses, a server reads
/// requests and builds responses; a type used both ways (or by no operation) gets both rules.
///
/// | Change                                | Breaks clients                         | Breaks servers                          |
/// |---------------------------------------|----------------------------------------|-----------------------------------------|
/// | operation added                       | no                                     | yes: one more handler method to write   |
/// | operation removed                     | yes: the client method is gone         | no: the handler's method is just unused |
/// | operation input or output changed     | yes                                    | yes                                     |
/// | operation's credentials changed       | no: helpers are middleware             | yes: the handler's parameters changed   |
/// | type added                            | no                                     | no                                      |
/// | type removed, kind or alias changed   | yes                                    | yes                                     |
/// | property added, optional or defaulted | no                                     | no                                      |
/// | property added, required              | in requests: callers must pass it      | in responses: handlers must fill it     |
/// | property removed, or type changed     | yes                                    | yes                                     |
/// | property became required              | in requests: callers must pass it      | in responses: handlers must fill it     |
/// | property became optional              | in responses: reads now get `T?`       | in requests: reads now get `T?`         |
/// | enum case added                       | no (see below)                         | no (see below)                          |
/// | enum case removed or value changed    | yes                                    | yes                                     |
/// | union case added                      | in responses: old code cannot decode it| in requests: old code cannot decode it  |
/// | union case removed or payload changed | yes                                    | yes                                     |
///
/// A new enum case is not breaking: generated enums decode an unknown value into
/// `.undocumented(value)`, so a program built from the old spec keeps working; only a `switch`
/// that lists every case without `default` needs the new one (the change says so). Unions have
/// no such fallback, hence the rule above. A property that loses its `?` in a type the side only
/// reads is not breaking (reads still compile, `if let` aside); one that gains it is.
package struct APIDiff: Sendable, Codable, Equatable {
    package struct Change: Sendable, Codable, Equatable {
        package enum Kind: String, Sendable, Codable, Equatable, CaseIterable {
            case operationAdded, operationRemoved, operationInputChanged, operationOutputChanged
            case operationCredentialsChanged
            case typeAdded, typeRemoved, typeKindChanged, aliasTargetChanged
            case propertyAdded, propertyRemoved, propertyTypeChanged, propertyBecameRequired, propertyBecameOptional
            case enumCaseAdded, enumCaseRemoved, enumCaseValueChanged
            case unionCaseAdded, unionCaseRemoved, unionCaseTypeChanged
        }

        package var kind: Kind
        /// What changed, as Swift spells it: `listImages`, `Repository`, `Repository.createdAt`, `TagStatus.any`.
        package var subject: String
        /// The old and new spelling (`String? → Date?`), or what was added or removed.
        package var detail: String
        package var breaksClients: Bool
        package var breaksServers: Bool
        /// Why, when the rule needs saying (a new enum case and exhaustive switches).
        package var note: String?
    }

    /// Operations first, then types, each sorted by subject.
    package var changes: [Change]

    package var breaksClients: Bool { changes.contains(where: \.breaksClients) }
    package var breaksServers: Bool { changes.contains(where: \.breaksServers) }

    package init(old: APISurface, new: APISurface) {
        var builder = ChangeCollector()
        builder.compareOperations(old.operations, new.operations)
        builder.compareTypes(old.types, new.types)
        // Operations first, then types; by subject, then by the order of `Kind`.
        func key(_ change: Change) -> (Int, String, Int) {
            let order = Change.Kind.allCases.firstIndex(of: change.kind) ?? 0
            return (change.kind.rawValue.hasPrefix("operation") ? 0 : 1, change.subject, order)
        }
        changes = builder.changes.sorted { key($0) < key($1) }
    }
}

/// Applies the table of `APIDiff` one declaration at a time.
private struct ChangeCollector {
    typealias Change = APIDiff.Change
    var changes: [Change] = []

    private mutating func add(
        _ kind: Change.Kind, _ subject: String, _ detail: String,
        client: Bool, server: Bool, note: String? = nil
    ) {
        changes.append(
            Change(
                kind: kind, subject: subject, detail: detail, breaksClients: client, breaksServers: server, note: note))
    }

    mutating func compareOperations(_ old: [APISurface.Operation], _ new: [APISurface.Operation]) {
        let oldByName = Dictionary(old.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let newByName = Dictionary(new.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for operation in old where newByName[operation.name] == nil {
            add(.operationRemoved, operation.name, signature(operation), client: true, server: false)
        }
        for operation in new {
            guard let before = oldByName[operation.name] else {
                add(.operationAdded, operation.name, signature(operation), client: false, server: true)
                continue
            }
            if before.input != operation.input {
                add(
                    .operationInputChanged, operation.name, "\(before.input ?? "none") → \(operation.input ?? "none")",
                    client: true, server: true)
            }
            if before.credentials != operation.credentials {
                add(
                    .operationCredentialsChanged, operation.name,
                    "(\(before.credentials.joined(separator: ", "))) → (\(operation.credentials.joined(separator: ", ")))",
                    client: false, server: true)
            }
            if before.output != operation.output {
                add(
                    .operationOutputChanged, operation.name, "\(before.output) → \(operation.output)", client: true,
                    server: true)
            }
        }
    }

    private func signature(_ operation: APISurface.Operation) -> String {
        let parameters = (operation.input.map { ["_ input: \($0)"] } ?? []) + operation.credentials
        return "\(operation.name)(\(parameters.joined(separator: ", "))) -> \(operation.output)"
    }

    mutating func compareTypes(_ old: [APISurface.TypeInfo], _ new: [APISurface.TypeInfo]) {
        let oldByName = Dictionary(old.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let newByName = Dictionary(new.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for type in old where newByName[type.name] == nil {
            add(.typeRemoved, type.name, type.kind.rawValue, client: true, server: true)
        }
        for type in new {
            guard let before = oldByName[type.name] else {
                add(.typeAdded, type.name, type.kind.rawValue, client: false, server: false)
                continue
            }
            guard before.kind == type.kind else {
                add(
                    .typeKindChanged, type.name, "\(before.kind.rawValue) → \(type.kind.rawValue)", client: true,
                    server: true)
                continue
            }
            let sides = Sides(before.usage, type.usage)
            switch type.kind {
            case .struct: compareProperties(type.name, before.properties, type.properties, sides: sides)
            case .enum: compareEnumCases(type.name, before.cases, type.cases)
            case .union: compareUnionCases(type.name, before.cases, type.cases, sides: sides)
            case .alias:
                if before.aliasTarget != type.aliasTarget {
                    add(
                        .aliasTargetChanged, type.name, "\(before.aliasTarget ?? "?") → \(type.aliasTarget ?? "?")",
                        client: true, server: true)
                }
            }
        }
    }

    /// Who builds a type's values and who reads them, from its usage in either version.
    private struct Sides {
        var clientBuilds = false, clientReads = false, serverBuilds = false, serverReads = false

        init(_ old: APISurface.Usage, _ new: APISurface.Usage) {
            for usage in [old, new] {
                if usage != .response {
                    clientBuilds = true
                    serverReads = true
                }
                if usage != .request {
                    serverBuilds = true
                    clientReads = true
                }
            }
        }
    }

    private mutating func compareProperties(
        _ owner: String, _ old: [APISurface.Property], _ new: [APISurface.Property], sides: Sides
    ) {
        let oldByName = Dictionary(old.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let newNames = Set(new.map(\.name))
        for property in old where !newNames.contains(property.name) {
            add(.propertyRemoved, "\(owner).\(property.name)", property.type, client: true, server: true)
        }
        for property in new {
            let subject = "\(owner).\(property.name)"
            guard let before = oldByName[property.name] else {
                let required = property.needsArgument
                add(
                    .propertyAdded, subject, property.type + (required ? " (required)" : ""),
                    client: required && sides.clientBuilds, server: required && sides.serverBuilds)
                continue
            }
            if base(before.type) != base(property.type) {
                add(.propertyTypeChanged, subject, "\(before.type) → \(property.type)", client: true, server: true)
                continue
            }
            let detail =
                "\(before.type)\(before.needsArgument ? " (required)" : "") → \(property.type)\(property.needsArgument ? " (required)" : "")"
            let gainsArgument = property.needsArgument && !before.needsArgument
            let gainsOptional = property.isOptional && !before.isOptional
            if gainsArgument || (before.isOptional && !property.isOptional) {
                add(
                    .propertyBecameRequired, subject, detail,
                    client: gainsArgument && sides.clientBuilds, server: gainsArgument && sides.serverBuilds)
            } else if gainsOptional || (before.needsArgument && !property.needsArgument) {
                add(
                    .propertyBecameOptional, subject, detail,
                    client: gainsOptional && sides.clientReads, server: gainsOptional && sides.serverReads)
            }
        }
    }

    /// The type without one trailing `?`: `String?` and `String` differ only in optionality.
    private func base(_ type: String) -> Substring {
        type.hasSuffix("?") ? type.dropLast() : Substring(type)
    }

    private mutating func compareEnumCases(_ owner: String, _ old: [APISurface.Case], _ new: [APISurface.Case]) {
        let oldByName = Dictionary(old.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let newNames = Set(new.map(\.name))
        for item in old where !newNames.contains(item.name) {
            add(.enumCaseRemoved, "\(owner).\(item.name)", item.value, client: true, server: true)
        }
        for item in new {
            if let before = oldByName[item.name] {
                if before.value != item.value {
                    add(
                        .enumCaseValueChanged, "\(owner).\(item.name)", "\(before.value) → \(item.value)", client: true,
                        server: true)
                }
            } else {
                add(
                    .enumCaseAdded, "\(owner).\(item.name)", item.value, client: false, server: false,
                    note: "older code decodes it as .undocumented; a switch without default needs the new case")
            }
        }
    }

    private mutating func compareUnionCases(
        _ owner: String, _ old: [APISurface.Case], _ new: [APISurface.Case], sides: Sides
    ) {
        let oldByName = Dictionary(old.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let newNames = Set(new.map(\.name))
        for item in old where !newNames.contains(item.name) {
            add(.unionCaseRemoved, "\(owner).\(item.name)", item.value, client: true, server: true)
        }
        for item in new {
            if let before = oldByName[item.name] {
                if before.value != item.value {
                    add(
                        .unionCaseTypeChanged, "\(owner).\(item.name)", "\(before.value) → \(item.value)", client: true,
                        server: true)
                }
            } else {
                add(
                    .unionCaseAdded, "\(owner).\(item.name)", item.value, client: sides.clientReads,
                    server: sides.serverReads)
            }
        }
    }
}
