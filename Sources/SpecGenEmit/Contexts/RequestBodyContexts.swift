/// What the body partials receive: `Templates/ClientRequestBody.mustache` (builds `body`, an
/// `OutgoingBody?`), `Templates/ServerRequestBody.mustache` (reads `body` from the request),
/// `Templates/BodyEncode.mustache` and `Templates/ServerBodyRead.mustache` (one media type each),
/// and `Templates/RequestBodyTypes.mustache` (the part and choice enums, in the models). Typed data:
/// names, types, media types and flags per body kind; the Swift shape is the templates'.
struct RequestBodyContext: Encodable {
    /// How the client reaches the body: `input.body` (a member of the input struct) or `input`.
    var expression: String
    /// The input struct's member the server fills (`body`), nil when the body is the whole input.
    var memberName: String?
    /// The client unwraps the body (`if let value = …`): it is optional and absent means no body.
    var unwraps: Bool
    /// Set when the caller picks among several media types: the choice enum's name.
    var choiceTypeName: String?
    /// The one media type the body has, when it has one.
    var single: BodyVariantContext?
    /// Every media type, for the server's match on `Content-Type` (choice enums only).
    var variants: [BodyVariantContext]
    /// The server route hands the handler the body as it arrives.
    var streams: Bool
    /// The server answers a request without a body with `nil` (an optional choice).
    var optionalChoice: Bool
}

/// One media type of a body and how a value of it is written and read.
struct BodyVariantContext: Encodable {
    /// Its case in the choice enum.
    var caseName: String
    /// The value's Swift type (`Pet`, `String`, `HTTPBody`, `MultipartBody<UploadPart>`, `EventStream<Event>`).
    var swiftType: String
    /// The declared media type as a Swift string literal.
    var mediaTypeLiteral: String
    var isJSON: Bool
    var isForm: Bool
    var isText: Bool
    var isBinary: Bool
    var isMultipart: Bool
    var isJSONLines: Bool
    var isJSONSequence: Bool
    var isServerSentEvents: Bool
    /// The element of a JSON Lines/Sequence stream, the JSON `data` of Server-Sent Events (nil: text data).
    var itemType: String?
    /// The generated part enum of a multipart body (nil: raw parts).
    var partTypeName: String?
    /// `ServerRequest`'s JSON reader: `decodeBody`, `decodeOptionalBody` or `decodeNullableBody`;
    /// the type it reads (without `Nullable`).
    var jsonReader: String
    var jsonReadType: String
    /// The server reads the body only when the request has one (an optional body that is not JSON).
    var readsIfPresent: Bool
    /// The route streams, so a collected reader (JSON) collects the stream first.
    var collectsFirst: Bool
    /// First of the server's `if … else if` chain on `Content-Type`.
    var isFirst: Bool
    /// What the client's encoded body is bound to (`BodyBinding.encode`): `return` in a choice
    /// enum's `outgoingBody(profile:)`, `body =` for an optional body's unwrapped `value`, else
    /// `let body: OutgoingBody? =`.
    var encodeBinding: String
    /// What the server's read body is bound to (`BodyBinding.read`): `let value =` in a choice
    /// (wrapped in its case next), `let input =` for a whole input, `body =` for an optional body
    /// read when present, else `let body =`.
    var readBinding: String
    /// The name of the value to encode (`value`, `input.body`), and of the wire profile
    /// (`profile`, `client.profile`).
    var valueName: String
    var profileName: String
}

/// A type the request bodies need besides the spec's: a multipart part enum or a choice enum.
struct BodyTypeContext: Encodable {
    var access: String
    var multipart: MultipartTypeContext?
    var choice: BodyChoiceContext?
}

/// A part enum, for a request body or a response body alike (one template both ways).
struct MultipartTypeContext: Encodable {
    var name: String
    var operationID: String
    /// Set for a response's body: its status as the spec writes it (`200`, `2XX`, `default`).
    var responseStatus: String?
    /// The structs of the parts' declared headers (`Templates/HeadersStruct.mustache`, as responses').
    var headers: [ResponseHeadersContext]
    var parts: [MultipartPartContext]
    /// Part names as Swift string literals, for `MultipartRules`.
    var exactlyOnce: [String]
    var atLeastOnce: [String]
    var atMostOnce: [String]
    var zeroOrMore: [String]
}

struct MultipartPartContext: Encodable {
    /// Doc comment lines indented for a case, or "".
    var doc: String
    /// The part's name as a Swift string literal.
    var wireName: String
    var caseName: String
    /// The part's value type, and the case's payload: the value, or
    /// `MultipartPartWithHeaders<Value, Headers>` when the part declares headers.
    var valueType: String
    var payloadType: String
    /// The part's generated headers struct, nil when it declares none.
    var headersTypeName: String?
    /// How the content travels: a primitive's text, an enumeration's raw value, JSON, or a streamed file.
    var isText: Bool
    var isRawValue: Bool
    var isJSON: Bool
    var isFile: Bool
    /// The `encoding`'s media type for this part as a Swift literal: a file without one is sent as it.
    var contentTypeLiteral: String?
}

struct BodyChoiceContext: Encodable {
    var name: String
    var operationID: String
    var variants: [BodyVariantContext]
}
