import SpecGenYAML

/// One operation: what the user passes (`parameters`, `requestBody`), how it is told apart on the
/// wire (`route`), and what can come back (`responses`).
package struct Operation: Sendable, Codable, Equatable {
    /// The `operationId`, or one derived from method and path when the spec has none.
    package var id: String
    package var idIsDerived: Bool?
    package var summary: String?
    package var description: String?
    package var method: HTTPMethod
    /// The path key as written in the spec (`/#DescribeRepositories`, `/?Action=ListImages`).
    package var specPath: String
    package var route: WireRoute
    /// The inputs the user passes: every parameter except the route's constants, in spec order
    /// (path-level parameters first, overridden by operation-level ones of the same name and place).
    package var parameters: [Parameter]
    package var requestBody: RequestBody?
    /// By status as written (`200`, `4XX`, `default`), sorted: numbers, ranges, then `default`.
    package var responses: [Response]
    package var tags: [String]?
    package var deprecated: Bool?
    /// The operation's own requirements; nil means the document's apply.
    package var security: [SecurityRequirement]?
    /// OpenAPI 3 `callbacks`: requests the provider sends back while or after serving this one.
    package var callbacks: [Callback]?
    package var extensions: Extensions?

    package init(id: String, method: HTTPMethod, specPath: String, route: WireRoute) {
        self.id = id
        self.method = method
        self.specPath = specPath
        self.route = route
        self.parameters = []
        self.responses = []
    }
}

/// One callback of an operation: requests the API provider sends to a URL the operation's request
/// names (`{$request.body#/callbackUrl}`). Each of its operations' `specPath` is the expression; its
/// route path is where a generated receiver serves it (`/`, the operation's id, `/`, the name).
package struct Callback: Sendable, Codable, Equatable {
    /// The key under `callbacks` (`onData`).
    package var name: String
    /// The URL as a runtime expression template, as written (`{$request.query.callbackUrl}/data`).
    package var expression: String
    package var operations: [Operation]

    package init(name: String, expression: String, operations: [Operation]) {
        self.name = name
        self.expression = expression
        self.operations = operations
    }
}

/// An operation's HTTP method: one of the path item's method fields (`get` … `trace`, and 3.2's
/// `query`), or a 3.2 `additionalOperations` key (`LINK`, `PURGE`: any HTTP token, sent as written).
/// A struct, not an enum, because that second set is open, as it is in HTTP (RFC 9110 §9.1).
package struct HTTPMethod: Sendable, Codable, Hashable, CustomStringConvertible {
    /// The path item field (`get`, `query`) or the `additionalOperations` key (`LINK`), as written.
    package let rawValue: String
    /// An `additionalOperations` method, not a path item field.
    package let isAdditional: Bool

    private init(rawValue: String, isAdditional: Bool) {
        self.rawValue = rawValue
        self.isAdditional = isAdditional
    }

    package static let get = HTTPMethod(rawValue: "get", isAdditional: false)
    package static let put = HTTPMethod(rawValue: "put", isAdditional: false)
    package static let post = HTTPMethod(rawValue: "post", isAdditional: false)
    package static let delete = HTTPMethod(rawValue: "delete", isAdditional: false)
    package static let options = HTTPMethod(rawValue: "options", isAdditional: false)
    package static let head = HTTPMethod(rawValue: "head", isAdditional: false)
    package static let patch = HTTPMethod(rawValue: "patch", isAdditional: false)
    package static let trace = HTTPMethod(rawValue: "trace", isAdditional: false)
    /// OpenAPI 3.2's QUERY (a safe method with a body).
    package static let query = HTTPMethod(rawValue: "query", isAdditional: false)

    /// The path item's method fields, in the specification's order.
    package static let fields: [HTTPMethod] = [.get, .put, .post, .delete, .options, .head, .patch, .trace, .query]

    /// A path item field (`get` … `query`); nil for any other text.
    package init?(rawValue: String) {
        guard let method = Self.fields.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = method
    }

    /// An `additionalOperations` key: an HTTP token that is no field's method in any case (those
    /// belong in their fields); nil otherwise.
    package init?(additional token: String) {
        guard SecurityScheme.isHTTPToken(token), HTTPMethod(rawValue: token.lowercased()) == nil else { return nil }
        self.init(rawValue: token, isAdditional: true)
    }

    /// What travels on the request line: a field's name in upper case, an additional method as written.
    package var wireName: String { isAdditional ? rawValue : rawValue.uppercased() }

    package var description: String { wireName }

    package init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let method = HTTPMethod(rawValue: text) ?? HTTPMethod(additional: text) else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "'\(text)' is no HTTP method"))
        }
        self = method
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

package struct Parameter: Sendable, Codable, Equatable {
    package enum Location: String, Sendable, Codable, Equatable, Hashable {
        case path, query, header, cookie
        /// OpenAPI 3.2: the whole query string is one value of the parameter's `content` media type
        /// (form-urlencoded or JSON); no `in: query` parameter may stand beside it.
        case querystring
    }

    /// OpenAPI's `style` values, plus `tabDelimited` for Swagger's `collectionFormat: tsv`.
    package enum Style: String, Sendable, Codable, Equatable, Hashable, CaseIterable {
        case simple, label, matrix, form, spaceDelimited, pipeDelimited, tabDelimited, deepObject

        /// The styles OpenAPI 3 defines for a location (`tabDelimited` comes from Swagger only).
        package static func allowed(in location: Location) -> [Style] {
            switch location {
            case .path: return [.simple, .label, .matrix]
            case .query: return [.form, .spaceDelimited, .pipeDelimited, .deepObject]
            case .header: return [.simple]
            case .cookie: return [.form]
            case .querystring: return []
            }
        }
    }

    package var name: String
    package var location: Location
    package var required: Bool
    package var type: TypeRef
    package var description: String?
    package var deprecated: Bool?
    /// Serialization as declared; nil is the location's default. Swagger's `collectionFormat` maps here.
    package var style: Style?
    package var explode: Bool?
    /// The media type of a parameter declared with `content` (its value travels as that document,
    /// e.g. JSON in one query item) instead of `schema`; `type` is that content's schema.
    package var contentMediaType: String?
    /// Swagger's `collectionFormat` as written, kept for the record.
    package var collectionFormat: String?
    package var defaultValue: JSONValue?
    package var extensions: Extensions?
    /// Bounds on the value (`maxLength`, `minimum`, `maxItems`, …) from its schema (Swagger 2.0:
    /// the parameter itself); a `$ref`ed schema's are on its declaration.
    package var constraints: ValueConstraints?

    package init(name: String, location: Location, required: Bool, type: TypeRef) {
        self.name = name
        self.location = location
        self.required = required
        self.type = type
    }
}

package struct RequestBody: Sendable, Codable, Equatable {
    package var required: Bool
    package var description: String?
    /// One entry per media type, in spec order.
    package var content: [MediaContent]

    package init(required: Bool, content: [MediaContent]) {
        self.required = required
        self.content = content
    }
}

/// A body in one media type. `untypedJSON` when the spec gives no schema.
package struct MediaContent: Sendable, Codable, Equatable {
    /// The members of RFC 9457 problem details a server can fill for an error it makes itself.
    package static let problemDetailsMembers: Set<String> = ["type", "title", "status", "detail", "instance"]

    /// The media type without parameters, lowercased (`text/plain; charset=utf-8` → `text/plain`).
    package static func essence(_ mediaType: String) -> String {
        String(mediaType.prefix { $0 != ";" }).trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// `application/problem+json`, parameters and case aside.
    package static func isProblemJSON(_ mediaType: String) -> Bool {
        essence(mediaType) == "application/problem+json"
    }

    package var mediaType: String
    package var type: TypeRef
    /// True when the spec declared no content and the reader assumed an untyped JSON payload,
    /// so generated code still hands the body to the caller.
    package var assumed: Bool?
    /// The example the spec gives for this body: the media type's `example` or first `examples`
    /// value, else an inline schema's own example (a named schema's is on its `TypeDecl`).
    package var example: JSONValue?
    /// A multipart body's `encoding`: the `contentType` declared for a property's part, by property name.
    package var partContentTypes: [String: String]?
    /// A multipart body's `encoding`: the `headers` declared for a property's part, by property name
    /// (`Content-Type` left out: OpenAPI says it is the encoding's `contentType`).
    package var partHeaders: [String: [ResponseHeader]]?
    /// Bounds on the body as a whole (`maxItems` of an array body, …) from an inline schema.
    package var constraints: ValueConstraints?

    package init(mediaType: String, type: TypeRef, assumed: Bool? = nil) {
        self.mediaType = mediaType
        self.type = type
        self.assumed = assumed
    }
}

package struct Response: Sendable, Codable, Equatable {
    /// `200`, `4XX` or `default`.
    package var status: String
    /// OpenAPI 3.2's short `summary`, then the `description`.
    package var summary: String?
    package var description: String?
    /// Empty when the response has no body.
    package var content: [MediaContent]
    package var headers: [ResponseHeader]?
    package var extensions: Extensions?

    package init(status: String, content: [MediaContent]) {
        self.status = status
        self.content = content
    }

    /// True for `2XX`, `200`–`299`.
    package var isSuccess: Bool { status.first == "2" }
}

package struct ResponseHeader: Sendable, Codable, Equatable {
    package var name: String
    package var required: Bool
    package var type: TypeRef
    package var description: String?

    package init(name: String, required: Bool, type: TypeRef) {
        self.name = name
        self.required = required
        self.type = type
    }
}

/// Scheme name → scopes; all of one requirement apply together.
package typealias SecurityRequirement = [String: [String]]
