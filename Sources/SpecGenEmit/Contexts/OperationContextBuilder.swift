import SpecGenIR

/// Builds each operation's client method and server route.
struct OperationContextBuilder {
    let document: APIDocument
    let names: SwiftTypeNames
    let mapping: TypeMapping
    let plans: [OperationPlan]

    func contexts() -> [OperationContext] {
        // Declarations by their qualified Swift name, built once for every operation's paginator check.
        var byName: [String: TypeDecl] = [:]
        for type in document.types {
            if let name = names.qualified[type.id] { byName[name] = type }
        }
        return plans.map { context($0, typesBySwiftName: byName) }
    }

    private func context(_ plan: OperationPlan, typesBySwiftName: [String: TypeDecl]) -> OperationContext {
        let operation = plan.operation
        let idLiteral = SwiftText.stringLiteral(operation.id)
        let output = plan.output
        var inputParameter = ""
        if let input = plan.inputTypeName { inputParameter = "_ input: \(input)" }

        // Server: the input is read by the template; then call the handler, answer in the profile's format.
        var server: [String] = []
        let call = "self.\(plan.methodName)(\(plan.inputTypeName == nil ? "" : "input"))"
        switch output.kind {
        case .json:
            let media = output.mediaType.map(SwiftText.stringLiteral) ?? "nil"
            server.append(
                "return try .json(await \(call), status: \(output.status), profile: wireProfile, mediaType: \(media))")
        case .none:
            server.append("_ = try await \(call)")
            server.append("return ServerResponse(status: \(output.status))")
        case .binary:
            let media = SwiftText.stringLiteral(output.mediaType ?? "application/octet-stream")
            server.append(
                "return ServerResponse(status: \(output.status), body: Array(try await \(call)), contentType: \(media))"
            )
        }
        let requestBody = RequestBodyContextBuilder.context(plan)
        let bodyMember = !plan.inputIsBody && requestBody != nil
        let parameters = plan.parameters.enumerated().map { index, parameter in
            ParameterContext(
                location: parameter.location.rawValue, isPath: parameter.location == .path,
                wireName: SwiftText.stringLiteral(parameter.wireName), swiftName: parameter.swiftName,
                valueType: parameter.valueType, required: parameter.required, style: parameter.style.rawValue,
                explode: parameter.explode, isJSONContent: parameter.isJSONContent,
                hasMore: index < plan.parameters.count - 1 || bodyMember)
        }

        let routeHeaders = tupleLiteral(operation.route.constantHeaders)
        let routeQuery = tupleLiteral(operation.route.constantQuery)
        return OperationContext(
            doc: SwiftText.docComment(
                ModelContextBuilder.docText(operation.summary, operation.description), indent: "    "),
            deprecation: operation.deprecated == true ? "    @available(*, deprecated)\n" : "",
            methodName: plan.methodName,
            inputParameter: inputParameter,
            outputType: output.swiftType,
            operationIDLiteral: idLiteral, httpMethod: operation.method.rawValue,
            pathLiteral: SwiftText.stringLiteral(operation.route.path),
            constantHeadersLiteral: dictionaryLiteral(operation.route.constantHeaders),
            constantQueryLiteral: dictionaryLiteral(operation.route.constantQuery),
            hasParameters: !parameters.isEmpty, parameters: parameters, clientSend: clientSend(plan),
            routeHead:
                "ServerRoute(\(idLiteral), .\(operation.method.rawValue), \(SwiftText.stringLiteral(operation.route.path)), "
                + "headers: \(routeHeaders), query: \(routeQuery)"
                + (requestBody?.streams == true ? ", streamsRequestBody: true)" : ")"),
            requestBody: requestBody, inputIsBody: plan.inputIsBody,
            serverInputType: plan.inputIsBody ? nil : plan.inputTypeName,
            serverStatements: server,
            paginator: PaginatorPlanner.context(
                for: plan, inputType: plan.inputTypeName.flatMap { typesBySwiftName[$0] },
                outputType: typesBySwiftName[plan.output.swiftType], mapping: mapping))
    }

    /// The client's last statement: the body built by `ClientRequestBody` (or none) out, JSON, raw bytes or
    /// nothing back.
    private func clientSend(_ plan: OperationPlan) -> String {
        let body = plan.requestBody == nil ? "nil" : "body"
        switch plan.output.kind {
        case .binary:
            return "return try await client.sendForBytes(request, sending: \(body))"
        case .json, .none:
            return "return try await client.send(request, sending: \(body), as: \(plan.output.swiftType).self)"
        }
    }

    private func dictionaryLiteral(_ constants: [RouteConstant]) -> String {
        guard !constants.isEmpty else { return "[:]" }
        return "["
            + constants.map { "\(SwiftText.stringLiteral($0.name)): \(SwiftText.stringLiteral($0.value))" }
            .joined(separator: ", ") + "]"
    }

    private func tupleLiteral(_ constants: [RouteConstant]) -> String {
        "["
            + constants.map {
                "(name: \(SwiftText.stringLiteral($0.name)), value: \(SwiftText.stringLiteral($0.value)))"
            }
            .joined(separator: ", ") + "]"
    }
}
