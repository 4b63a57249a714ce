import SpecGenIR

/// How a body of one media type is encoded and decoded, the same way on both sides: the client
/// builds an `OutgoingBody` of this kind, the server reads it back with the matching reader.
enum BodyKind: String, Sendable {
    /// The schema's type as JSON (any `…json` media type, `*/*`).
    case json
    /// `application/x-www-form-urlencoded`: the schema's struct as form fields.
    case form
    /// `multipart/*`: a generated part enum, streamed part by part.
    case multipart
    /// Bytes as they come (`application/octet-stream`, `image/*`, any `format: binary`): `HTTPBody`.
    case binary
    /// `text/*` that is not binary: `String`.
    case text
    /// `application/jsonl`, `application/x-ndjson`: one JSON value per line, `EventStream<Item>`.
    case jsonLines
    /// `application/json-seq` (RFC 7464): `EventStream<Item>`.
    case jsonSequence
    /// `text/event-stream`: `EventStream<ServerSentEventWithJSONData<Item>>` (or `ServerSentEvent`).
    case serverSentEvents

    /// The kind of a declared media type with its schema.
    static func of(_ content: MediaContent) -> BodyKind {
        let media = MediaContent.essence(content.mediaType)
        switch media {
        case "application/x-www-form-urlencoded": return .form
        case "application/jsonl", "application/x-ndjson", "application/x-jsonlines", "application/jsonlines":
            return .jsonLines
        case "application/json-seq": return .jsonSequence
        case "text/event-stream": return .serverSentEvents
        default: break
        }
        if media.hasPrefix("multipart/") { return .multipart }
        if TypeMapping.isBinary(content.type) { return .binary }
        if OperationPlanner.isJSON(media) { return .json }
        if media.hasPrefix("text/") { return .text }
        return .binary
    }

    /// The body is handed over as it arrives (the server route does not collect it first).
    var streams: Bool {
        switch self {
        case .binary, .multipart, .jsonLines, .jsonSequence, .serverSentEvents: return true
        case .json, .form, .text: return false
        }
    }

    /// JSON Lines, JSON Sequence or Server-Sent Events: an `EventStream`, decoded as it arrives.
    var isEventStream: Bool { [.jsonLines, .jsonSequence, .serverSentEvents].contains(self) }

    /// The value is `Codable` and `Hashable`, so an input struct holding it keeps those conformances.
    var isCodableValue: Bool { !streams }
}

/// An operation's request body: one variant per declared media type, and how the input holds it.
struct RequestBodyPlan {
    var variants: [RequestBodyVariant]
    var required: Bool
    /// A JSON body that may be `null` and may be left out: the input holds `Nullable<…>?`.
    var nullableOptional: Bool
    /// A single JSON body whose schema allows `null` (required: the input holds `Pet?`, read as `Pet?`).
    var allowsNull = false
    /// The Swift type of the body without `?`: the variant's, or the choice enum's when there are several.
    var valueType: String
    /// Set when the operation declares several media types: the generated enum the caller picks a case of.
    var choiceTypeName: String?
    /// The type of an operation's input when the body is all of it: a JSON body's schema type
    /// (with `?` when it may be null), else `valueType`.
    var wholeInputType: String
    /// The server route streams the body (some variant streams).
    var streams: Bool { variants.contains { $0.kind.streams } }
    /// The body is `Codable` and `Hashable` (an input struct holding it keeps those conformances).
    var isCodable: Bool { choiceTypeName == nil && variants.allSatisfy(\.kind.isCodableValue) }
}

/// One declared media type of a request body.
struct RequestBodyVariant {
    var kind: BodyKind
    var mediaType: String
    /// `Pet`, `String`, `HTTPBody`, `MultipartBody<UploadFilePart>`, `EventStream<Message>`.
    var swiftType: String
    /// Its case in the choice enum (`json`, `form`, `multipart`, …).
    var caseName: String
    /// The element of an event stream (`Message`); for Server-Sent Events the JSON `data` type,
    /// nil when `data` is text.
    var itemType: String?
    /// Set for `multipart/*` with an object schema: the generated part enum.
    var multipart: MultipartPlan?
}

/// The part enum of a `multipart/*` body, one case per property of the schema: the same enum for
/// a request body and a response body (it encodes and decodes parts both ways).
struct MultipartPlan {
    var typeName: String
    var operationID: String
    /// Set for a response's body: its status as the spec writes it (`200`, `2XX`, `default`).
    var responseStatus: String?
    var parts: [MultipartPartPlan]
    var exactlyOnce: [String]
    var atLeastOnce: [String]
    var atMostOnce: [String]
    var zeroOrMore: [String]
}

struct MultipartPartPlan {
    /// How a part's content travels.
    enum Coding {
        /// A primitive's text (`42`, `true`, `hello`).
        case text
        /// A string or integer enumeration's raw value as text.
        case rawValue
        /// JSON (objects, arrays of arrays, dates, untyped values).
        case json
        /// A file (`format: binary`, Swagger `type: file`): `MultipartFile`, streamed.
        case file
    }

    var wireName: String
    var caseName: String
    /// One part's value type (an array property repeats the part, one element each).
    var valueType: String
    /// Its schema (the stubs build a required part's smallest value from it).
    var valueRef: TypeRef = .untypedJSON
    /// The headers the body's `encoding` declares for this part, typed like a response's.
    var headers: [ResponsePlan.Header] = []
    /// The generated struct of `headers`, nil when the part declares none.
    var headersTypeName: String?
    /// The case's payload: the value, or `MultipartPartWithHeaders<Value, Headers>` when the part declares headers.
    var payloadType: String {
        headersTypeName.map { "MultipartPartWithHeaders<\(valueType), \($0)>" } ?? valueType
    }
    var coding: Coding
    var description: String?
    /// The part's media type from the body's `encoding` (a file sent without one is announced so).
    var contentType: String?
}

/// Plans request bodies; the synthetic type names (part and choice enums) are claimed after every
/// spec type has its Swift name, so they never take one.
struct RequestBodyPlanner {
    let document: APIDocument
    let mapping: TypeMapping
    private var topLevel: NameScope

    init(document: APIDocument, names: SwiftTypeNames, mapping: TypeMapping, options: EmitOptions) {
        self.document = document
        self.mapping = mapping
        var taken = SwiftTypeNames.reservedTopLevel(options)
        // Every name handed out, the document's and the synthetic response types' (`GetPetError`).
        taken.formUnion(names.simple.values)
        topLevel = NameScope(reserved: taken)
    }

    /// The body of `operation`, nil when it declares none (or no media type).
    mutating func plan(_ operation: Operation) -> RequestBodyPlan? {
        guard let body = operation.requestBody, !body.content.isEmpty else { return nil }
        let stem = Naming.typeName(operation.id)
        var cases = NameScope()
        var variants: [RequestBodyVariant] = []
        var seenMedia = Set<String>()
        for content in body.content where seenMedia.insert(MediaContent.essence(content.mediaType)).inserted {
            let kind = BodyKind.of(content)
            var variant = RequestBodyVariant(
                kind: kind, mediaType: content.mediaType, swiftType: "", caseName: cases.claim(kind.rawValue),
                itemType: nil, multipart: nil)
            switch kind {
            case .json, .form: variant.swiftType = mapping.swiftType(content.type.nonOptional)
            case .text: variant.swiftType = "String"
            case .binary: variant.swiftType = "HTTPBody"
            case .jsonLines, .jsonSequence:
                let item = mapping.swiftType(Self.itemType(content.type))
                variant.itemType = item
                variant.swiftType = "EventStream<\(item)>"
            case .serverSentEvents:
                let item = Self.itemType(content.type)
                if case .primitive(.string, _) = item {
                    variant.swiftType = "EventStream<ServerSentEvent>"
                } else {
                    let data = mapping.swiftType(item)
                    variant.itemType = data
                    variant.swiftType = "EventStream<ServerSentEventWithJSONData<\(data)>>"
                }
            case .multipart:
                if let plan = multipart(content, operationID: operation.id, stem: stem) {
                    variant.multipart = plan
                    variant.swiftType = "MultipartBody<\(plan.typeName)>"
                } else {
                    variant.swiftType = "MultipartBody<MultipartRawPart>"
                }
            }
            variants.append(variant)
        }
        var plan = RequestBodyPlan(
            variants: variants, required: body.required, nullableOptional: false, valueType: variants[0].swiftType,
            choiceTypeName: nil, wholeInputType: variants[0].swiftType)
        if variants.count > 1 {
            let name = topLevel.claim(stem + "Body")
            plan.choiceTypeName = name
            plan.valueType = name
            // An optional body the caller may leave out: `nil` sends none, and the handler gets `nil`.
            plan.wholeInputType = body.required ? name : name + "?"
        } else if variants[0].kind == .json {
            plan.allowsNull = body.content[0].type.isOptional
            plan.nullableOptional = !body.required && plan.allowsNull
            plan.wholeInputType = mapping.swiftType(body.content[0].type)
        }
        return plan
    }

    /// An event stream's element: the schema's items when it describes the whole stream as an array.
    static func itemType(_ type: TypeRef) -> TypeRef {
        if case .array(let element) = type.nonOptional { return element.nonOptional }
        return type.nonOptional
    }

    /// The part enum of a response's `multipart/*` body (named after the operation and the response's
    /// case, `GetBundleOkPart`); nil for a schema without properties (raw parts then).
    mutating func responseMultipart(_ content: MediaContent, operationID: String, caseName: String, status: String)
        -> MultipartPlan?
    {
        var plan = multipart(
            content, operationID: operationID, stem: Naming.typeName(operationID) + Naming.typeName(caseName))
        plan?.responseStatus = status
        return plan
    }

    /// The part enum of an object schema; nil for a schema without properties (raw parts then).
    private mutating func multipart(_ content: MediaContent, operationID: String, stem: String) -> MultipartPlan? {
        guard case .named(let id) = content.type.nonOptional, case .object(let object)? = resolved(id)?.kind,
            !object.properties.isEmpty
        else { return nil }
        // The enum's own members: the catch-all case, `rules`, `rawPart(profile:)`, `decode(_:profile:upTo:)`.
        var cases = NameScope(reserved: ["other", "rules", "rawPart", "decode"])
        let typeName = topLevel.claim(stem + "Part")
        var plan = MultipartPlan(
            typeName: typeName, operationID: operationID, parts: [], exactlyOnce: [],
            atLeastOnce: [], atMostOnce: [], zeroOrMore: [])
        for property in object.properties {
            var valueRef = property.type.nonOptional
            var repeats = false
            if case .array(let element) = valueRef, !isArray(element) {
                valueRef = element.nonOptional
                repeats = true
            }
            var part = MultipartPartPlan(
                wireName: property.name, caseName: cases.claim(Naming.memberName(property.name)),
                valueType: coding(valueRef) == .file ? "MultipartFile" : mapping.swiftType(valueRef),
                coding: coding(valueRef), description: property.description,
                contentType: content.partContentTypes?[property.name])
            part.valueRef = valueRef
            if let declared = content.partHeaders?[property.name], !declared.isEmpty {
                // Typed like a response's headers (the same struct shape, the same `simple` style).
                var members = NameScope(reserved: ["fields", "write", "init"])
                part.headers = declared.map { header in
                    ResponsePlan.Header(
                        wireName: header.name, swiftName: members.claimMember(header.name),
                        valueType: mapping.swiftType(
                            OperationPlanner.parameterType(header.type, document: document).nonOptional),
                        required: header.required, description: header.description)
                }
                part.headersTypeName = topLevel.claim(typeName + Naming.typeName(property.name) + "Headers")
            }
            plan.parts.append(part)
            switch (property.required, repeats) {
            case (true, false): plan.exactlyOnce.append(property.name)
            case (true, true): plan.atLeastOnce.append(property.name)
            case (false, false): plan.atMostOnce.append(property.name)
            case (false, true): plan.zeroOrMore.append(property.name)
            }
        }
        return plan
    }

    private func isArray(_ ref: TypeRef) -> Bool {
        if case .array = ref.nonOptional { return true }
        return false
    }

    /// A declaration with its aliases followed.
    private func resolved(_ id: String) -> TypeDecl? {
        var current = document.type(id)
        var steps = 0
        while case .alias(.named(let target))? = current?.kind, steps < 32 {
            current = document.type(target)
            steps += 1
        }
        return current
    }

    private func coding(_ ref: TypeRef) -> MultipartPartPlan.Coding {
        switch ref.nonOptional {
        case .primitive(.string, "binary"?): return .file
        case .primitive(.string, "byte"?), .primitive(.string, "date"?), .primitive(.string, "date-time"?):
            return .json
        case .primitive: return .text
        case .named(let id):
            switch resolved(id)?.kind {
            case .enumeration?: return .rawValue
            case .alias(let target)?: return target.isNamed ? .json : coding(target)
            default: return .json
            }
        default: return .json
        }
    }
}

extension TypeRef {
    fileprivate var isNamed: Bool {
        if case .named = self { return true }
        return false
    }
}
