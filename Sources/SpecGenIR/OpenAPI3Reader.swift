import SpecGenYAML

/// OpenAPI 3.0.x, 3.1.x and 3.2.x → IR (what the minors differ in: `OpenAPIMinorRules`).
enum OpenAPI3Reader {
    static func read(_ root: Node, version: SpecVersion, _ state: inout ReaderState) -> APIDocument {
        var document = APIDocument(specVersion: version, info: InfoReader.info(root, &state))
        document.extensions = root.extensions
        state.warnUnusedAdditions(root, .document)
        document.tags = InfoReader.tags(root["tags"], &state)
        for server in state.items(root["servers"], "'servers'") {
            state.warnUnusedAdditions(server, .server)
            guard let url = state.requiredString(server, "url", in: "a server") else { continue }
            var entry = Server(url: url, description: state.string(server, "description"))
            if state.family == .openAPI32 { entry.name = state.string(server, "name") }
            entry.variables =
                state.entries(server["variables"], "'variables'").map { name, key, value in
                    serverVariable(name, key: key, value, &state)
                }.nilIfEmpty
            document.servers.append(entry)
        }
        var components = ComponentRegistry()
        let section = root["components"]
        components.readSchemas(section?["schemas"], at: ["components", "schemas"], &state)
        // Links, callbacks and path items are not registered, so they are not reported as unused.
        for (kind, singular) in [
            ("parameters", "parameter"), ("requestBodies", "request body"), ("responses", "response"),
            ("headers", "header"), ("examples", "example"), ("mediaTypes", "media type"),
        ] {
            _ = components.register(section?[kind], at: ["components", kind], kind: singular, &state)
        }
        for (name, key, node) in state.entries(section?["securitySchemes"], "'securitySchemes'") {
            state.securitySchemeMarks[name] = key.mark
            if let scheme = SecuritySchemeReader.openAPI3(name, node, &state) {
                document.securitySchemes.append(scheme)
            }
        }
        document.security = state.security(root["security"])
        if root["paths"] == nil && version.family.requiresPathsAndResponses {
            state.error("an OpenAPI 3.0 document has no 'paths'", at: root.mark)
        }
        for (path, _, item) in state.entries(root["paths"], "'paths'") {
            guard let item = state.dereference(item) else { continue }
            document.operations += operations(path: path, item: item, &state)
        }
        document.webhooks = WebhookReader.webhooks(root, version: version, &state)
        WebhookReader.makeIDsUnique(&document, &state)
        components.reportUnused(&state)
        return document
    }

    /// A server URL's variable. `default` is required; without it the first `enum` value stands in
    /// (or none: the generated function then takes the value without a default), with a warning.
    static func serverVariable(_ name: String, key: Node, _ node: Node, _ state: inout ReaderState) -> ServerVariable {
        let values = state.items(node["enum"], "'enum'").compactMap(\.text).nilIfEmpty
        var variable = ServerVariable(name: name, defaultValue: state.string(node, "default"))
        variable.enumValues = values
        variable.description = state.string(node, "description")
        if variable.defaultValue == nil {
            variable.defaultValue = values?.first
            let instead = values.map { "its first value '\($0[0])' is used" } ?? "callers must pass one"
            state.warning(
                "server variable '\(name)' has no 'default', which OpenAPI requires; \(instead)", at: key.mark)
        } else if let values, let given = variable.defaultValue, !values.contains(given) {
            state.warning(
                "server variable '\(name)' has the default '\(given)', which its 'enum' does not list; the enum"
                    + " takes it as one more value", at: node["default"]!.mark)
            variable.enumValues = values + [given]
        }
        return variable
    }

    static let pathItemKeys: Set<String> = ["$ref", "summary", "description", "servers", "parameters"]

    /// The operations of a path item. `ids` names an operation without `operationId` (webhooks and
    /// callbacks, whose path is not a URL path); nil derives the id from method and path, with a warning.
    static func operations(
        path: String, item: Node, ids: ((HTTPMethod) -> String)? = nil, _ state: inout ReaderState
    ) -> [Operation] {
        let pathParameters = state.items(state.dereferenced(item["parameters"]), "'parameters'")
        var result: [Operation] = []
        for entry in item.entries ?? [] {
            let key = entry.key.text ?? ""
            if key == "additionalOperations" && state.family.hasAdditionalOperations {
                for (token, tokenKey, value) in state.entries(entry.value, "'additionalOperations'") {
                    guard let method = HTTPMethod(additional: token) else {
                        state.warning(
                            "'\(token)' in 'additionalOperations' is not an HTTP method token other than the path "
                                + "item's own fields (get, put, …, query); it is ignored", at: tokenKey.mark)
                        continue
                    }
                    guard let node = state.dereference(value) else { continue }
                    result.append(
                        operation(
                            method: method, path: path, node: node, methodMark: tokenKey.mark,
                            pathParameters: pathParameters, id: ids?(method), &state))
                }
                continue
            }
            guard let method = HTTPMethod(rawValue: key), state.family.pathItemMethods.contains(method) else {
                if !pathItemKeys.contains(key) && !key.hasPrefix("x-") {
                    state.warning(
                        "'\(key)' is not an HTTP method or a path item field; it is ignored", at: entry.key.mark)
                }
                continue
            }
            // 3.0 has no `$ref` for an operation, but specs write one (DigitalOcean's does for every
            // operation) and common tools follow it: so do we.
            guard let node = state.dereference(entry.value) else { continue }
            result.append(
                operation(
                    method: method, path: path, node: node, methodMark: entry.key.mark,
                    pathParameters: pathParameters, id: ids?(method), &state))
        }
        return result
    }

    static func operation(
        method: HTTPMethod, path: String, node: Node, methodMark: Mark, pathParameters: [Node],
        id fallbackID: String? = nil, _ state: inout ReaderState
    ) -> Operation {
        let id: String
        let derived: Bool
        if let fallbackID {
            // A webhook's or callback's operation: not in `operations`, so no mark for the route
            // clash check, and a missing id is the usual case, not worth a warning.
            let given = state.string(node, "operationId").flatMap { $0.isEmpty ? nil : $0 }
            (id, derived) = (given ?? fallbackID, given == nil)
            state.sentOperationMarks.append(node["operationId"]?.mark ?? methodMark)
        } else {
            (id, derived) = OperationParts.operationID(node, method: method, path: path, methodMark: methodMark, &state)
        }
        let stem = OperationParts.stem(id)
        var parameters: [Parameter] = []
        for parameterNode in OperationParts.mergedParameters(
            pathLevel: pathParameters,
            operationLevel: state.items(state.dereferenced(node["parameters"]), "'parameters'"), &state)
        {
            if let parameter = parameter(parameterNode, stem: stem, &state) {
                OperationParts.checkQuerystringStandsAlone(parameter, parameterNode, beside: parameters, id: id, &state)
                parameters.append(parameter)
            }
        }
        var operation = OperationParts.operation(
            id: id, derived: derived, method: method, path: path, node: node, &state)
        (operation.route, operation.parameters) = WireRouteBuilder.route(
            method: method, pathKey: path, parameters: parameters, state)
        if let bodyNode = node["requestBody"], let body = state.dereference(bodyNode) {
            operation.requestBody = RequestBody(
                required: state.bool(body, "required") ?? false,
                content: content(body["content"], hint: .topLevel(stem + "Request"), &state))
            operation.requestBody?.description = state.string(body, "description")
        }
        if node["responses"] == nil && state.family.requiresPathsAndResponses {
            // Required in 3.0 only; 3.1 made `responses` optional.
            state.error(
                "operation '\(id)' has no 'responses' (OpenAPI 3.0 requires them; 3.1 does not)", at: methodMark)
        }
        if let callbacks = node["callbacks"] {
            operation.callbacks = WebhookReader.callbacks(callbacks, of: id, &state).nilIfEmpty
        }
        var seenSuccess = false
        for (status, statusKey, value) in state.entries(state.dereferenced(node["responses"]), "'responses'") {
            guard OperationParts.isResponseKey(status, at: statusKey.mark, &state),
                let responseNode = state.dereference(value)
            else { continue }
            let hint = OperationParts.responseHint(
                id, status: status, isFirstSuccess: status.first == "2" && !seenSuccess)
            seenSuccess = seenSuccess || status.first == "2"
            state.warnUnusedAdditions(responseNode, .response)
            var response = Response(status: status, content: content(responseNode["content"], hint: hint, &state))
            if state.family == .openAPI32 { response.summary = state.string(responseNode, "summary") }
            response.description = state.string(responseNode, "description")
            if !response.isSuccess,
                let problem = response.content.first(where: { MediaContent.isProblemJSON($0.mediaType) })
            {
                state.problemResponses.append((problem.type, status, statusKey.mark))
            }
            response.extensions = responseNode.extensions
            response.headers = headers(responseNode["headers"], hint: hint, &state).nilIfEmpty
            OperationParts.noteContentlessSuccess(
                response, mediaType: "application/json", operationID: id, at: statusKey.mark, &state)
            operation.responses.append(response)
        }
        operation.responses = OperationParts.sorted(operation.responses)
        return operation
    }

    static func parameter(_ node: Node, stem: String, _ state: inout ReaderState) -> Parameter? {
        guard let name = state.requiredString(node, "name", in: "a parameter"),
            let place = state.requiredString(node, "in", in: "parameter '\(name)'")
        else { return nil }
        let locations = state.family.parameterLocations
        guard let location = Parameter.Location(rawValue: place), locations.contains(location) else {
            let known = locations.map(\.rawValue)
            let version = state.family == .openAPI32 ? "OpenAPI 3.2" : "OpenAPI 3"
            state.error(
                "parameter '\(name)' is in '\(place)'; \(version) knows "
                    + known.dropLast().joined(separator: ", ") + " and " + known.last!,
                at: node["in"]!.mark)
            return nil
        }
        if location == .querystring, !querystringIsReadable(node, name: name, &state) { return nil }
        let schemaNode = node["schema"] ?? node["content"]?.entries?.first?.value["schema"]
        let hint = NameHint.topLevel(stem + TypeNaming.upperCamel(name))
        var parameter = Parameter(
            name: name, location: location, required: state.bool(node, "required") ?? false,
            type: schemaNode.map { SchemaReader.typeRef($0, hint, &state) } ?? .untypedJSON)
        parameter.description = state.string(node, "description")
        parameter.deprecated = state.bool(node, "deprecated")
        if location == .querystring {
            // Its content's media type says how it is written; `querystringIsReadable` warned.
        } else if let style = state.string(node, "style") {
            let allowed = Parameter.Style.allowed(in: location)
            if let known = Parameter.Style(rawValue: style), allowed.contains(known) {
                parameter.style = known
            } else {
                state.warning(
                    "parameter '\(name)' has style '\(style)'; in \(location.rawValue) OpenAPI allows "
                        + allowed.map(\.rawValue).joined(separator: ", ") + "; the location's default is used",
                    at: node["style"]!.mark)
            }
        }
        if node["schema"] == nil, let media = node["content"]?.entries?.first?.key.text {
            parameter.contentMediaType = media
        }
        parameter.explode = location == .querystring ? nil : state.bool(node, "explode")
        parameter.defaultValue = schemaNode?["default"].map(JSONValue.init)
        parameter.constraints = schemaNode.flatMap { SchemaReader.constraints($0, &state) }
        parameter.extensions = node.extensions
        ExampleChecker.checkMediaExamples(node, schema: schemaNode, &state)
        OperationParts.checkPathParameter(node, &parameter, &state)
        return parameter
    }

    /// A `querystring` parameter (3.2) is the whole query string as one document: it has `content`
    /// with one media type and no `schema`. SpecGen writes form-urlencoded and JSON query strings;
    /// another media type is one warning and the parameter is left out.
    private static func querystringIsReadable(_ node: Node, name: String, _ state: inout ReaderState) -> Bool {
        guard node["schema"] == nil, let content = node["content"]?.entries, content.count == 1,
            let media = content[0].key.text
        else {
            state.error(
                "parameter '\(name)' is in 'querystring', so it needs 'content' with one media type"
                    + " (and no 'schema'): the whole query string is one value of it",
                at: (node["schema"] ?? node["content"] ?? node["in"]!).mark)
            return false
        }
        for key in ["style", "explode", "allowReserved"] {
            if let keyNode = node.entries?.first(where: { $0.key.text == key })?.key {
                state.warning(
                    "'\(key)' is ignored on the querystring parameter '\(name)': its media type '\(media)' says how it is written",
                    at: keyNode.mark)
            }
        }
        let lowered = media.lowercased()
        guard lowered == "application/x-www-form-urlencoded" || lowered.contains("json") else {
            state.warning(
                "the querystring parameter '\(name)' is left out: SpecGen writes a query string as"
                    + " application/x-www-form-urlencoded or JSON, not '\(media)'",
                at: content[0].key.mark)
            return false
        }
        return true
    }

    /// `content: {mediaType: {schema, example(s)}}`, in spec order; no schema is untyped JSON.
    static func content(_ node: Node?, hint: NameHint, _ state: inout ReaderState) -> [MediaContent] {
        state.entries(node, "'content'").map { mediaType, _, written in
            // 3.2 `components/mediaTypes` are reached by `$ref`; one that cannot be followed reads as no schema.
            let media = state.dereference(written) ?? Node(.mapping([]), mark: written.mark)
            state.warnUnusedAdditions(media, .mediaType)
            let schema = media["schema"] ?? itemSchemaAsArray(media, mediaType: mediaType, &state)
            ExampleChecker.checkMediaExamples(media, schema: schema, &state)
            var content = MediaContent(
                mediaType: mediaType, type: schema.map { SchemaReader.typeRef($0, hint, &state) } ?? .untypedJSON)
            content.constraints = media["schema"].flatMap { SchemaReader.constraints($0, &state) }
            content.example =
                SchemaReader.mediaExample(media, &state)
                ?? media["schema"].flatMap { $0["$ref"] == nil ? SchemaReader.example($0) : nil }
            var partTypes: [String: String] = [:]
            var partHeaders: [String: [ResponseHeader]] = [:]
            let encodings = state.entries(media["encoding"], "'encoding'")
            // An entry naming no property of an inline object schema is a spec mistake (a typo): said
            // once, where it is. A `$ref` or composed schema is not looked into (its own reading
            // reports its problems, and its properties may come from elsewhere).
            if let schema = media["schema"], schema["$ref"] == nil,
                ["allOf", "oneOf", "anyOf"].allSatisfy({ schema[$0] == nil }),
                let properties = schema["properties"]?.entries
            {
                let names = Set(properties.compactMap(\.key.text))
                for (property, key, _) in encodings where !names.contains(property) {
                    state.warning(
                        "'encoding' names '\(property)', which is not a property of the body's schema; it is ignored",
                        at: key.mark)
                }
            }
            for (property, _, encoding) in encodings {
                state.warnUnusedAdditions(encoding, .encoding)
                if let type = state.string(encoding, "contentType") { partTypes[property] = type }
                // OpenAPI: a `Content-Type` here is ignored (it is `contentType`'s); the part's
                // `Content-Disposition` is the multipart coder's to write.
                let headers = Self.headers(
                    encoding["headers"], hint: hint.suffixed(TypeNaming.upperCamel(property)), &state
                )
                .filter { !["content-type", "content-disposition"].contains($0.name.lowercased()) }
                if !headers.isEmpty { partHeaders[property] = headers }
            }
            content.partContentTypes = partTypes.isEmpty ? nil : partTypes
            content.partHeaders = partHeaders.isEmpty ? nil : partHeaders
            return content
        }
    }

    /// 3.2 `itemSchema` (the schema of each item of a sequential body) as the `type: array` schema
    /// 3.1 specs write for the whole stream, so both reach the same typed `EventStream` path. With
    /// `schema` beside it, `schema` wins; on a media type that is not a stream of JSON items, a warning.
    static func itemSchemaAsArray(_ media: Node, mediaType: String, _ state: inout ReaderState) -> Node? {
        guard let entry = media.entries?.first(where: { $0.key.text == "itemSchema" }) else { return nil }
        let essence = String(mediaType.prefix { $0 != ";" }.filter { $0 != " " })
        guard SpecVersion.Family.jsonItemStreams.contains(essence.lowercased()) else {
            state.warning(
                "'itemSchema' (OpenAPI 3.2) is ignored on '\(mediaType)': SpecGen types the items of "
                    + SpecVersion.Family.jsonItemStreams.sorted().joined(separator: ", ") + " only",
                at: entry.key.mark)
            return nil
        }
        let mark = entry.key.mark
        var items = entry.value
        if essence.lowercased() == "text/event-stream" {
            // The item is the event (`data`, `event`, `id`, `retry`); its `data` is JSON when it declares
            // `contentMediaType: application/json` and a `contentSchema`, else text: as in 3.1, an
            // array of that value (JSON data) or of strings (events as they come).
            let data = state.dereferenced(entry.value)?["properties"]?["data"]
            if let data, let schema = data["contentSchema"],
                let media = data["contentMediaType"]?.text, media.lowercased().contains("json")
            {
                items = schema
            } else {
                items = Node(
                    .mapping([
                        MappingEntry(
                            key: SchemaReader.keyNode("type", mark), value: SchemaReader.keyNode("string", mark))
                    ]), mark: mark)
            }
        }
        return Node(
            .mapping([
                MappingEntry(key: SchemaReader.keyNode("type", mark), value: SchemaReader.keyNode("array", mark)),
                MappingEntry(key: SchemaReader.keyNode("items", mark), value: items),
            ]),
            mark: entry.value.mark)
    }

    static func headers(_ node: Node?, hint: NameHint, _ state: inout ReaderState) -> [ResponseHeader] {
        state.entries(node, "'headers'").compactMap { name, _, value in
            guard let header = state.dereference(value) else { return nil }
            var result = ResponseHeader(
                name: name, required: state.bool(header, "required") ?? false,
                type: header["schema"].map {
                    SchemaReader.typeRef($0, hint.suffixed(TypeNaming.upperCamel(name)), &state)
                } ?? .untypedJSON)
            result.description = state.string(header, "description")
            return result
        }
    }
}

extension Array {
    var nilIfEmpty: [Element]? { isEmpty ? nil : self }
}
