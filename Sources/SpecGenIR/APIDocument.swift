import SpecGenYAML

/// What a reader understood from a spec: the one model every emitter works from, whatever the
/// spec's version. Operations are in document order (paths as written, then methods as written);
/// types and security schemes are sorted by id/name, so the same spec always gives the same IR.
public struct APIDocument: Sendable, Codable, Equatable {
    /// `openapi: 3.1.0`, `swagger: "2.0"`: the version as written.
    public var specVersion: SpecVersion
    public var info: Info
    public var servers: [Server]
    public var `protocol`: APIProtocol
    public var operations: [Operation]
    public var types: [TypeDecl]
    public var securitySchemes: [SecurityScheme]
    /// Document-wide security requirements; an operation's own replace them.
    public var security: [SecurityRequirement]?
    public var extensions: Extensions?

    public init(specVersion: SpecVersion, info: Info) {
        self.specVersion = specVersion
        self.info = info
        self.servers = []
        self.protocol = APIProtocol(kind: .rest)
        self.operations = []
        self.types = []
        self.securitySchemes = []
    }

    /// The declaration with this id.
    public func type(_ id: String) -> TypeDecl? { types.first { $0.id == id } }

    /// The operation with this id.
    public func operation(_ id: String) -> Operation? { operations.first { $0.id == id } }
}

public struct SpecVersion: Sendable, Codable, Equatable {
    public enum Family: String, Sendable, Codable, Equatable {
        case openAPI30 = "openapi-3.0"
        case openAPI31 = "openapi-3.1"
        case swagger2 = "swagger-2.0"
    }

    public var family: Family
    public var written: String

    public init(family: Family, written: String) {
        self.family = family
        self.written = written
    }
}

public struct Info: Sendable, Codable, Equatable {
    public var title: String
    public var version: String
    public var summary: String?
    public var description: String?
    public var extensions: Extensions?

    public init(title: String, version: String) {
        self.title = title
        self.version = version
    }
}

public struct Server: Sendable, Codable, Equatable {
    public var url: String
    public var description: String?
    /// `{name}` variables of the URL with their default values.
    public var variables: [String: String]?

    public init(url: String, description: String? = nil) {
        self.url = url
        self.description = description
    }
}

/// How the API speaks on the wire beyond plain REST.
public struct APIProtocol: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, Equatable {
        case rest
        /// AWS JSON 1.0/1.1: `POST /`, the operation in `X-Amz-Target`, JSON whatever the media
        /// type, timestamps as epoch seconds, errors named by `__type`.
        case awsJSON
    }

    public var kind: Kind
    /// "1.0" or "1.1" for AWS JSON.
    public var version: String?
    /// The part of `X-Amz-Target` before the operation name: `AmazonEC2ContainerRegistry_V20150921`.
    public var targetPrefix: String?

    public init(kind: Kind, version: String? = nil, targetPrefix: String? = nil) {
        self.kind = kind
        self.version = version
        self.targetPrefix = targetPrefix
    }
}
