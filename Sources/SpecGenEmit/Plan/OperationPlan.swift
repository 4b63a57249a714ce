import SpecGenIR

/// What the emitters decided about one operation: its Swift method, its input (the request body
/// itself when that is all the caller passes, as for AWS JSON operations, else an `…Input`
/// struct of parameters and `body`), and its output.
struct OperationPlan {
    struct PlannedParameter {
        var wireName: String
        /// Where it travels; the `ClientRequest`/`ServerRequest` method of the same name handles it.
        var location: Parameter.Location
        var swiftName: String
        var required: Bool
        /// The Swift type without `?`, as the server reads it (`Int`, `[String]`, `TagStatus`).
        var valueType: String
        /// The declared style, or the location's default (`form` for query and cookie, else `simple`).
        var style: Parameter.Style
        /// The declared explode flag, or OpenAPI's default: only `form` (and `deepObject`) explode.
        var explode: Bool
        /// Declared with `content: application/json` in the query or a header: the value travels as JSON text.
        var isJSONContent: Bool
    }

    var operation: Operation
    var methodName: String
    var parameters: [PlannedParameter]
    var inputTypeName: String?
    var inputIsBody: Bool
    /// The request body's media types and how each travels (see `RequestBodyPlan`).
    var requestBody: RequestBodyPlan?
    /// `input` or `input.body`, as the client passes the body.
    var bodyExpression: String?
    /// The input struct's member holding the body (`body`, or `requestBody` when a parameter
    /// is called `body`).
    var bodyMemberName: String?
    var responses: ResponsePlan
}

/// Makes the plans, in two steps: the input structs are types of the document (they need names
/// like every other type), then the plans refer to the names given.
enum OperationPlanner {
    /// The synthetic `…Input` types of operations that take parameters, keyed by operation id.
    static func inputTypes(for operations: [Operation], document: APIDocument) -> [String: TypeDecl] {
        var used = Set(document.types.map(\.id))
        var result: [String: TypeDecl] = [:]
        // Keyed by id, so only the first operation of an id has one (a reused id is a reader error;
        // `plans` must not pair an input type with another operation's parameters).
        var ids = Set<String>()
        for operation in operations
        where ids.insert(operation.id).inserted
            && !operation.parameters.isEmpty
        {
            var id = Naming.typeName(operation.id) + "Input"
            var counter = 2
            while used.contains(id) {
                id = Naming.typeName(operation.id) + "Input\(counter)"
                counter += 1
            }
            used.insert(id)
            // The struct's members must be unique although a path and a query parameter may share
            // a name (Kubernetes' `path`), or a parameter be called `body`: a later one is named
            // by its location too (`query_path` → `queryPath`).
            var keys = PropertyKeys()
            var properties = operation.parameters.map { parameter in
                let key = keys.claim(parameter.name, qualifier: parameter.location.rawValue)
                var property = Property(
                    name: key, type: parameterType(parameter, document: document),
                    required: parameter.required)
                property.description = parameter.description
                property.constraints = parameter.constraints
                return property
            }
            if let body = operation.requestBody, let content = body.content.first {
                // The member's Swift type is the body plan's (`InputBodyMember`): a body that is not
                // JSON, or that the caller picks the media type of, is no spec schema.
                let type = content.type
                var property = Property(
                    name: keys.claim("body", qualifier: "request"), type: type, required: body.required)
                property.description = body.description
                property.constraints = content.constraints
                properties.append(property)
            }
            var type = TypeDecl(
                id: id, name: id, parent: nil,
                kind: .object(ObjectType(properties: properties, additionalProperties: .forbidden)))
            type.description = "The inputs of `\(operation.id)`."
            result[operation.id] = type
        }
        return result
    }

    static func plans(
        for operations: [Operation], inputTypes: [String: TypeDecl], responseLayouts: [ResponsePlanner.Layout],
        names: SwiftTypeNames, mapping: TypeMapping, document: APIDocument, bodies: inout RequestBodyPlanner
    ) -> [OperationPlan] {
        var methods = NameScope()
        var ids = Set<String>()
        return zip(operations, responseLayouts).map { operation, layout in
            let firstOfID = ids.insert(operation.id).inserted
            let methodName = methods.claim(Naming.memberName(operation.id))
            let body = bodies.plan(operation)
            var plan = OperationPlan(
                operation: operation, methodName: methodName, parameters: [], inputTypeName: nil, inputIsBody: false,
                requestBody: body, bodyExpression: nil, bodyMemberName: nil,
                responses: ResponsePlanner.plan(
                    layout, named: firstOfID, names: names, mapping: mapping, document: document,
                    bodies: &bodies))
            if firstOfID, let inputType = inputTypes[operation.id], let typeName = names.qualified[inputType.id],
                case .object(let object) = inputType.kind
            {
                let swiftNames = StructMemberNames.names(for: object.properties)
                plan.inputTypeName = typeName
                let supported = operation.parameters
                plan.parameters = zip(supported, swiftNames).map { parameter, swiftName in
                    let style = parameter.style ?? defaultStyle(parameter.location)
                    return OperationPlan.PlannedParameter(
                        wireName: parameter.name, location: parameter.location, swiftName: swiftName,
                        required: parameter.required,
                        valueType: mapping.swiftType(parameterType(parameter, document: document).nonOptional),
                        style: style, explode: parameter.explode ?? (style == .form || style == .deepObject),
                        isJSONContent: isJSONContent(parameter))
                }
                if body != nil {
                    plan.bodyMemberName = swiftNames[supported.count]
                    plan.bodyExpression = "input." + swiftNames[supported.count]
                }
            } else if let body {
                // The body is the whole input: callers pass the request type itself (a JSON body
                // as its schema's type, `?` when it may be null, as AWS JSON operations take it).
                plan.inputTypeName = body.wholeInputType
                plan.inputIsBody = true
                plan.bodyExpression = "input"
            }
            return plan
        }
    }

    /// OpenAPI's default style: `form` for query and cookie, `simple` for path and header. A
    /// form-urlencoded `querystring` is an exploded `form` object: `tag=a&limit=2`.
    static func defaultStyle(_ location: Parameter.Location) -> Parameter.Style {
        switch location {
        case .query, .cookie, .querystring: return .form
        case .path, .header: return .simple
        }
    }

    /// A query, querystring or header parameter declared with JSON `content`: its value is JSON text, any type.
    static func isJSONContent(_ parameter: Parameter) -> Bool {
        guard let media = parameter.contentMediaType,
            [.query, .querystring, .header].contains(parameter.location)
        else { return false }
        return isJSON(media)
    }

    /// A parameter's Swift value type: any type for JSON content; a named object (its properties
    /// spread by the style, as `deepObject` or exploded `form` do); else as `parameterType(_:document:)`.
    static func parameterType(_ parameter: Parameter, document: APIDocument) -> TypeRef {
        if isJSONContent(parameter) { return parameter.type.nonOptional }
        if case .named(let id) = parameter.type.nonOptional, case .object? = document.type(id)?.kind {
            return parameter.type.nonOptional
        }
        return parameterType(parameter.type, document: document)
    }

    /// Parameters travel as text: primitives (but raw bytes), string/integer enums and arrays of
    /// them. Anything else (objects, untyped JSON) is passed as its serialized text.
    static func parameterType(_ ref: TypeRef, document: APIDocument) -> TypeRef {
        func travelsAsText(_ ref: TypeRef) -> Bool {
            switch ref.nonOptional {
            case .primitive(.string, "byte"?), .primitive(.string, "binary"?): return false
            case .primitive: return true
            case .named(let id):
                if case .enumeration? = document.type(id)?.kind { return true }
                if case .alias(let target)? = document.type(id)?.kind { return travelsAsText(target) }
                return false
            default: return false
            }
        }
        if case .array(let element) = ref.nonOptional {
            return travelsAsText(element) ? ref.nonOptional : .primitive(.string, format: nil)
        }
        // An array component by `$ref` (`Colors: {type: array, items: …}`) is its alias, and an
        // array like the inline one: left as the alias, not flattened to one text value.
        if case .named(let id) = ref.nonOptional, case .alias(let target)? = document.type(id)?.kind,
            case .array(let element) = target.nonOptional
        {
            return travelsAsText(element) ? ref.nonOptional : .primitive(.string, format: nil)
        }
        return travelsAsText(ref) ? ref.nonOptional : .primitive(.string, format: nil)
    }

    /// JSON first, then the first declared media type.
    static func preferredContent(_ content: [MediaContent]) -> MediaContent? {
        content.first { isJSON($0.mediaType) } ?? content.first
    }

    static func isJSON(_ mediaType: String) -> Bool {
        let lowered = mediaType.lowercased()
        return lowered.contains("json") || lowered == "*/*"
    }
}

/// Unique JSON keys for the members of a synthetic input struct.
private struct PropertyKeys {
    private var used: Set<String> = []

    /// `name`; when taken, `qualifier_name`; then `qualifier_name2`, `qualifier_name3`, ….
    mutating func claim(_ name: String, qualifier: String) -> String {
        if used.insert(name).inserted { return name }
        let qualified = qualifier + "_" + name
        var candidate = qualified
        var counter = 2
        while !used.insert(candidate).inserted {
            candidate = qualified + String(counter)
            counter += 1
        }
        return candidate
    }
}
