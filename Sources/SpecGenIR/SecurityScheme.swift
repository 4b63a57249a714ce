import SpecGenYAML

/// A security scheme as OpenAPI 3 describes it; Swagger's `basic` becomes `http` with scheme `basic`.
package struct SecurityScheme: Sendable, Codable, Equatable {
    package enum Kind: String, Sendable, Codable, Equatable {
        case apiKey, http, oauth2, openIdConnect, mutualTLS
    }

    /// The key under `securitySchemes` / `securityDefinitions`.
    package var name: String
    package var kind: Kind
    package var description: String?
    /// apiKey: where the key travels and under which name.
    package var location: Parameter.Location?
    package var parameterName: String?
    /// http: `basic`, `bearer`, …
    package var scheme: String?
    package var bearerFormat: String?
    package var openIdConnectURL: String?
    /// 3.2 `oauth2MetadataUrl`: the authorization server's metadata (RFC 8414), where tokens come from.
    package var oauth2MetadataURL: String?
    /// 3.2 `deprecated: true`.
    package var deprecated: Bool?
    /// oauth2 flows as written (3.x form; Swagger's single flow is converted).
    package var flows: JSONValue?
    package var extensions: Extensions?

    package init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }

    /// http: the scheme's name when it can travel in `Authorization`, which needs an HTTP token; nil otherwise.
    package var httpSchemeToken: String? {
        guard kind == .http, let scheme, Self.isHTTPToken(scheme) else { return nil }
        return scheme
    }

    /// An HTTP token (RFC 9110 §5.6.2: letters, digits and ``!#$%&'*+-.^_`|~``): what an authentication
    /// scheme's name and a header field's name must be.
    package static func isHTTPToken(_ text: String) -> Bool {
        !text.isEmpty
            && text.unicodeScalars.allSatisfy { scalar in
                ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                    || tokenSymbols.contains(scalar)
            }
    }

    private static let tokenSymbols = Set("!#$%&'*+-.^_`|~".unicodeScalars)
}
