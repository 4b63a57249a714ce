import SpecGenYAML

/// What a reader understood from a spec: the one model every emitter works from, whatever the
/// spec's version. Operations are in document order (paths as written, then methods as written);
/// types and security schemes are sorted by id/name, so the same spec always gives the same IR.
package struct APIDocument: Sendable, Codable, Equatable {
    /// `openapi: 3.1.0`, `swagger: "2.0"`: the version as written.
    package var specVersion: SpecVersion
    package var info: Info
    package var servers: [Server]
    package var `protocol`: APIProtocol
    package var operations: [Operation]
    /// OpenAPI 3.1 `webhooks`: requests the API provider sends to its subscribers, in document
    /// order. Each operation's `specPath` is the webhook's name; its route path is where a
    /// generated receiver serves it (`/` and the name).
    package var webhooks: [Operation]
    package var types: [TypeDecl]
    package var securitySchemes: [SecurityScheme]
    /// Document-wide security requirements; an operation's own replace them.
    package var security: [SecurityRequirement]?
    /// The document's `tags`, in document order (3.2: nested by `parent`).
    package var tags: [Tag]
    package var extensions: Extensions?

    package init(specVersion: SpecVersion, info: Info) {
        self.specVersion = specVersion
        self.info = info
        self.servers = []
        self.protocol = APIProtocol(kind: .rest)
        self.operations = []
        self.webhooks = []
        self.types = []
        self.securitySchemes = []
        self.tags = []
    }

    /// `tag` and every tag it is nested in (3.2 `parent`), nearest first; a cycle ends the walk.
    package func tagWithAncestors(_ tag: String) -> [String] {
        var chain = [tag]
        while let parent = tags.first(where: { $0.name == chain.last })?.parent, !chain.contains(parent) {
            chain.append(parent)
        }
        return chain
    }

    /// The declaration with this id.
    package func type(_ id: String) -> TypeDecl? { types.first { $0.id == id } }

    /// The requests the API provider sends: webhooks, then every operation's callbacks (nested ones
    /// too) in document order.
    package var sentOperations: [Operation] {
        var result = webhooks
        func collect(_ operation: Operation) {
            for callback in operation.callbacks ?? [] {
                for nested in callback.operations {
                    result.append(nested)
                    collect(nested)
                }
            }
        }
        (operations + webhooks).forEach(collect)
        return result
    }

    /// Every operation: the API's own, then `sentOperations`.
    package var allOperations: [Operation] { operations + sentOperations }

    /// The operation with this id.
    package func operation(_ id: String) -> Operation? { operations.first { $0.id == id } }
}

package struct SpecVersion: Sendable, Codable, Equatable {
    package enum Family: String, Sendable, Codable, Equatable {
        case openAPI30 = "openapi-3.0"
        case openAPI31 = "openapi-3.1"
        case openAPI32 = "openapi-3.2"
        case swagger2 = "swagger-2.0"
    }

    package var family: Family
    package var written: String

    package init(family: Family, written: String) {
        self.family = family
        self.written = written
    }
}

package struct Info: Sendable, Codable, Equatable {
    package var title: String
    package var version: String
    package var summary: String?
    package var description: String?
    package var extensions: Extensions?

    package init(title: String, version: String) {
        self.title = title
        self.version = version
    }
}

package struct Server: Sendable, Codable, Equatable {
    /// The URL as written, `{name}` for each variable.
    package var url: String
    package var description: String?
    /// OpenAPI 3.2's `name`: what the generated code calls the server.
    package var name: String?
    /// The URL's `{name}` variables, in the order the spec lists them.
    package var variables: [ServerVariable]?

    package init(url: String, description: String? = nil) {
        self.url = url
        self.description = description
    }
}

/// How the API speaks on the wire beyond plain REST.
package struct APIProtocol: Sendable, Codable, Equatable {
    package enum Kind: String, Sendable, Codable, Equatable {
        case rest
        /// AWS JSON 1.0/1.1: `POST /`, the operation in `X-Amz-Target`, JSON whatever the media
        /// type, timestamps as epoch seconds, errors named by `__type`.
        case awsJSON
    }

    package var kind: Kind
    /// "1.0" or "1.1" for AWS JSON.
    package var version: String?
    /// The part of `X-Amz-Target` before the operation name: `AmazonEC2ContainerRegistry_V20150921`.
    package var targetPrefix: String?

    package init(kind: Kind, version: String? = nil, targetPrefix: String? = nil) {
        self.kind = kind
        self.version = version
        self.targetPrefix = targetPrefix
    }
}

/// A `{name}` in a server URL: what it is replaced with unless the caller says otherwise, and the
/// values it may take when the spec lists them.
package struct ServerVariable: Sendable, Codable, Equatable {
    package var name: String
    /// OpenAPI requires it; nil when the spec leaves it out (the reader warned).
    package var defaultValue: String?
    package var enumValues: [String]?
    package var description: String?

    package init(name: String, defaultValue: String?) {
        self.name = name
        self.defaultValue = defaultValue
    }

    /// The URL with each variable replaced by its default; nil when one has none.
    package static func substitutingDefaults(in url: String, _ variables: [ServerVariable]) -> String? {
        var result = url
        for variable in variables {
            guard let value = variable.defaultValue else { return nil }
            result = result.replacingOccurrences(of: "{" + variable.name + "}", with: value)
        }
        return result
    }
}

/// A document tag: operations name it in their `tags`.
package struct Tag: Sendable, Codable, Equatable {
    package var name: String
    package var description: String?
    /// OpenAPI 3.2: a short `summary`, the tag it is nested in (`parent`), and its `kind`
    /// (`nav`, `badge`, `audience`, …).
    package var summary: String?
    package var parent: String?
    package var kind: String?

    package init(name: String) {
        self.name = name
    }
}
