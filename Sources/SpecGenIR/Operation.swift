import SpecGenYAML

/// One operation: what the user passes (`parameters`, `requestBody`), how it is told apart on the
/// wire (`route`), and what can come back (`responses`).
public struct Operation: Sendable, Codable, Equatable {
    /// The `operationId`, or one derived from method and path when the spec has none.
    public var id: String
    public var idIsDerived: Bool?
    public var summary: String?
    public var description: String?
    public var method: HTTPMethod
    /// The path key as written in the spec (`/#DescribeRepositories`, `/?Action=ListImages`).
    public var specPath: String
    public var route: WireRoute
    /// The inputs the user passes: every parameter except the route's constants, in spec order
    /// (path-level parameters first, overridden by operation-level ones of the same name and place).
    public var parameters: [Parameter]
    public var requestBody: RequestBody?
    /// By status as written (`200`, `4XX`, `default`), sorted: numbers, ranges, then `default`.
    public var responses: [Response]
    public var tags: [String]?
    public var deprecated: Bool?
    /// The operation's own requirements; nil means the document's apply.
    public var security: [SecurityRequirement]?
    public var extensions: Extensions?

    public init(id: String, method: HTTPMethod, specPath: String, route: WireRoute) {
        self.id = id
        self.method = method
        self.specPath = specPath
        self.route = route
        self.parameters = []
        self.responses = []
    }
}

public enum HTTPMethod: String, Sendable, Codable, Equatable, Hashable, CaseIterable {
    case get, put, post, delete, options, head, patch, trace
}

public struct Parameter: Sendable, Codable, Equatable {
    public enum Location: String, Sendable, Codable, Equatable, Hashable {
        case path, query, header, cookie
    }

    public var name: String
    public var location: Location
    public var required: Bool
    public var type: TypeRef
    public var description: String?
    public var deprecated: Bool?
    /// Serialization (`form`, `simple`, `spaceDelimited`, …); Swagger's `collectionFormat` maps here.
    public var style: String?
    public var explode: Bool?
    /// Swagger's `collectionFormat` as written, kept for the record.
    public var collectionFormat: String?
    public var defaultValue: JSONValue?
    public var extensions: Extensions?

    public init(name: String, location: Location, required: Bool, type: TypeRef) {
        self.name = name
        self.location = location
        self.required = required
        self.type = type
    }
}

public struct RequestBody: Sendable, Codable, Equatable {
    public var required: Bool
    public var description: String?
    /// One entry per media type, in spec order.
    public var content: [MediaContent]

    public init(required: Bool, content: [MediaContent]) {
        self.required = required
        self.content = content
    }
}

/// A body in one media type. `untypedJSON` when the spec gives no schema.
public struct MediaContent: Sendable, Codable, Equatable {
    public var mediaType: String
    public var type: TypeRef
    /// True when the spec declared no content and the reader assumed an untyped JSON payload,
    /// so generated code still hands the body to the caller.
    public var assumed: Bool?

    public init(mediaType: String, type: TypeRef, assumed: Bool? = nil) {
        self.mediaType = mediaType
        self.type = type
        self.assumed = assumed
    }
}

public struct Response: Sendable, Codable, Equatable {
    /// `200`, `4XX` or `default`.
    public var status: String
    public var description: String?
    /// Empty when the response has no body.
    public var content: [MediaContent]
    public var headers: [ResponseHeader]?
    public var extensions: Extensions?

    public init(status: String, content: [MediaContent]) {
        self.status = status
        self.content = content
    }

    /// True for `2XX`, `200`–`299`.
    public var isSuccess: Bool { status.first == "2" }
}

public struct ResponseHeader: Sendable, Codable, Equatable {
    public var name: String
    public var required: Bool
    public var type: TypeRef
    public var description: String?

    public init(name: String, required: Bool, type: TypeRef) {
        self.name = name
        self.required = required
        self.type = type
    }
}

/// Scheme name → scopes; all of one requirement apply together.
public typealias SecurityRequirement = [String: [String]]
