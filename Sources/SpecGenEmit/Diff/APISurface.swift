import SpecGenIR

/// The Swift API that `specgen generate` makes from a spec, as names and type spellings: what
/// user code can touch. Built from the same `GenerationPlan` and `ModelContextBuilder` the
/// emitters use, so every name here is the name in the generated files. `APIDiff` compares two.
package struct APISurface: Sendable, Codable, Equatable {
    /// One client method (and the handler protocol's method of the same name).
    package struct Operation: Sendable, Codable, Equatable {
        /// The Swift method name (`listImages`).
        package var name: String
        /// The `_ input:` parameter's type; nil when the method takes nothing.
        package var input: String?
        /// The return type (`ListImagesResponse`, `JSONValue`, `NoContent`, `Data`).
        package var output: String
    }

    /// Which way a type travels: what a client builds and a server reads (`request`), what a
    /// server builds and a client reads (`response`). A type no operation reaches counts as both.
    package enum Usage: String, Sendable, Codable, Equatable {
        case request, response, both
    }

    package enum Kind: String, Sendable, Codable, Equatable {
        case `struct`, `enum`, union, alias
    }

    package struct Property: Sendable, Codable, Equatable {
        package var name: String
        /// As declared: `String`, `Date?`, `Nullable<String>?`.
        package var type: String
        /// The memberwise initializer has no default for it: callers must pass it.
        package var needsArgument: Bool

        package var isOptional: Bool { type.hasSuffix("?") }
    }

    /// An enum case (`value`: its raw value literal) or a union case (`value`: its payload type).
    package struct Case: Sendable, Codable, Equatable {
        package var name: String
        package var value: String
    }

    package struct TypeInfo: Sendable, Codable, Equatable {
        /// The qualified Swift name (`Repository.ImageTagMutability`).
        package var name: String
        package var kind: Kind
        package var usage: Usage
        package var properties: [Property]
        package var cases: [Case]
        /// The target of an alias (`[String: JSONValue]`).
        package var aliasTarget: String?
    }

    /// Sorted by name.
    package var operations: [Operation]
    /// Sorted by qualified name.
    package var types: [TypeInfo]

    package init(operations: [Operation], types: [TypeInfo]) {
        self.operations = operations
        self.types = types
    }

    /// The API `Generator` would emit for `document` with `options` (filters and names apply).
    package init(document input: APIDocument, options: EmitOptions = EmitOptions()) {
        let plan = GenerationPlan(input, options: options)
        var builder = ModelContextBuilder(document: plan.document, names: plan.names, options: options)
        builder.inputBodies = plan.inputBodies
        let usage = UsageAnalysis(plan: plan)
        operations = plan.plans
            .map { Operation(name: $0.methodName, input: $0.inputTypeName, output: $0.responses.returnType) }
            .sorted { $0.name < $1.name }
        types = plan.document.types.compactMap { type -> TypeInfo? in
            guard let name = plan.names.qualified[type.id] else { return nil }
            return Self.typeInfo(type, name: name, usage: usage.usage(of: type.id), context: builder.context(for: type))
        }.sorted { $0.name < $1.name }
    }

    private static func typeInfo(_ type: TypeDecl, name: String, usage: Usage, context: TypeContext) -> TypeInfo {
        var info = TypeInfo(name: name, kind: .alias, usage: usage, properties: [], cases: [], aliasTarget: nil)
        if let structType = context.structType {
            info.kind = .struct
            let declared: [SpecGenIR.Property]
            if case .object(let object) = type.kind { declared = object.properties } else { declared = [] }
            info.properties = structType.properties.enumerated().map { index, property in
                // Only a required, non-nullable property has no default in the initializer
                // (`StructContextBuilder`); the extra `additionalProperties` member defaults to `[:]`.
                let needsArgument =
                    index < declared.count && declared[index].required && !declared[index].type.isOptional
                return Property(
                    name: property.deprecatedAccessor?.name ?? property.storageName,
                    type: property.type, needsArgument: needsArgument)
            }
        } else if let enumType = context.enumType {
            info.kind = .enum
            info.cases = enumType.cases.map { Case(name: $0.name, value: $0.literal) }
        } else if let union = context.unionType {
            info.kind = .union
            info.cases = union.cases.map { Case(name: $0.name, value: $0.type) }
        } else {
            info.aliasTarget = context.alias?.target
        }
        return info
    }
}

/// Which types each direction reaches: from parameters and request bodies (requests), and from
/// success responses (responses), through properties, union variants, alias targets and
/// additional properties.
private struct UsageAnalysis {
    var request: Set<String> = []
    var response: Set<String> = []

    init(plan: GenerationPlan) {
        let document = plan.document
        for operation in document.operations {
            var requestRoots = operation.parameters.map(\.type) + (operation.requestBody?.content.map(\.type) ?? [])
            if let input = plan.inputTypes[operation.id] { requestRoots.append(.named(input.id)) }
            let responseRoots = operation.responses.filter(\.isSuccess).flatMap { $0.content.map(\.type) }
            for root in requestRoots { Self.visit(root, document: document, into: &request) }
            for root in responseRoots { Self.visit(root, document: document, into: &response) }
        }
    }

    func usage(of id: String) -> APISurface.Usage {
        switch (request.contains(id), response.contains(id)) {
        case (true, false): return .request
        case (false, true): return .response
        default: return .both
        }
    }

    private static func visit(_ ref: TypeRef, document: APIDocument, into seen: inout Set<String>) {
        switch ref {
        case .array(let element), .dictionary(let element), .optional(let element):
            visit(element, document: document, into: &seen)
        case .primitive, .untypedJSON:
            return
        case .named(let id):
            guard seen.insert(id).inserted, let type = document.type(id) else { return }
            switch type.kind {
            case .object(let object):
                for property in object.properties { visit(property.type, document: document, into: &seen) }
                if case .typed(let value) = object.additionalProperties {
                    visit(value, document: document, into: &seen)
                }
            case .union(let union):
                for variant in union.variants { visit(variant, document: document, into: &seen) }
            case .alias(let target):
                visit(target, document: document, into: &seen)
            case .enumeration:
                return
            }
        }
    }
}
