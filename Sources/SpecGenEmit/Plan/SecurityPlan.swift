import SpecGenIR

/// What the generated code does with the spec's security schemes: which ones it can send and
/// check, their Swift names, and each operation's requirements resolved to them.
///
/// Supported: http `bearer` and `basic`, any other http scheme whose name is an HTTP token
/// (`Digest`, `HOBA`, a custom one: the `Authorization` value is set by the caller and handed to
/// the handler as it came), `apiKey` in a header, the query or a cookie, `oauth2` and
/// `openIdConnect` (bearer tokens, with the scopes each requirement lists). Everything else —
/// `mutualTLS`, an http scheme with no usable name, SigV4 (an `apiKey` marked `x-amz-auth: sigv4`
/// or `x-amazon-apigateway-authtype: awsSigv4`, or named like `aws_sigv4`: SpecGenAWS's middleware
/// signs those requests) and names no scheme declares — is *unchecked*: nothing is generated for
/// it, and an operation that accepts it in one of its alternatives is not enforced by the
/// generated route (the transport or a middleware may satisfy it where the route cannot see).
/// The reader warns, where the scheme is declared, about each unchecked one an operation uses
/// (`DocumentFinisher.reportSecuritySchemes`); SigV4 is silent, since SpecGenAWS applies it.
struct SecurityPlan {
    /// How a supported scheme travels.
    enum Kind: Equatable {
        case bearer, basic
        /// Another http scheme, by the name the spec gives it (an HTTP token: `Digest`).
        case http(scheme: String)
        case apiKey(name: String, location: Parameter.Location)
    }

    struct Scheme {
        var spec: SecurityScheme
        var kind: Kind
        /// The handler's argument label, unique among the schemes and never `input`.
        var handlerLabel: String
        /// The ids of the operations that accept this scheme (in any alternative), in document order.
        var operationIDs: [String]
    }

    /// One credential argument of a handler method.
    struct HandlerCredential {
        var scheme: Scheme
        /// False when some alternative does not need this scheme: the handler gets an optional.
        var required: Bool
        /// OAuth2 / OpenID Connect: the scopes of each requirement naming the scheme, in document order
        /// (OR'd lists of AND'd scopes); empty when none lists any.
        var requiredScopes: [[String]]
    }

    /// An operation's requirements, as its route checks them.
    struct OperationSecurity {
        /// The alternatives (OR'd) of schemes (AND'd); nil when the route checks nothing.
        var enforced: [[Scheme]]?
        /// Each supported scheme any alternative names, sorted by spec name.
        var credentials: [HandlerCredential]
    }

    /// Supported schemes, sorted by spec name.
    let schemes: [Scheme]
    /// Whether an operation without its own `security` gets the document's (false for webhooks and
    /// callbacks, which the API sends rather than receives).
    var appliesDocumentDefault = true
    private let byName: [String: Scheme]

    init(_ document: APIDocument) {
        var supported: [(SecurityScheme, Kind)] = []
        for scheme in document.securitySchemes.sorted(by: { $0.name < $1.name }) {
            if let kind = Self.kind(of: scheme) { supported.append((scheme, kind)) }
        }
        var operationIDs: [String: [String]] = [:]
        var seen: [String: Set<String>] = [:]
        for operation in document.operations {
            for requirement in operation.security ?? document.security ?? [] {
                for name in requirement.keys where seen[name, default: []].insert(operation.id).inserted {
                    operationIDs[name, default: []].append(operation.id)
                }
            }
        }
        var labels = NameScope(reserved: ["input"])
        schemes = supported.map { scheme, kind in
            Scheme(
                spec: scheme, kind: kind,
                handlerLabel: labels.claimMember(scheme.name), operationIDs: operationIDs[scheme.name] ?? [])
        }
        byName = Dictionary(schemes.map { ($0.spec.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The client's static helper per scheme (`Client.bearerAuth(_:)`), in `schemes` order, unique
    /// among the client's own members (`memberNames`: operation and paginator methods).
    func clientMethodNames(avoiding memberNames: Set<String>) -> [String] {
        var scope = NameScope(reserved: memberNames.union(["client", "defaultServerURL", "init"]))
        return schemes.map { scope.claimMember($0.spec.name) }
    }

    /// The requirements that apply to `operation` (its own, else the document's), resolved.
    func security(of operation: Operation, in document: APIDocument) -> OperationSecurity {
        let requirements = operation.security ?? (appliesDocumentDefault ? document.security : nil) ?? []
        let alternatives = requirements.map { requirement in requirement.keys.sorted().map { byName[$0] } }
        var names = Set<String>()
        for alternative in alternatives {
            for scheme in alternative { if let scheme { names.insert(scheme.spec.name) } }
        }
        let everyAlternativeSupported = alternatives.allSatisfy { $0.allSatisfy { $0 != nil } }
        let enforced =
            everyAlternativeSupported && !alternatives.isEmpty ? alternatives.map { $0.compactMap { $0 } } : nil
        let credentials = names.sorted().compactMap { name -> HandlerCredential? in
            guard let scheme = byName[name] else { return nil }
            let inEvery = enforced?.allSatisfy { $0.contains { $0.spec.name == name } } ?? false
            var scopes: [[String]] = []
            if scheme.spec.kind == .oauth2 || scheme.spec.kind == .openIdConnect {
                for requirement in requirements {
                    if let listed = requirement[name], !scopes.contains(listed) { scopes.append(listed) }
                }
                if scopes.allSatisfy(\.isEmpty) { scopes = [] }
            }
            return HandlerCredential(scheme: scheme, required: inEvery, requiredScopes: scopes)
        }
        return OperationSecurity(enforced: enforced, credentials: credentials)
    }

    private static func kind(of scheme: SecurityScheme) -> Kind? {
        switch scheme.kind {
        case .http:
            switch scheme.scheme?.lowercased() {
            case "bearer": return .bearer
            case "basic": return .basic
            default:
                guard let name = scheme.httpSchemeToken else { return nil }
                return .http(scheme: name)
            }
        case .oauth2, .openIdConnect: return .bearer
        case .apiKey:
            guard let name = scheme.parameterName, !name.isEmpty, let location = scheme.location, location != .path,
                !isSigV4(scheme)
            else { return nil }
            return .apiKey(name: name, location: location)
        case .mutualTLS: return nil
        }
    }

    /// AWS specs describe SigV4 as an `apiKey` in `Authorization`; SpecGenAWS signs those requests.
    private static func isSigV4(_ scheme: SecurityScheme) -> Bool {
        func text(_ key: String) -> String? {
            if case .string(let value)? = scheme.extensions?[key] { return value.lowercased() }
            return nil
        }
        return text("x-amz-auth") == "sigv4" || text("x-amazon-apigateway-authtype") == "awssigv4"
            || scheme.name.lowercased().contains("sigv4")
    }
}

extension SecurityPlan.Scheme {
    /// The handler's credential type.
    var credentialType: String {
        switch kind {
        case .bearer: return "BearerToken"
        case .basic: return "BasicCredentials"
        case .http: return "HTTPAuthorization"
        case .apiKey: return "APIKey"
        }
    }
}
