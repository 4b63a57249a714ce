import SpecGenYAML

/// What both readers do the same way for an operation: parameter overrides, response order and
/// names for inline bodies, and the successes without content (an AWS API, JSON or Query,
/// assumes an untyped JSON payload for them).
enum OperationParts {
    /// Path-level parameters overridden by operation-level ones with the same name and place,
    /// each dereferenced. Order: path-level first (in place when overridden), then the rest.
    static func mergedParameters(pathLevel: [Node], operationLevel: [Node], _ state: inout ReaderState) -> [Node] {
        var result = pathLevel.compactMap { state.dereference($0) }
        for node in operationLevel {
            guard let parameter = state.dereference(node) else { continue }
            if let index = result.firstIndex(where: {
                $0["name"]?.text == parameter["name"]?.text && $0["in"]?.text == parameter["in"]?.text
            }) {
                result[index] = parameter
            } else {
                result.append(parameter)
            }
        }
        return result
    }

    /// OpenAPI 3.2: a `querystring` parameter is the whole query string, so an operation has at
    /// most one and no `in: query` parameter beside it (path-level ones included). Said at the later one.
    static func checkQuerystringStandsAlone(
        _ parameter: Parameter, _ node: Node, beside earlier: [Parameter], id: String, _ state: inout ReaderState
    ) {
        let clashing: [Parameter.Location] =
            switch parameter.location {
            case .querystring: [.query, .querystring]
            case .query: [.querystring]
            default: []
            }
        guard let other = earlier.first(where: { clashing.contains($0.location) }) else { return }
        let (whole, query) = parameter.location == .querystring ? (parameter, other) : (other, parameter)
        let message =
            query.location == .querystring
            ? "operation '\(id)' has two querystring parameters, '\(other.name)' and '\(parameter.name)'; it may have one"
            : "operation '\(id)' has the querystring parameter '\(whole.name)' and the query parameter"
                + " '\(query.name)'; a querystring parameter is the whole query string, so no 'in: query'"
                + " parameter may stand beside it"
        state.error(
            message,
            at: (node["in"] ?? node).mark)
    }

    /// An operation with what both versions write the same way: summary, description,
    /// deprecation, tags, security, extensions. Its route is the path key's until the inputs are known.
    static func operation(
        id: String, derived: Bool, method: HTTPMethod, path: String, node: Node, _ state: inout ReaderState
    ) -> Operation {
        var operation = Operation(id: id, method: method, specPath: path, route: WireRoute(method: method, path: path))
        operation.idIsDerived = derived ? true : nil
        operation.summary = state.string(node, "summary")
        operation.description = state.string(node, "description")
        operation.deprecated = state.bool(node, "deprecated")
        operation.tags = state.items(node["tags"], "'tags'").compactMap(\.text).nilIfEmpty
        operation.security = state.security(node["security"])
        operation.extensions = node.extensions
        return operation
    }

    /// The operation's id as a type-name stem: `createRepository` → `CreateRepository`.
    static func stem(_ operationID: String) -> String { TypeNaming.upperCamel(operationID) }

    /// `CreateRepositoryResponse` for the first success, `…Response404` or `…DefaultResponse` otherwise.
    static func responseHint(_ operationID: String, status: String, isFirstSuccess: Bool) -> NameHint {
        if isFirstSuccess { return .topLevel(stem(operationID) + "Response") }
        if status == "default" { return .topLevel(stem(operationID) + "DefaultResponse") }
        return .topLevel(stem(operationID) + "Response" + TypeNaming.upperCamel(status))
    }

    /// A `responses` key: a status code 100–599, a range `1XX`–`5XX`, or `default`. An extension
    /// (`x-…`) is skipped quietly; anything else (TomTom's `404/596`) is skipped with a warning.
    static func isResponseKey(_ key: String, at mark: Mark, _ state: inout ReaderState) -> Bool {
        if key == "default" { return true }
        if key.hasPrefix("x-") { return false }
        let characters = Array(key.uppercased())
        if characters.count == 3, let first = characters.first, ("1"..."5").contains(first),
            characters.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber })
                || characters.dropFirst().allSatisfy({ $0 == "X" })
        {
            return true
        }
        state.warning(
            "response key '\(key)' is not a status code (100–599), a range such as 4XX, or 'default'; the response is ignored",
            at: mark)
        return false
    }

    /// Numbers first (`200` < `404`), then ranges (`2XX`), then `default`.
    static func sorted(_ responses: [Response]) -> [Response] {
        func rank(_ status: String) -> (Int, String) {
            if Int(status) != nil { return (0, status) }
            if status == "default" { return (2, status) }
            return (1, status.uppercased())
        }
        return responses.sorted { rank($0.status) < rank($1.status) }
    }

    /// A success other than 204/205 with no content is no body (`NoContent`) in REST. An AWS API
    /// answers every operation with a document whatever its spec says, so there (the ECR seeds'
    /// PutImage, ListImages, …) `DocumentFinisher` assumes an untyped JSON payload once the
    /// protocol is known; this notes where the response is, for the warning.
    static func noteContentlessSuccess(
        _ response: Response, mediaType: String, operationID: String, at mark: Mark, _ state: inout ReaderState
    ) {
        guard response.isSuccess, response.content.isEmpty, response.status != "204", response.status != "205" else {
            return
        }
        state.contentlessSuccesses[operationID + " " + response.status] = (mediaType, mark)
    }

    /// The AWS protocols, which answer every operation with a document: AWS JSON, or AWS Query
    /// (every operation routed by a constant `Action` query item, as the ECR Swagger seed is).
    static func awsProtocolName(_ document: APIDocument) -> String? {
        if document.protocol.kind == .awsJSON { return "AWS JSON" }
        let byAction = document.operations.allSatisfy { $0.route.constantQuery.contains { $0.name == "Action" } }
        return !document.operations.isEmpty && byAction ? "an AWS Query API (routed by 'Action')" : nil
    }

    /// An AWS API: each noted contentless success gets an untyped JSON payload, with a warning.
    static func assumeContentForAWS(_ document: inout APIDocument, _ state: inout ReaderState) {
        guard let protocolName = awsProtocolName(document) else { return }
        for index in document.operations.indices {
            let operationID = document.operations[index].id
            for responseIndex in document.operations[index].responses.indices {
                let response = document.operations[index].responses[responseIndex]
                guard let (mediaType, mark) = state.contentlessSuccesses[operationID + " " + response.status] else {
                    continue
                }
                state.warning(
                    "response \(response.status) of '\(operationID)' declares no content; \(protocolName) answers"
                        + " with a document, so an untyped JSON payload (\(mediaType)) is assumed",
                    at: mark)
                document.operations[index].responses[responseIndex].content = [
                    MediaContent(mediaType: mediaType, type: .untypedJSON, assumed: true)
                ]
            }
        }
    }

    /// The operation's id, derived with a warning when the spec gives none.
    static func operationID(
        _ node: Node, method: HTTPMethod, path: String, methodMark: Mark, _ state: inout ReaderState
    ) -> (String, Bool) {
        state.operationMarks.append(node["operationId"]?.mark ?? methodMark)
        if let id = state.string(node, "operationId"), !id.isEmpty { return (id, false) }
        let derived = TypeNaming.operationID(method: method, path: path)
        state.warning(
            "\(method.wireName) \(path) has no operationId; it is called '\(derived)'", at: methodMark)
        return (derived, true)
    }

    /// `required: true` is a must for path parameters; say so and treat it as given.
    static func checkPathParameter(_ node: Node, _ parameter: inout Parameter, _ state: inout ReaderState) {
        guard parameter.location == .path, !parameter.required else { return }
        state.warning("path parameter '\(parameter.name)' must be required; it is treated as required", at: node.mark)
        parameter.required = true
    }
}
