import SpecGenYAML

/// Swagger 2.0 → the same IR a 3.x document describing the same API gives: `body` and
/// `formData` parameters become a request body per `consumes` media type, response schemas a
/// content entry per `produces` media type, `collectionFormat` a style, `securityDefinitions`
/// security schemes.
enum Swagger2Reader {
    static func read(_ root: Node, version: SpecVersion, _ state: inout ReaderState) -> APIDocument {
        var document = APIDocument(specVersion: version, info: InfoReader.info(root, &state))
        document.extensions = root.extensions
        document.tags = InfoReader.tags(root["tags"], &state)
        let basePath = state.string(root, "basePath") ?? ""
        if let host = state.string(root, "host") {
            let schemes = state.items(root["schemes"], "'schemes'").compactMap(\.text)
            document.servers = (schemes.isEmpty ? ["https"] : schemes).map { Server(url: "\($0)://\(host)\(basePath)") }
        } else if !basePath.isEmpty {
            document.servers = [Server(url: basePath)]
        }
        let media = MediaTypes(
            consumes: mediaTypes(root, "consumes", &state) ?? ["application/json"],
            produces: mediaTypes(root, "produces", &state) ?? ["application/json"])
        var components = ComponentRegistry()
        components.readSchemas(root["definitions"], at: ["definitions"], &state)
        _ = components.register(root["parameters"], at: ["parameters"], kind: "parameter", &state)
        _ = components.register(root["responses"], at: ["responses"], kind: "response", &state)
        for (name, key, node) in state.entries(root["securityDefinitions"], "'securityDefinitions'") {
            state.securitySchemeMarks[name] = key.mark
            if let scheme = SecuritySchemeReader.swagger2(name, node, &state) {
                document.securitySchemes.append(scheme)
            }
        }
        document.security = state.security(root["security"])
        if root["paths"] == nil { state.error("a Swagger 2.0 document has no 'paths'", at: root.mark) }
        for (path, _, item) in state.entries(root["paths"], "'paths'") {
            guard let item = state.dereference(item) else { continue }
            let pathParameters = state.items(state.dereferenced(item["parameters"]), "'parameters'")
            for entry in item.entries ?? [] {
                let key = entry.key.text ?? ""
                guard let method = HTTPMethod(rawValue: key), method != .trace, method != .query else {
                    if key != "parameters" && key != "$ref" && !key.hasPrefix("x-") {
                        state.warning(
                            "'\(key)' is not an HTTP method of Swagger 2.0; it is ignored", at: entry.key.mark)
                    }
                    continue
                }
                // Not in 2.0's letter, but written and followed by common tools (see OpenAPI3Reader).
                guard let node = state.dereference(entry.value) else { continue }
                document.operations.append(
                    operation(
                        method: method, path: path, node: node, methodMark: entry.key.mark,
                        pathParameters: pathParameters, media: media, &state))
            }
        }
        components.reportUnused(&state)
        return document
    }

    struct MediaTypes {
        var consumes: [String]
        var produces: [String]
    }

    static func mediaTypes(_ node: Node, _ key: String, _ state: inout ReaderState) -> [String]? {
        guard node[key] != nil else { return nil }
        return state.items(node[key], "'\(key)'").compactMap(\.text)
    }

    static func operation(
        method: HTTPMethod, path: String, node: Node, methodMark: Mark, pathParameters: [Node],
        media inherited: MediaTypes, _ state: inout ReaderState
    ) -> Operation {
        let (id, derived) = OperationParts.operationID(node, method: method, path: path, methodMark: methodMark, &state)
        let stem = OperationParts.stem(id)
        let media = MediaTypes(
            consumes: mediaTypes(node, "consumes", &state) ?? inherited.consumes,
            produces: mediaTypes(node, "produces", &state) ?? inherited.produces)
        var parameters: [Parameter] = []
        var body: RequestBody?
        var formFields: [Node] = []
        for parameterNode in OperationParts.mergedParameters(
            pathLevel: pathParameters,
            operationLevel: state.items(state.dereferenced(node["parameters"]), "'parameters'"), &state)
        {
            guard let name = state.requiredString(parameterNode, "name", in: "a parameter"),
                let place = state.requiredString(parameterNode, "in", in: "parameter '\(name)'")
            else { continue }
            switch place {
            case "body":
                let type =
                    parameterNode["schema"].map { SchemaReader.typeRef($0, .topLevel(stem + "Request"), &state) }
                    ?? .untypedJSON
                let constraints = parameterNode["schema"].flatMap { SchemaReader.constraints($0, &state) }
                body = RequestBody(
                    required: state.bool(parameterNode, "required") ?? false,
                    content: media.consumes.map { mediaType in
                        var content = MediaContent(mediaType: mediaType, type: type)
                        content.constraints = constraints
                        return content
                    })
                body?.description = state.string(parameterNode, "description")
            case "formData":
                formFields.append(parameterNode)
            default:
                guard let location = Parameter.Location(rawValue: place), location != .cookie else {
                    state.error(
                        "parameter '\(name)' is in '\(place)'; Swagger 2.0 knows path, query, header, body and formData",
                        at: parameterNode["in"]!.mark)
                    continue
                }
                parameters.append(parameter(parameterNode, name: name, location: location, stem: stem, &state))
            }
        }
        if !formFields.isEmpty {
            body = formBody(formFields, stem: stem, consumes: media.consumes, &state)
        }
        var operation = OperationParts.operation(
            id: id, derived: derived, method: method, path: path, node: node, &state)
        operation.requestBody = body
        (operation.route, operation.parameters) = WireRouteBuilder.route(
            method: method, pathKey: path, parameters: parameters, state)
        operation.responses = responses(node, id: id, methodMark: methodMark, produces: media.produces, &state)
        return operation
    }

    /// A query, header or path parameter: the parameter itself is the schema (`type`, `items`, `enum`, …).
    static func parameter(
        _ node: Node, name: String, location: Parameter.Location, stem: String, _ state: inout ReaderState
    ) -> Parameter {
        var parameter = Parameter(
            name: name, location: location, required: state.bool(node, "required") ?? false,
            type: SchemaReader.typeRef(node, .topLevel(stem + TypeNaming.upperCamel(name)), &state))
        parameter.description = state.string(node, "description")
        parameter.defaultValue = node["default"].map(JSONValue.init)
        parameter.extensions = node.extensions
        parameter.constraints = SchemaReader.constraints(node, &state)
        if case .array = parameter.type.nonOptional {
            let format = state.string(node, "collectionFormat")
            parameter.collectionFormat = format
            switch format ?? "csv" {
            case "multi": (parameter.style, parameter.explode) = (.form, true)
            case "ssv": (parameter.style, parameter.explode) = (.spaceDelimited, false)
            case "pipes": (parameter.style, parameter.explode) = (.pipeDelimited, false)
            case "tsv": (parameter.style, parameter.explode) = (.tabDelimited, false)
            default: (parameter.style, parameter.explode) = (location == .query ? .form : .simple, false)
            }
        }
        OperationParts.checkPathParameter(node, &parameter, &state)
        return parameter
    }

    /// `formData` parameters as one object body, as 3.x writes a form.
    static func formBody(_ fields: [Node], stem: String, consumes: [String], _ state: inout ReaderState) -> RequestBody
    {
        let id = state.ids.unique(stem + "Request")
        var properties: [Property] = []
        for field in fields {
            let name = field["name"]?.text ?? ""
            var property = Property(
                name: name, type: SchemaReader.typeRef(field, .nested(in: id, name), &state),
                required: state.bool(field, "required") ?? false)
            property.description = state.string(field, "description")
            properties.append(property)
        }
        state.types[id] = TypeDecl(
            id: id, name: stem + "Request", parent: nil,
            kind: .object(ObjectType(properties: properties, additionalProperties: .forbidden)))
        let forms = consumes.filter { $0 == "multipart/form-data" || $0 == "application/x-www-form-urlencoded" }
        return RequestBody(
            required: properties.contains(where: \.required),
            content: (forms.isEmpty ? ["application/x-www-form-urlencoded"] : forms).map {
                MediaContent(mediaType: $0, type: .named(id))
            })
    }

    static func responses(_ node: Node, id: String, methodMark: Mark, produces: [String], _ state: inout ReaderState)
        -> [Response]
    {
        if node["responses"] == nil { state.error("operation '\(id)' has no 'responses'", at: methodMark) }
        var result: [Response] = []
        var seenSuccess = false
        for (status, statusKey, value) in state.entries(state.dereferenced(node["responses"]), "'responses'") {
            guard OperationParts.isResponseKey(status, at: statusKey.mark, &state),
                let responseNode = state.dereference(value)
            else { continue }
            let hint = OperationParts.responseHint(
                id, status: status, isFirstSuccess: status.first == "2" && !seenSuccess)
            seenSuccess = seenSuccess || status.first == "2"
            var content: [MediaContent] = []
            if let schema = responseNode["schema"] {
                let type = SchemaReader.typeRef(schema, hint, &state)
                let examples = responseNode["examples"]?.entries ?? []
                let schemaExample = schema["$ref"] == nil ? SchemaReader.example(schema) : nil
                content = produces.map { mediaType in
                    var media = MediaContent(mediaType: mediaType, type: type)
                    // Swagger keys a response's examples by media type.
                    media.example =
                        examples.first { $0.key.text == mediaType }.map { JSONValue($0.value) } ?? schemaExample
                    return media
                }
                for entry in examples {
                    ExampleChecker.check(entry.value, against: schema, &state)
                }
            }
            var response = Response(status: status, content: content)
            response.description = state.string(responseNode, "description")
            response.extensions = responseNode.extensions
            response.headers =
                state.entries(responseNode["headers"], "'headers'").map { name, _, header in
                    var result = ResponseHeader(
                        name: name, required: false,
                        type: SchemaReader.typeRef(header, hint.suffixed(TypeNaming.upperCamel(name)), &state))
                    result.description = state.string(header, "description")
                    return result
                }.nilIfEmpty
            let json = produces.first { $0.contains("json") } ?? "application/json"
            OperationParts.noteContentlessSuccess(
                response, mediaType: json, operationID: id, at: statusKey.mark, &state)
            result.append(response)
        }
        return OperationParts.sorted(result)
    }
}
