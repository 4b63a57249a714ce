import SpecGenIR

/// Builds each operation's client method and server route.
struct OperationContextBuilder {
    let document: APIDocument
    let names: SwiftTypeNames
    let mapping: TypeMapping
    let plans: [OperationPlan]
    let security: SecurityPlan
    /// Which inputs are checked against the spec; nil when validation is off.
    var validation: ValidationPlan? = nil

    func contexts() -> [OperationContext] {
        // Declarations by their qualified Swift name, built once for every operation's paginator check.
        var byName: [String: TypeDecl] = [:]
        for type in document.types {
            if let name = names.qualified[type.id] { byName[name] = type }
        }
        return plans.concurrentMap(minimumPiece: 4) { context($0, typesBySwiftName: byName) }
    }

    private func context(_ plan: OperationPlan, typesBySwiftName: [String: TypeDecl]) -> OperationContext {
        let operation = plan.operation
        let idLiteral = SwiftText.stringLiteral(operation.id)

        let requestBody = RequestBodyContextBuilder.context(plan)
        let parameters = plan.parameters.map { parameter in
            ParameterContext(
                location: parameter.location.rawValue, typeLabel: parameter.required ? "required" : "as",
                isPath: parameter.location == .path,
                wireName: SwiftText.stringLiteral(parameter.wireName), swiftName: parameter.swiftName,
                valueType: parameter.valueType, required: parameter.required, style: parameter.style.rawValue,
                explode: parameter.explode, isJSONContent: parameter.isJSONContent)
        }

        // Security: the route checks the requirements first, then hands each scheme's credential over.
        let requirements = security.security(of: operation, in: document)
        let credentials = requirements.credentials.map { credential in
            let scopes = credential.requiredScopes.map { list in
                ScopeListContext(scopes: list.map { ListItemContext(literal: SwiftText.stringLiteral($0)) })
            }
            return CredentialContext(
                label: credential.scheme.handlerLabel, type: credential.scheme.credentialType,
                isOptional: !credential.required, tryKeyword: credential.required ? "try" : "try?",
                scheme: Self.schemeContext(credential.scheme), requiredScopes: scopes,
                hasRequiredScopes: !scopes.isEmpty)
        }
        let authentication = requirements.enforced.map { alternatives in
            AuthenticationContext(
                alternatives: alternatives.map { AuthenticationAlternativeContext(schemes: $0.map(Self.schemeContext)) }
            )
        }

        let routeHeaders = tupleLiteral(operation.route.constantHeaders)
        let routeQuery = tupleLiteral(operation.route.constantQuery)
        let doc = SwiftText.docComment(
            ModelContextBuilder.docText(operation.summary, operation.description), indent: "    ")
        // The client method throws the declared errors; the handler throws them too, but its doc
        // says what the handler answers, so only the client's names them.
        let throwsLine = plan.responses.errorTypeName.map {
            "    /// - Throws: `\($0)` for a declared error status, `APIError` for an undeclared one.\n"
        }
        return OperationContext(
            doc: doc, methodDoc: doc + (throwsLine ?? ""),
            isDeprecated: operation.deprecated == true,
            methodName: plan.methodName,
            outputType: plan.responses.returnType,
            operationIDLiteral: idLiteral, httpMethod: Self.methodMember(operation.method),
            pathLiteral: SwiftText.stringLiteral(operation.route.path),
            constantHeadersLiteral: dictionaryLiteral(operation.route.constantHeaders),
            constantQueryLiteral: dictionaryLiteral(operation.route.constantQuery),
            hasParameters: !parameters.isEmpty, parameters: parameters,
            routeHeadersLiteral: routeHeaders, routeQueryLiteral: routeQuery, producesLiteral: producesLiteral(plan),
            problemsLiteral: problemsLiteral(operation),
            invalidInputErrorLiteral: invalidInputErrorLiteral(operation),
            inputTypeName: plan.inputTypeName, inputIsStruct: plan.inputTypeName != nil && !plan.inputIsBody,
            inputIsBody: plan.inputIsBody && plan.requestBody?.choiceTypeName != nil,
            inputValidation: validation?.inputCheck(
                plan, inputTypeID: plan.inputTypeName.flatMap { typesBySwiftName[$0]?.id }
            ).map { InputValidationContext(rules: $0.rules, path: $0.path) },
            requestBody: requestBody, acceptLiteral: acceptLiteral(plan),
            responseCases: ResponseContextBuilder.clientCases(plan.responses),
            hasDefaultResponse: plan.responses.errors.contains { $0.status == .otherwise },
            outputEnumName: plan.responses.outputTypeName,
            primarySuccess: ResponseContextBuilder.caseContext(
                plan.responses.primarySuccess, enumTypeName: nil, isError: false),
            errorTypeName: plan.responses.errorTypeName,
            paginator: PaginatorPlanner.context(
                for: plan, inputType: plan.inputTypeName.flatMap { typesBySwiftName[$0] },
                outputType: plan.responses.plainJSONBody.flatMap { typesBySwiftName[$0] }, mapping: mapping),
            authentication: authentication, credentials: credentials, hasCredentials: !credentials.isEmpty,
            outputBinding: Self.outputBinding(plan.responses))
    }

    /// `_` when the route answers without the handler's value: one success, no body, no headers.
    static func outputBinding(_ responses: ResponsePlan) -> String {
        let primary = responses.primarySuccess
        let needed = responses.outputTypeName != nil || primary.bodyKind != nil || primary.isTyped
        return needed ? "let output" : "_"
    }

    /// The scheme's kind as flags and its wire names as literals, for the route's check and read.
    static func schemeContext(_ scheme: SecurityPlan.Scheme) -> SecuritySchemeContext {
        var context = SecuritySchemeContext(
            isHTTPBearer: false, isHTTPBasic: false, isOAuth2: false, isOpenIDConnect: false, isBearerToken: false,
            httpSchemeLiteral: nil, apiKey: nil, requirementLiteral: "")
        switch (scheme.kind, scheme.spec.kind) {
        case (.basic, _):
            context.isHTTPBasic = true
            context.requirementLiteral = ".httpBasic"
        case (.bearer, .oauth2):
            context.isOAuth2 = true
            context.requirementLiteral = ".oauth2"
        case (.bearer, .openIdConnect):
            context.isOpenIDConnect = true
            context.requirementLiteral = ".openIDConnect"
        case (.bearer, _):
            context.isHTTPBearer = true
            context.requirementLiteral = ".httpBearer"
        case (.http(let name), _):
            context.httpSchemeLiteral = SwiftText.stringLiteral(name)
            context.requirementLiteral = ".http(scheme: \(SwiftText.stringLiteral(name)))"
        case (.apiKey(let name, let location), _):
            context.apiKey = ClientAPIKeyContext(
                nameLiteral: SwiftText.stringLiteral(name), location: location.rawValue)
            context.requirementLiteral = ".apiKey(name: \(SwiftText.stringLiteral(name)), in: .\(location.rawValue))"
        }
        context.isBearerToken = scheme.kind == .bearer
        return context
    }

    /// The media types the client decodes, for `Accept`: one per response (the one its plan reads),
    /// so a server that honours `Accept` never answers one the client cannot read (a response that
    /// declares JSON Lines and SSE is read as JSON Lines, and asks for it). None for AWS JSON,
    /// whose peers ignore it.
    private func acceptLiteral(_ plan: OperationPlan) -> String {
        guard document.protocol.kind == .rest else { return "[]" }
        return Self.mediaTypesLiteral(plan.responses.successes + plan.responses.errors) ?? "[]"
    }

    /// The media types of the successes the server writes; nil for AWS JSON (its clients send no
    /// `Accept`) or when no success has a body.
    private func producesLiteral(_ plan: OperationPlan) -> String? {
        guard document.protocol.kind == .rest else { return nil }
        return Self.mediaTypesLiteral(plan.responses.successes)
    }

    /// The distinct media types of `responses` in order, as a Swift array literal; nil when none has one.
    private static func mediaTypesLiteral(_ responses: [ResponsePlan.Declared]) -> String? {
        var seen = Set<String>()
        let declared = responses.flatMap { $0.itemMediaTypes ?? [$0.mediaType].compactMap { $0 } }
        let types = declared.filter { seen.insert($0).inserted }
        return types.isEmpty ? nil : "[" + types.map(SwiftText.stringLiteral).joined(separator: ", ") + "]"
    }

    /// The error an AWS operation declares (`x-amz-errors`) for input that breaks its constraints:
    /// nil when that is `ValidationException` or nothing says otherwise; `InvalidParameterException`
    /// when it declares that instead, as ECR does.
    private func invalidInputErrorLiteral(_ operation: Operation) -> String? {
        guard document.protocol.kind != .rest else { return nil }
        var declared: Set<String> = []
        for response in operation.responses where !response.isSuccess {
            if case .array(let names)? = response.extensions?["x-amz-errors"] {
                for case .string(let name) in names { declared.insert(name) }
            }
        }
        guard !declared.contains("ValidationException"), declared.contains("InvalidParameterException") else {
            return nil
        }
        return SwiftText.stringLiteral("InvalidParameterException")
    }

    /// The error statuses declared with `application/problem+json` (RFC 9457) whose schema asks
    /// for nothing beyond `type`, `title`, `status`, `detail` and `instance`: the errors the
    /// server makes itself are written in it (`ServerRoute.problemMediaTypes`). Another error
    /// schema keeps the server's own shape, since nothing can fill what it requires.
    private func problemsLiteral(_ operation: Operation) -> String? {
        guard document.protocol.kind == .rest else { return nil }
        let fillable = MediaContent.problemDetailsMembers
        var entries: [(String, String)] = []
        for response in operation.responses where !response.isSuccess {
            guard let content = response.content.first(where: { MediaContent.isProblemJSON($0.mediaType) }) else {
                continue
            }
            if case .named(let id) = content.type.nonOptional, case .object(let object)? = document.type(id)?.kind,
                !Set(object.properties.filter(\.required).map(\.name)).isSubset(of: fillable)
            {
                continue
            }
            let key = response.status.lowercased() == "default" ? "default" : response.status.uppercased()
            entries.append((key, content.mediaType))
        }
        guard !entries.isEmpty else { return nil }
        return "["
            + entries.map { "\(SwiftText.stringLiteral($0.0)): \(SwiftText.stringLiteral($0.1))" }
            .joined(separator: ", ") + "]"
    }

    /// The method as a member of `HTTPRequest.Method` written after a dot: the static property of a
    /// method swift-http-types names for every version it supports (`get`), else its initializer
    /// with the token (QUERY's property is newer than the versions SpecGen allows; `LINK` has none).
    static func methodMember(_ method: HTTPMethod) -> String {
        guard method.isAdditional || method == .query else { return method.rawValue }
        return "init(\(SwiftText.stringLiteral(method.wireName)))!"
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
