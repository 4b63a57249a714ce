import SpecGenIR

/// Turns each operation's `ResponsePlan` into what the templates read: the cases of the client's
/// `switch response.status`, the success the route answers with, and the response types
/// (`…Headers` structs, `…Output` and `…Error` enums) declared with the models.
enum ResponseContextBuilder {
    static func caseContext(_ declared: ResponsePlan.Declared, enumTypeName: String?, isError: Bool)
        -> ResponseCaseContext
    {
        let items = declared.itemMediaTypes != nil
        return ResponseCaseContext(
            caseLabel: declared.status.pattern.map { "case " + $0 } ?? "default",
            statusCode: String(declared.status.code),
            statusFromValue: declared.status.statusFromValue && declared.isTyped,
            caseName: declared.caseName, enumTypeName: enumTypeName ?? "", isError: isError,
            inOutputEnum: !isError && enumTypeName != nil, isTyped: declared.isTyped,
            payloadType: declared.payloadType, hasBody: declared.bodyKind != nil,
            readBinding: !isError && enumTypeName == nil && !declared.isTyped ? "return" : "let responseBody =",
            bodyIsJSON: declared.bodyKind == .json, bodyIsBinary: declared.bodyKind == .binary,
            bodyIsForm: declared.bodyKind == .form, bodyIsText: declared.bodyKind == .text,
            bodyIsJSONLines: !items && declared.bodyKind == .jsonLines,
            bodyIsJSONSequence: !items && declared.bodyKind == .jsonSequence,
            bodyIsServerSentEvents: !items && declared.bodyKind == .serverSentEvents,
            bodyIsMultipart: declared.bodyKind == .multipart, bodyIsItems: items,
            itemMediaTypesLiteral: "["
                + (declared.itemMediaTypes ?? []).map(SwiftText.stringLiteral).joined(separator: ", ") + "]",
            partTypeName: declared.multipart?.typeName,
            bodyStreams: declared.bodyKind?.streams == true, bodyType: declared.bodyType, itemType: declared.itemType,
            writeValue: enumTypeName == nil
                ? (declared.isTyped ? "output.body" : "output") : (declared.isTyped ? "response.body" : "body"),
            writeProfile: enumTypeName == nil ? "wireProfile" : "profile",
            mediaTypeLiteral: declared.mediaType.map(SwiftText.stringLiteral) ?? "nil",
            headersType: declared.headersTypeName,
            doc: SwiftText.docComment(
                ModelContextBuilder.docText(declared.summary, declared.description), indent: "    "))
    }

    /// The client's cases: status codes first (a code wins over the range holding it), then ranges,
    /// then `default`.
    static func clientCases(_ plan: ResponsePlan) -> [ResponseCaseContext] {
        let successes = plan.successes.map { caseContext($0, enumTypeName: plan.outputTypeName, isError: false) }
        let errors = plan.errors.map { caseContext($0, enumTypeName: plan.errorTypeName, isError: true) }
        func rank(_ status: ResponsePlan.Status) -> Int {
            switch status {
            case .code: return 0
            case .range: return 1
            case .otherwise: return 2
            }
        }
        let all =
            zip(plan.successes, successes).map { ($0.status, $1) } + zip(plan.errors, errors).map { ($0.status, $1) }
        return all.enumerated().sorted { (rank($0.element.0), $0.offset) < (rank($1.element.0), $1.offset) }
            .map(\.element.1)
    }

    /// The `…Headers` structs and the `…Output`/`…Error` enums of one operation; nil when it needs none.
    static func typesContext(_ plan: OperationPlan, access: String) -> ResponseTypesContext? {
        let responses = plan.responses
        let idText = "`\(plan.operation.id)`"
        var headers: [ResponseHeadersContext] = []
        for declared in responses.successes + responses.errors where !declared.headers.isEmpty {
            let status = declared.status.pattern.map { _ in statusText(declared.status) } ?? "default"
            headers.append(
                headersContext(
                    doc: "The headers of the \(status) response of \(idText).", typeName: declared.headersTypeName,
                    headers: declared.headers))
        }
        var enums: [ResponseEnumContext] = []
        if let name = responses.outputTypeName {
            enums.append(
                ResponseEnumContext(
                    doc: SwiftText.docComment("The success responses of \(idText), one case per status.", indent: ""),
                    typeName: name,
                    // An event stream is read once and has no value to compare: such an enum is only Sendable.
                    conformances: responses.outputHoldsEventStream
                        ? "ResponseConvertible, Sendable" : "ResponseConvertible, Hashable, Sendable",
                    cases: responses.successes.map { caseContext($0, enumTypeName: name, isError: false) },
                    commonBodyType: responses.commonSuccessBodyType))
        }
        if let name = responses.errorTypeName {
            enums.append(
                ResponseEnumContext(
                    doc: SwiftText.docComment(
                        "The error responses \(idText) declares: the client throws one, a handler throws one to answer it.",
                        indent: ""),
                    typeName: name,
                    conformances: responses.errorsHoldEventStream
                        ? "Error, ResponseConvertible" : "Error, ResponseConvertible, Hashable",
                    cases: responses.errors.map { caseContext($0, enumTypeName: name, isError: true) },
                    commonBodyType: nil))
        }
        guard !headers.isEmpty || !enums.isEmpty else { return nil }
        return ResponseTypesContext(access: access, headers: headers, enums: enums)
    }

    /// A headers struct (`Templates/HeadersStruct.mustache`): a response's, or a multipart part's.
    static func headersContext(doc: String, typeName: String, headers: [ResponsePlan.Header])
        -> ResponseHeadersContext
    {
        ResponseHeadersContext(
            doc: SwiftText.docComment(doc, indent: ""), typeName: typeName,
            fields: headers.map { header in
                ResponseHeaderFieldContext(
                    doc: SwiftText.docComment(header.description, indent: "    "),
                    swiftName: header.swiftName, wireName: SwiftText.stringLiteral(header.wireName),
                    valueType: header.valueType, required: header.required)
            })
    }

    private static func statusText(_ status: ResponsePlan.Status) -> String {
        switch status {
        case .code(let code): return String(code)
        case .range(let digit): return "\(digit)XX"
        case .otherwise: return "default"
        }
    }
}
