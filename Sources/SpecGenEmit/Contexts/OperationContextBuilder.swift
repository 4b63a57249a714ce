import SpecGenIR

/// Builds each operation's client method and server route.
struct OperationContextBuilder {
    let document: APIDocument
    let names: SwiftTypeNames
    let mapping: TypeMapping
    let plans: [OperationPlan]
    let security: SecurityPlan

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
        // Security: the route checks the requirements first, then hands each scheme's credential over.
        let requirements = security.security(of: operation, in: document)
        let credentialParameters = requirements.credentials.map {
            "\($0.scheme.handlerLabel): \($0.scheme.credentialType)\($0.required ? "" : "?")"
        }
        let credentialArguments = requirements.credentials.map {
            "\($0.scheme.handlerLabel): \($0.required ? "try" : "try?") \($0.scheme.readExpression)"
        }
        let serverAuthentication = requirements.enforced.map { alternatives in
            "try request.authenticate(anyOf: ["
                + alternatives.map { "[" + $0.map(\.runtimeExpression).joined(separator: ", ") + "]" }
                .joined(separator: ", ") + "])"
        }
        let handlerParameters = ([inputParameter].filter { !$0.isEmpty } + credentialParameters)
            .joined(separator: ", ")
        let handlerArguments = ((plan.inputTypeName == nil ? [] : ["input"]) + credentialArguments)
            .joined(separator: ", ")
        let call = "self.\(plan.methodName)(\(handlerArguments))"
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
        let bodyArgument = plan.inputIsBody ? nil : serverBodyArgument(plan)
        let parameters = plan.parameters.enumerated().map { index, parameter in
            ParameterContext(
                location: parameter.location.rawValue, isPath: parameter.location == .path,
                wireName: SwiftText.stringLiteral(parameter.wireName), swiftName: parameter.swiftName,
                valueType: parameter.valueType, required: parameter.required, style: parameter.style.rawValue,
                explode: parameter.explode, isJSONContent: parameter.isJSONContent,
                hasMore: index < plan.parameters.count - 1 || bodyArgument != nil)
        }

        let routeHeaders = tupleLiteral(operation.route.constantHeaders)
        let routeQuery = tupleLiteral(operation.route.constantQuery)
        return OperationContext(
            doc: SwiftText.docComment(
                ModelContextBuilder.docText(operation.summary, operation.description), indent: "    "),
            deprecation: operation.deprecated == true ? "    @available(*, deprecated)\n" : "",
            methodName: plan.methodName,
            inputParameter: inputParameter,
            handlerParameters: handlerParameters,
            handlerArguments: handlerArguments,
            outputType: output.swiftType,
            operationIDLiteral: idLiteral, httpMethod: operation.method.rawValue,
            pathLiteral: SwiftText.stringLiteral(operation.route.path),
            constantHeadersLiteral: dictionaryLiteral(operation.route.constantHeaders),
            constantQueryLiteral: dictionaryLiteral(operation.route.constantQuery),
            hasParameters: !parameters.isEmpty, parameters: parameters, clientSend: clientSend(plan),
            routeHead:
                "ServerRoute(\(idLiteral), .\(operation.method.rawValue), \(SwiftText.stringLiteral(operation.route.path)), "
                + "headers: \(routeHeaders), query: \(routeQuery))",
            serverInputFromBody: plan.inputIsBody
                ? (plan.bodyIsBinary
                    ? "Data(request.body)" : "try request.decodeBody(\(plan.inputTypeName ?? "").self)")
                : nil,
            serverInputType: plan.inputIsBody ? nil : plan.inputTypeName,
            serverBodyArgument: bodyArgument,
            serverAuthentication: serverAuthentication,
            serverStatements: server,
            paginator: PaginatorPlanner.context(
                for: plan, inputType: plan.inputTypeName.flatMap { typesBySwiftName[$0] },
                outputType: typesBySwiftName[plan.output.swiftType], mapping: mapping))
    }

    /// The client's last statement: JSON or raw bytes out, JSON, raw bytes or nothing back.
    private func clientSend(_ plan: OperationPlan) -> String {
        let output = plan.output
        let media = plan.requestMediaType.map(SwiftText.stringLiteral) ?? "nil"
        let jsonBody = plan.bodyExpression ?? "NoContent?.none"
        let bytesBody = plan.bodyExpression ?? "nil"
        let rawMedia = plan.requestMediaType.map(SwiftText.stringLiteral) ?? "\"application/octet-stream\""
        switch (output.kind, plan.bodyIsBinary) {
        case (.binary, true):
            return "return try await client.sendBytes(request, body: \(bytesBody), mediaType: \(rawMedia))"
        case (.binary, false):
            return "return try await client.sendForBytes(request, body: \(jsonBody), mediaType: \(media))"
        case (_, true):
            return
                "return try await client.send(request, bytes: \(bytesBody), mediaType: \(rawMedia), as: \(output.swiftType).self)"
        case (_, false):
            return
                "return try await client.send(request, body: \(jsonBody), mediaType: \(media), as: \(output.swiftType).self)"
        }
    }

    /// The input struct's body member and how the server reads it, when the operation has a body.
    private func serverBodyArgument(_ plan: OperationPlan) -> String? {
        guard let bodyType = plan.bodyTypeName else { return nil }
        let read: String
        if plan.bodyIsBinary {
            read = plan.bodyRequired ? "Data(request.body)" : "request.body.isEmpty ? nil : Data(request.body)"
        } else if plan.bodyNullableOptional, let wrapped = plan.bodyValueTypeName {
            read = "try request.decodeNullableBody(\(wrapped).self)"
        } else {
            read =
                plan.bodyRequired
                ? "try request.decodeBody(\(bodyType).self)" : "try request.decodeOptionalBody(\(bodyType).self)"
        }
        return "\(plan.bodyMemberName ?? "body"): \(read)"
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
