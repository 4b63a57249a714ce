import SpecGenYAML

/// A security scheme as OpenAPI 3 describes it; Swagger's `basic` becomes `http` with scheme `basic`.
public struct SecurityScheme: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, Equatable {
        case apiKey, http, oauth2, openIdConnect, mutualTLS
    }

    /// The key under `securitySchemes` / `securityDefinitions`.
    public var name: String
    public var kind: Kind
    public var description: String?
    /// apiKey: where the key travels and under which name.
    public var location: Parameter.Location?
    public var parameterName: String?
    /// http: `basic`, `bearer`, …
    public var scheme: String?
    public var bearerFormat: String?
    public var openIdConnectURL: String?
    /// oauth2 flows as written (3.x form; Swagger's single flow is converted).
    public var flows: JSONValue?
    public var extensions: Extensions?

    public init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }
}
