import SpecGenIR

/// Turns request body plans into the partials' contexts (see `RequestBodyContext`).
enum RequestBodyContextBuilder {
    /// The operation's body as the client writes it and the server reads it, nil without a body.
    static func context(_ plan: OperationPlan) -> RequestBodyContext? {
        guard let body = plan.requestBody, let expression = plan.bodyExpression else { return nil }
        let wholeInput = plan.inputIsBody
        // The client unwraps an optional member; a whole input is optional only when its type says so.
        let unwraps = wholeInput ? body.wholeInputType.hasSuffix("?") : !body.required
        let streams = body.streams
        var context = RequestBodyContext(
            expression: expression, memberName: wholeInput ? nil : plan.bodyMemberName, unwraps: unwraps,
            choiceTypeName: body.choiceTypeName, single: nil, variants: [], streams: streams,
            optionalChoice: body.choiceTypeName != nil && !body.required)
        if body.choiceTypeName != nil {
            context.variants = body.variants.enumerated().map { index, variant in
                var result = variantContext(variant, streams: streams)
                result.isFirst = index == 0
                return result
            }
        } else if let variant = body.variants.first {
            var result = variantContext(variant, streams: streams)
            // An optional body is unwrapped into `value` first; a required one is encoded as it is.
            result.encodeBinding = BodyBinding.encode(unwraps ? .assigned : .declared)
            result.valueName = unwraps ? "value" : expression
            result.profileName = "client.profile"
            if variant.kind == .json {
                if wholeInput {
                    result.jsonReadType = body.wholeInputType
                } else if body.nullableOptional {
                    result.jsonReader = "decodeNullableBody"
                } else if body.required && body.allowsNull {
                    result.jsonReadType = variant.swiftType + "?"
                } else if !body.required {
                    result.jsonReader = "decodeOptionalBody"
                    result.jsonReadType = variant.swiftType
                }
            } else {
                result.readsIfPresent = !body.required && !wholeInput
            }
            result.readBinding = BodyBinding.read(
                result.readsIfPresent ? .assigned : .declared, name: wholeInput ? "input" : "body")
            context.single = result
        }
        return context
    }

    static func variantContext(_ variant: RequestBodyVariant, streams: Bool) -> BodyVariantContext {
        BodyVariantContext(
            caseName: variant.caseName, swiftType: variant.swiftType,
            mediaTypeLiteral: SwiftText.stringLiteral(variant.mediaType),
            isJSON: variant.kind == .json, isForm: variant.kind == .form, isText: variant.kind == .text,
            isBinary: variant.kind == .binary, isMultipart: variant.kind == .multipart,
            isJSONLines: variant.kind == .jsonLines, isJSONSequence: variant.kind == .jsonSequence,
            isServerSentEvents: variant.kind == .serverSentEvents, itemType: variant.itemType,
            partTypeName: variant.multipart?.typeName, jsonReader: "decodeBody", jsonReadType: variant.swiftType,
            readsIfPresent: false, collectsFirst: streams && !variant.kind.streams, isFirst: false,
            encodeBinding: BodyBinding.encode(.returned), readBinding: BodyBinding.read(.declared, name: "value"),
            valueName: "value", profileName: "profile")
    }

    /// A part enum with the structs of its parts' declared headers.
    static func multipartContext(_ multipart: MultipartPlan) -> MultipartTypeContext {
        let literals = { (names: [String]) in names.map(SwiftText.stringLiteral) }
        let owner =
            multipart.responseStatus.map { "the \($0) response of `\(multipart.operationID)`" }
            ?? "the body of `\(multipart.operationID)`"
        return MultipartTypeContext(
            name: multipart.typeName, operationID: multipart.operationID, responseStatus: multipart.responseStatus,
            headers: multipart.parts.compactMap { part in
                part.headersTypeName.map { name in
                    ResponseContextBuilder.headersContext(
                        doc: "The headers of the part `\(part.wireName)` of \(owner).", typeName: name,
                        headers: part.headers)
                }
            },
            parts: multipart.parts.map { part in
                MultipartPartContext(
                    doc: SwiftText.docComment(part.description, indent: "    "),
                    wireName: SwiftText.stringLiteral(part.wireName), caseName: part.caseName,
                    valueType: part.valueType, payloadType: part.payloadType, headersTypeName: part.headersTypeName,
                    isText: part.coding == .text, isRawValue: part.coding == .rawValue, isJSON: part.coding == .json,
                    isFile: part.coding == .file, contentTypeLiteral: part.contentType.map(SwiftText.stringLiteral))
            },
            exactlyOnce: literals(multipart.exactlyOnce), atLeastOnce: literals(multipart.atLeastOnce),
            atMostOnce: literals(multipart.atMostOnce), zeroOrMore: literals(multipart.zeroOrMore))
    }

    /// How a body statement binds its value; the templates write the kind's call after it.
    enum BodyBinding {
        /// `return …`: a choice enum's `outgoingBody(profile:)`.
        case returned
        /// `body = …`: declared before, set in a branch (an optional body).
        case assigned
        /// `let body = …`: declared by the statement.
        case declared

        static func encode(_ binding: BodyBinding) -> String {
            switch binding {
            case .returned: return "return"
            case .assigned: return "body ="
            case .declared: return "let body: OutgoingBody? ="
            }
        }

        static func read(_ binding: BodyBinding, name: String) -> String {
            switch binding {
            case .returned: return "return"
            case .assigned: return "\(name) ="
            case .declared: return "let \(name) ="
            }
        }
    }

    /// The part enums and choice enums every operation's bodies need, in operation order: the
    /// request body's, then the responses' part enums (one template both ways).
    static func bodyTypes(_ plans: [OperationPlan], access: String) -> [BodyTypeContext] {
        var result: [BodyTypeContext] = []
        for plan in plans {
            for variant in plan.requestBody?.variants ?? [] {
                guard let multipart = variant.multipart else { continue }
                result.append(BodyTypeContext(access: access, multipart: multipartContext(multipart), choice: nil))
            }
            for declared in plan.responses.successes + plan.responses.errors {
                guard let multipart = declared.multipart else { continue }
                result.append(BodyTypeContext(access: access, multipart: multipartContext(multipart), choice: nil))
            }
            guard let body = plan.requestBody else { continue }
            if let choice = body.choiceTypeName {
                result.append(
                    BodyTypeContext(
                        access: access, multipart: nil,
                        choice: BodyChoiceContext(
                            name: choice, operationID: plan.operation.id,
                            variants: body.variants.map { variantContext($0, streams: false) })))
            }
        }
        return result
    }
}
