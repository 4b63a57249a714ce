import SpecGenIR

/// The document as every emitter sees it, before any template runs: operations filtered by the
/// options, the synthetic `…Input` types added, every type's Swift name, and each operation's
/// plan (method, input, output). `Generator` renders it; `APISurface` describes it.
struct GenerationPlan {
    /// The filtered document with the input types appended.
    var document: APIDocument
    /// The synthetic `…Input` types of operations that take parameters, by operation id.
    var inputTypes: [String: TypeDecl]
    var names: SwiftTypeNames
    var mapping: TypeMapping
    var plans: [OperationPlan]
    /// The body member of each input struct, typed by its body plan.
    var inputBodies: [String: InputBodyMember]
    /// The ids of every synthetic `…Input` type (operations', webhooks' and callbacks').
    var inputTypeIDs: Set<String>
    /// The webhooks and callbacks (`APIDocument.sentOperations`), planned like operations: the
    /// webhooks client sends them, the webhook handler receives them.
    var sentPlans: [OperationPlan]
    /// Which types check their values, with which rules; nil when `options.validation` is off.
    var validation: ValidationPlan?

    init(_ input: APIDocument, options: EmitOptions) {
        var document = input
        let kept = document
        document.operations = document.operations.filter { Self.keeps($0, options: options, in: kept) }
        document.webhooks = document.webhooks.filter { Self.keeps($0, options: options, in: kept) }
        inputTypes = OperationPlanner.inputTypes(for: document.operations, document: document)
        document.types += inputTypes.values.sorted { $0.id < $1.id }
        // After the operations' input types, so theirs keep their names and these avoid them.
        // A callback goes with its operation, whatever its own id and tags.
        let sent = document.sentOperations
        let sentInputTypes = OperationPlanner.inputTypes(for: sent, document: document)
        document.types += sentInputTypes.values.sorted { $0.id < $1.id }
        // Response types (errors, outputs, headers) are named like input types, after the document's.
        var seen = Set<String>()
        let typedErrors = document.protocol.kind == .rest
        let layouts = document.operations.map { ResponsePlanner.layout($0, typedErrors: typedErrors) }
        let sentLayouts = sent.map { ResponsePlanner.layout($0, typedErrors: typedErrors) }
        let synthetic = zip(document.operations + sent, layouts + sentLayouts).flatMap { operation, layout in
            seen.insert(operation.id).inserted ? ResponsePlanner.syntheticTypes(layout) : []
        }
        names = SwiftTypeNames(
            types: document.types, options: options, synthetic: synthetic, sendsWebhooks: !sent.isEmpty)
        mapping = TypeMapping(names: names)
        // One planner for operations and webhooks: the part and choice enums they name never collide.
        var bodies = RequestBodyPlanner(document: document, names: names, mapping: mapping, options: options)
        plans = OperationPlanner.plans(
            for: document.operations, inputTypes: inputTypes, responseLayouts: layouts, names: names,
            mapping: mapping, document: document, bodies: &bodies)
        sentPlans = OperationPlanner.plans(
            for: sent, inputTypes: sentInputTypes, responseLayouts: sentLayouts, names: names, mapping: mapping,
            document: document, bodies: &bodies)
        inputTypeIDs = Set(inputTypes.values.map(\.id)).union(sentInputTypes.values.map(\.id))
        inputBodies = InputBodyMember.members(
            plans + sentPlans, inputTypes: inputTypes.merging(sentInputTypes) { first, _ in first })
        self.document = document
        if !options.validation.isOff {
            validation = Self.validationPlan(
                document: document, mapping: mapping, options: options.validation,
                inputTypes: Array(inputTypes) + Array(sentInputTypes), operations: document.operations + sent,
                inputBodies: inputBodies)
        }
    }

    /// The validation plan, told where each input struct member travels (`query` + its wire name,
    /// `body`) and which input bodies are no schema value.
    private static func validationPlan(
        document: APIDocument, mapping: TypeMapping, options: EmitOptions.Validation,
        inputTypes: [(key: String, value: TypeDecl)], operations: [Operation],
        inputBodies: [String: InputBodyMember]
    ) -> ValidationPlan {
        var operationsByID: [String: Operation] = [:]
        for operation in operations where operationsByID[operation.id] == nil {
            operationsByID[operation.id] = operation
        }
        var members: [String: [String: (location: String, wireName: String)]] = [:]
        for (operationID, type) in inputTypes {
            guard let operation = operationsByID[operationID], case .object(let object) = type.kind else { continue }
            var places: [String: (location: String, wireName: String)] = [:]
            for (property, parameter) in zip(object.properties, operation.parameters) {
                places[property.name] = (parameter.location.rawValue, parameter.name)
            }
            if operation.requestBody != nil, let body = object.properties.last, places[body.name] == nil {
                places[body.name] = ("body", "body")
            }
            members[type.id] = places
        }
        let opaque = Set(inputBodies.filter { !$0.value.isSchemaValue }.keys)
        let roots =
            inputTypes.map { TypeRef.named($0.value.id) }
            + operations.flatMap { ($0.requestBody?.content ?? []).map(\.type) }
        return ValidationPlan(
            document: document, mapping: mapping, options: options, inputMembers: members, opaqueBodies: opaque,
            requestRoots: roots)
    }

    /// The operation filter, tag filter and `skipDeprecated` of the options. A tag in the filter
    /// keeps the operations of the tags nested in it too (OpenAPI 3.2 `parent`).
    static func keeps(_ operation: Operation, options: EmitOptions, in document: APIDocument) -> Bool {
        if options.skipDeprecated && operation.deprecated == true { return false }
        if let filter = options.operationFilter, !filter.contains(operation.id) { return false }
        if let tags = options.tagFilter,
            !(operation.tags ?? []).contains(where: { !tags.isDisjoint(with: document.tagWithAncestors($0)) })
        {
            return false
        }
        return true
    }
}
