import SpecGenIR

/// Every response an operation declares, as the client reads it and the server writes it (see
/// docs/proposals/0001-typed-responses.md): the success value (its body, `NoContent`, a
/// `TypedResponse<Body, Headers>` when it declares headers, or an `…Output` enum when several 2xx
/// responses differ), the `…Error` enum of the declared error statuses, and a `…Headers` struct
/// for each response that declares headers. Statuses nobody declared reach the caller as `APIError`.
struct ResponsePlan {
    enum Status: Hashable {
        case code(Int)
        /// `4XX`, by its first digit.
        case range(Int)
        /// `default`: every status not declared otherwise.
        case otherwise

        var isSuccess: Bool {
            switch self {
            case .code(let code): return (200..<300).contains(code)
            case .range(let digit): return digit == 2
            case .otherwise: return false
            }
        }

        /// The client's `case` pattern (`404`, `400..<500`); nil for `default` (the `default:` branch).
        var pattern: String? {
            switch self {
            case .code(let code): return String(code)
            case .range(let digit): return "\(digit * 100)..<\(digit * 100 + 100)"
            case .otherwise: return nil
            }
        }

        /// The status the server answers with when the value carries none (a range's first code).
        var code: Int {
            switch self {
            case .code(let code): return code
            case .range(let digit): return digit * 100
            case .otherwise: return 500
            }
        }

        /// Ranges and `default` cover many statuses: the value says which one.
        var statusFromValue: Bool {
            if case .code = self { return false }
            return true
        }
    }

    struct Header {
        /// The field name as the spec writes it (`X-Rate-Remaining`).
        var wireName: String
        var swiftName: String
        /// Without `?` (`Int`, `[String]`).
        var valueType: String
        var required: Bool
        var description: String?
    }

    struct Declared {
        var status: Status
        var summary: String?
        var description: String?
        /// The enum case (`notFound`, `clientError`, `other`), unique in its enum.
        var caseName: String
        /// How the body travels (the request bodies' kinds: one set both ways); nil without a body.
        var bodyKind: BodyKind?
        /// `Pet`, `String`, `HTTPBody`, `EventStream<Event>`, or `NoContent` without a body.
        var bodyType: String
        /// An event stream's element (the JSON `data` of Server-Sent Events; nil when it is text).
        var itemType: String?
        /// A `multipart/*` body of an object schema: its part enum (the request bodies' kind).
        var multipart: MultipartPlan?
        var mediaType: String?
        /// Set when the response declares its items in several sequential media types with one
        /// schema (JSON Lines and Server-Sent Events, say): all of them, in the spec's order. The
        /// body is then one `EventStream` of the items, whichever of them travels.
        var itemMediaTypes: [String]?
        var headers: [Header]
        /// The generated `…Headers` struct, or `NoHeaders`.
        var headersTypeName: String
        /// The payload is a `TypedResponse<Body, Headers>` (status and headers travel with the body);
        /// else it is the body itself.
        var isTyped: Bool

        var payloadType: String { isTyped ? "TypedResponse<\(bodyType), \(headersTypeName)>" : bodyType }
    }

    /// The 2xx responses (a synthetic `200..<300` without body when the spec declares none), codes first.
    var successes: [Declared]
    /// Set when the operation declares several 2xx statuses: each is a case of this enum.
    var outputTypeName: String?
    /// What the client method returns and the handler returns.
    var returnType: String
    /// The declared error responses: codes, then ranges, then `default`. Empty for AWS JSON, whose
    /// errors are told apart by their name (`__type`), not their status: they stay `APIError`.
    var errors: [Declared]
    var errorTypeName: String?

    /// The success the server answers with when the handler returns a plain value (the lowest 2xx).
    var primarySuccess: Declared { successes[0] }

    /// The `…Output`/`…Error` enums (declared with the models) hold an `HTTPBody` or an event stream
    /// (`ServerSentEvent…` are OpenAPIRuntime's): the models file then imports OpenAPIRuntime.
    var typesHoldBytes: Bool {
        (outputTypeName != nil && successes.contains { $0.bodyKind?.streams == true })
            || errors.contains { $0.bodyKind?.streams == true }
    }

    /// The `…Output` enum holds an event stream, which is not `Hashable`: the enum is only `Sendable`.
    var outputHoldsEventStream: Bool {
        outputTypeName != nil && successes.contains { $0.bodyKind?.isEventStream == true }
    }
    /// The `…Error` enum holds an event stream: it is `Error` (so `Sendable`) but not `Hashable`.
    var errorsHoldEventStream: Bool { errors.contains { $0.bodyKind?.isEventStream == true } }

    /// The body every success carries, when they all carry the same type (the `…Output` enum's `body`).
    var commonSuccessBodyType: String? {
        guard outputTypeName != nil, let first = successes.first, first.bodyKind != nil,
            successes.allSatisfy({ $0.bodyType == first.bodyType })
        else { return nil }
        return first.bodyType
    }

    /// The return type is the body of one JSON success (the paginator's page).
    var plainJSONBody: String? {
        outputTypeName == nil && !primarySuccess.isTyped && primarySuccess.bodyKind == .json
            ? primarySuccess.bodyType : nil
    }
}

/// Plans responses in two steps, like input types: first the names of the synthetic types an
/// operation needs (they are types of the document and share its top-level scope), then, once
/// every name is given, the plan that refers to them.
enum ResponsePlanner {
    /// One response as the spec declares it, before any Swift name is known.
    struct Layout {
        struct Entry {
            var status: ResponsePlan.Status
            var response: Response?
            var content: MediaContent?
            var caseName: String
            var headers: [ResponseHeader]
        }
        var operationID: String
        var successes: [Entry]
        var errors: [Entry]
        var needsOutputEnum: Bool
    }

    /// The synthetic type ids and wanted names of `layout`, in a stable order.
    static func syntheticTypes(_ layout: Layout) -> [(id: String, name: String)] {
        let stem = Naming.typeName(layout.operationID)
        var result: [(String, String)] = []
        if layout.needsOutputEnum { result.append((typeID(layout.operationID, "Output"), stem + "Output")) }
        if !layout.errors.isEmpty { result.append((typeID(layout.operationID, "Error"), stem + "Error")) }
        for entry in layout.successes + layout.errors where !entry.headers.isEmpty {
            result.append(
                (
                    typeID(layout.operationID, "Headers." + entry.caseName),
                    stem + Naming.typeName(entry.caseName) + "Headers"
                ))
        }
        return result
    }

    /// Ids no declared type can have (they contain a NUL), so they never collide with the document's.
    static func typeID(_ operationID: String, _ role: String) -> String {
        "\u{0}response\u{0}\(operationID)\u{0}\(role)"
    }

    static func layout(_ operation: Operation, typedErrors: Bool) -> Layout {
        var successes: [Layout.Entry] = []
        var errors: [Layout.Entry] = []
        var successCases = NameScope()
        var errorCases = NameScope()
        for response in operation.responses {
            guard let status = status(response.status) else { continue }
            let content = OperationPlanner.preferredContent(response.content)
            if status.isSuccess {
                let name = successCases.claimMember(caseName(status))
                successes.append(
                    .init(
                        status: status, response: response, content: content, caseName: name,
                        headers: response.headers ?? []))
            } else if typedErrors {
                let name = errorCases.claimMember(caseName(status))
                errors.append(
                    .init(
                        status: status, response: response, content: content, caseName: name,
                        headers: response.headers ?? []))
            }
        }
        if successes.isEmpty {
            // No 2xx declared: any 2xx is a success without body, as before typed responses.
            successes.append(.init(status: .range(2), response: nil, content: nil, caseName: "ok", headers: []))
        }
        // Several 2xx statuses are the `…Output` enum even when they share a body: the handler then
        // chooses the status (a 201 is not a 200) and the caller sees which one came.
        return Layout(
            operationID: operation.id, successes: successes, errors: errors, needsOutputEnum: successes.count > 1)
    }

    static func plan(
        _ layout: Layout, named: Bool, names: SwiftTypeNames, mapping: TypeMapping, document: APIDocument,
        bodies: inout RequestBodyPlanner
    ) -> ResponsePlan {
        // Only the first operation of an id has synthetic types (a reused id is a reader error).
        func name(_ role: String) -> String? { named ? names.qualified[typeID(layout.operationID, role)] : nil }
        func declared(_ entry: Layout.Entry, typed: Bool, bodies: inout RequestBodyPlanner) -> ResponsePlan.Declared {
            let kind = entry.content.map(BodyKind.of)
            var bodyType: String
            var itemType: String?
            var multipart: MultipartPlan?
            let schema = entry.content.map(\.type) ?? .untypedJSON
            switch kind {
            case .none: bodyType = "NoContent"
            case .binary: bodyType = "HTTPBody"
            case .multipart:
                // The part enum the request bodies use, planned once for the first operation of an id.
                if named, let content = entry.content {
                    multipart = bodies.responseMultipart(
                        content, operationID: layout.operationID, caseName: entry.caseName,
                        status: entry.response?.status ?? "2XX")
                }
                bodyType = "MultipartBody<\(multipart?.typeName ?? "MultipartRawPart")>"
            case .text: bodyType = "String"
            case .json, .form: bodyType = mapping.swiftType(schema.nonOptional)
            case .jsonLines, .jsonSequence:
                itemType = mapping.swiftType(RequestBodyPlanner.itemType(schema))
                bodyType = "EventStream<\(itemType ?? "JSONValue")>"
            case .serverSentEvents:
                if case .primitive(.string, _) = RequestBodyPlanner.itemType(schema) {
                    bodyType = "EventStream<ServerSentEvent>"
                } else {
                    itemType = mapping.swiftType(RequestBodyPlanner.itemType(schema))
                    bodyType = "EventStream<ServerSentEventWithJSONData<\(itemType ?? "JSONValue")>>"
                }
            }
            var members = NameScope(reserved: ["fields", "write", "init"])
            let headers = entry.headers.map { header in
                ResponsePlan.Header(
                    wireName: header.name, swiftName: members.claimMember(header.name),
                    valueType: mapping.swiftType(
                        OperationPlanner.parameterType(header.type, document: document).nonOptional),
                    required: header.required, description: header.description)
            }
            let headersName =
                headers.isEmpty
                ? nil : name("Headers." + entry.caseName)
            // The same items in several sequential media types: one stream type for all of them.
            // (Text items are not: an event's text data is no JSON string.)
            var itemMediaTypes: [String]?
            if let kind, kind == .jsonLines || kind == .jsonSequence, let preferred = entry.content,
                !Self.isText(RequestBodyPlanner.itemType(preferred.type))
            {
                let same = (entry.response?.content ?? []).filter {
                    $0.type == preferred.type
                        && [.jsonLines, .jsonSequence, .serverSentEvents].contains(BodyKind.of($0))
                }
                if same.count > 1 { itemMediaTypes = same.map(\.mediaType) }
            }
            return ResponsePlan.Declared(
                status: entry.status, summary: entry.response?.summary, description: entry.response?.description,
                caseName: entry.caseName,
                bodyKind: kind, bodyType: bodyType, itemType: itemType, multipart: multipart,
                mediaType: kind == nil ? nil : entry.content?.mediaType, itemMediaTypes: itemMediaTypes,
                headers: headersName == nil ? [] : headers, headersTypeName: headersName ?? "NoHeaders",
                isTyped: typed || headersName != nil)
        }
        let outputName = layout.needsOutputEnum ? name("Output") : nil
        let errorName = layout.errors.isEmpty ? nil : name("Error")
        var successes: [ResponsePlan.Declared] = []
        for entry in layout.successes { successes.append(declared(entry, typed: false, bodies: &bodies)) }
        var errors: [ResponsePlan.Declared] = []
        if errorName != nil {
            for entry in layout.errors { errors.append(declared(entry, typed: true, bodies: &bodies)) }
        }
        if layout.needsOutputEnum && outputName == nil {
            // Not named (a second operation with this id): only the first success is declared.
            successes = [successes[0]]
        }
        let returnType = outputName ?? successes[0].payloadType
        return ResponsePlan(
            successes: successes, outputTypeName: outputName, returnType: returnType,
            errors: errors,
            errorTypeName: errorName)
    }

    /// `200`, `4XX` (any case), `default`; anything else was refused by the reader.
    static func status(_ text: String) -> ResponsePlan.Status? {
        if text == "default" { return .otherwise }
        if let code = Int(text) { return .code(code) }
        let upper = text.uppercased()
        if upper.count == 3, upper.hasSuffix("XX"), let digit = upper.first?.wholeNumberValue { return .range(digit) }
        return nil
    }

    /// The reason phrase as a member name (`notFound`), ranges by their class, `default` as `other`.
    static func caseName(_ status: ResponsePlan.Status) -> String {
        switch status {
        case .otherwise: return "other"
        case .range(let digit):
            return ["informational", "success", "redirection", "clientError", "serverError"][max(0, min(digit - 1, 4))]
        case .code(let code): return reasonPhrases[code] ?? "status\(code)"
        }
    }

    static let reasonPhrases: [Int: String] = [
        100: "continue", 101: "switchingProtocols", 102: "processing", 103: "earlyHints",
        200: "ok", 201: "created", 202: "accepted", 203: "nonAuthoritativeInformation", 204: "noContent",
        205: "resetContent", 206: "partialContent", 207: "multiStatus", 208: "alreadyReported", 226: "imUsed",
        300: "multipleChoices", 301: "movedPermanently", 302: "found", 303: "seeOther", 304: "notModified",
        305: "useProxy", 307: "temporaryRedirect", 308: "permanentRedirect",
        400: "badRequest", 401: "unauthorized", 402: "paymentRequired", 403: "forbidden", 404: "notFound",
        405: "methodNotAllowed", 406: "notAcceptable", 407: "proxyAuthenticationRequired", 408: "requestTimeout",
        409: "conflict", 410: "gone", 411: "lengthRequired", 412: "preconditionFailed", 413: "contentTooLarge",
        414: "uriTooLong", 415: "unsupportedMediaType", 416: "rangeNotSatisfiable", 417: "expectationFailed",
        418: "imATeapot", 421: "misdirectedRequest", 422: "unprocessableContent", 423: "locked",
        424: "failedDependency", 425: "tooEarly", 426: "upgradeRequired", 428: "preconditionRequired",
        429: "tooManyRequests", 431: "requestHeaderFieldsTooLarge", 451: "unavailableForLegalReasons",
        500: "internalServerError", 501: "notImplemented", 502: "badGateway", 503: "serviceUnavailable",
        504: "gatewayTimeout", 505: "httpVersionNotSupported", 506: "variantAlsoNegotiates",
        507: "insufficientStorage", 508: "loopDetected", 510: "notExtended", 511: "networkAuthenticationRequired",
    ]
}

extension ResponsePlanner {
    /// A string item: as Server-Sent Events its data is text, not the JSON string JSON Lines has.
    fileprivate static func isText(_ type: TypeRef) -> Bool {
        if case .primitive(.string, _) = type { return true }
        return false
    }
}
