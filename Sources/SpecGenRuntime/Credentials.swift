import Foundation
import HTTPTypes
import OpenAPIRuntime

/// A security scheme as a server checks it (SigV4 lives in SpecGenAWS).
public enum SecurityScheme: Sendable, Hashable {
    /// HTTP `bearer`: `Authorization: Bearer <token>`.
    case httpBearer
    /// HTTP `basic`: `Authorization: Basic base64(username:password)`.
    case httpBasic
    /// An API key named `name` in a header, the query string or a cookie.
    case apiKey(name: String, in: APIKeyLocation)
    /// OAuth2 and OpenID Connect: the access token arrives as a bearer token.
    case oauth2
    /// OpenID Connect: like OAuth2, a bearer token.
    case openIDConnect
    /// Another HTTP authentication scheme (`Digest`, `HOBA`, a custom one): `Authorization: <scheme> <credentials>`,
    /// handed to the handler as it came (``HTTPAuthorization``).
    case http(scheme: String)

    /// The `WWW-Authenticate` challenge of a 401 (RFC 9110 §11.6.1).
    var challenge: String? {
        switch self {
        case .httpBearer, .oauth2, .openIDConnect: return "Bearer"
        case .httpBasic: return "Basic"
        case .http(let scheme): return scheme
        case .apiKey: return nil
        }
    }
}

/// A bearer token as the request sent it (OAuth2 and OpenID Connect access tokens included).
public struct BearerToken: Sendable, Hashable {
    /// The token after `Bearer `, unchecked.
    public var token: String
    /// OAuth2 / OpenID Connect: the scopes the operation's `security` requires of this scheme, one list per
    /// requirement (alternative) that names it: the token must carry every scope of at least one list.
    /// Empty when the operation lists no scopes (and for HTTP bearer). The route does not check them: it
    /// cannot see what a token grants; the handler does, with ``isAuthorized(grantedScopes:)``.
    public var requiredScopes: [[String]]

    /// Wraps a token, with the scopes the operation requires of it.
    public init(_ token: String, requiredScopes: [[String]] = []) {
        self.token = token
        self.requiredScopes = requiredScopes
    }

    /// True when `grantedScopes` (what the handler's token introspection says the token grants) hold every
    /// scope of at least one of ``requiredScopes``, or when no scopes are required.
    public func isAuthorized(grantedScopes: some Sequence<String>) -> Bool {
        guard !requiredScopes.isEmpty else { return true }
        let granted = Set(grantedScopes)
        return requiredScopes.contains { $0.allSatisfy(granted.contains) }
    }
}

/// The `Authorization` header of an HTTP scheme SpecGen does not decode (`Digest`, `HOBA`, a custom
/// one), as the request sent it: checking it is the handler's business.
public struct HTTPAuthorization: Sendable, Hashable {
    /// The scheme as the request spelled it (compared case-insensitively with the spec's).
    public var scheme: String
    /// Everything after the scheme and its space (`username="ada", realm="api", …`), unchecked.
    public var credentials: String

    /// An authorization value for `scheme`.
    public init(scheme: String, credentials: String) {
        self.scheme = scheme
        self.credentials = credentials
    }
}

/// The username and password of an HTTP Basic `Authorization` header, decoded.
public struct BasicCredentials: Sendable, Hashable {
    /// The part before the first colon.
    public var username: String
    /// The part after the first colon (it may contain colons).
    public var password: String
    /// Credentials with the given username and password.
    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }
}

/// The value of an API key as the request sent it.
public struct APIKey: Sendable, Hashable {
    /// The key, unchecked.
    public var value: String
    /// Wraps a key.
    public init(_ value: String) { self.value = value }
}

/// The credential a request carried, by the scheme that found it: what a handler receives.
public enum Credential: Sendable, Hashable {
    /// A bearer token (HTTP bearer, OAuth2 or OpenID Connect).
    case bearer(BearerToken)
    /// HTTP Basic credentials.
    case basic(BasicCredentials)
    /// An API key.
    case apiKey(APIKey)
    /// The `Authorization` value of another HTTP scheme.
    case http(HTTPAuthorization)
}

/// No acceptable credential: answers 401 with a `WWW-Authenticate` challenge per scheme tried.
/// Checking that the credential is *valid* is the handler's business (it answers 401 or 403 itself).
public struct AuthenticationError: Error, ResponseConvertible, ServiceError, Sendable, Hashable {
    /// The schemes tried, each of which answers its challenge.
    public var schemes: [SecurityScheme]
    /// What was missing, sent as the error message.
    public var reason: String

    /// An error naming the schemes tried and what was missing.
    public init(schemes: [SecurityScheme], reason: String) {
        self.schemes = schemes
        self.reason = reason
    }

    public var httpStatus: Int { 401 }
    public var errorName: String { "UnauthorizedException" }
    public var errorMessage: String? { reason }

    /// A 401 error body with one `WWW-Authenticate` challenge per distinct scheme tried.
    public func serverResponse(profile: WireProfile) -> ServerResponse {
        var response = ServerResponse.error(status: 401, name: errorName, message: reason, profile: profile)
        var seen = Set<String>()
        for challenge in schemes.compactMap(\.challenge) where seen.insert(challenge).inserted {
            response.headerFields.append(HTTPField(name: .wwwAuthenticate, value: challenge))
        }
        return response
    }
}

extension ServerRequest {
    /// The token of an `Authorization: Bearer` header; throws (401) when there is none.
    public func bearerToken() throws(AuthenticationError) -> BearerToken {
        guard let token = authorization(scheme: "Bearer"), !token.isEmpty else {
            throw AuthenticationError(schemes: [.httpBearer], reason: "a bearer token is required")
        }
        return BearerToken(token)
    }

    /// The bearer token with the scopes the operation requires of it (OAuth2, OpenID Connect; see
    /// ``BearerToken/requiredScopes``); throws (401) when there is none.
    public func bearerToken(requiredScopes: [[String]]) throws(AuthenticationError) -> BearerToken {
        var token = try bearerToken()
        token.requiredScopes = requiredScopes
        return token
    }

    /// The `Authorization` value of HTTP scheme `scheme` (`Digest`, …), undecoded; throws (401, with a
    /// challenge naming the scheme) when there is none.
    public func httpAuthorization(scheme: String) throws(AuthenticationError) -> HTTPAuthorization {
        guard let value = head.headerFields[.authorization], let credentials = authorization(scheme: scheme),
            !credentials.isEmpty
        else {
            throw AuthenticationError(schemes: [.http(scheme: scheme)], reason: "\(scheme) credentials are required")
        }
        return HTTPAuthorization(scheme: String(value.prefix(scheme.count)), credentials: credentials)
    }

    /// The decoded `Authorization: Basic` credentials; throws (401) when absent or malformed.
    public func basicCredentials() throws(AuthenticationError) -> BasicCredentials {
        guard let encoded = authorization(scheme: "Basic"), let data = Data(base64Encoded: encoded),
            let text = String(data: data, encoding: .utf8), let colon = text.firstIndex(of: ":")
        else {
            throw AuthenticationError(schemes: [.httpBasic], reason: "basic credentials are required")
        }
        return BasicCredentials(username: String(text[..<colon]), password: String(text[text.index(after: colon)...]))
    }

    /// The API key `name` from a header, the query string or a cookie; throws (401) when absent or empty.
    public func apiKey(_ name: String, in location: APIKeyLocation) throws(AuthenticationError) -> APIKey {
        let value: String?
        switch location {
        case .header: value = (try? header(name, as: String.self)) ?? nil
        case .query: value = (try? query(name, as: String.self, .queryDefault)) ?? nil
        case .cookie: value = (try? cookie(name, as: String.self)) ?? nil
        }
        guard let value, !value.isEmpty else {
            throw AuthenticationError(
                schemes: [.apiKey(name: name, in: location)], reason: "the API key '\(name)' is required")
        }
        return APIKey(value)
    }

    /// The first of the operation's alternative schemes (its `security` list) that the request satisfies.
    public func credential(anyOf schemes: [SecurityScheme]) throws(AuthenticationError) -> Credential {
        for scheme in schemes {
            switch scheme {
            case .httpBearer, .oauth2, .openIDConnect: if let token = try? bearerToken() { return .bearer(token) }
            case .httpBasic: if let credentials = try? basicCredentials() { return .basic(credentials) }
            case .apiKey(let name, let location): if let key = try? apiKey(name, in: location) { return .apiKey(key) }
            case .http(let name): if let value = try? httpAuthorization(scheme: name) { return .http(value) }
            }
        }
        throw AuthenticationError(schemes: schemes, reason: "no accepted credential was sent")
    }

    /// Checks an operation's security requirements before its handler runs: passes when every scheme of
    /// at least one alternative (OR'd) sent a credential (schemes within one alternative are AND'd; an
    /// empty alternative means "no credential needed"); throws (401, a challenge per scheme) otherwise.
    /// Whether a credential is *valid* stays the handler's business.
    public func authenticate(anyOf alternatives: [[SecurityScheme]]) throws(AuthenticationError) {
        for alternative in alternatives where alternative.allSatisfy(sent) { return }
        var tried: [SecurityScheme] = []
        for scheme in alternatives.joined() where !tried.contains(scheme) { tried.append(scheme) }
        throw AuthenticationError(schemes: tried, reason: "no accepted credential was sent")
    }

    /// True when the request carries a credential for `scheme`.
    private func sent(_ scheme: SecurityScheme) -> Bool {
        switch scheme {
        case .httpBearer, .oauth2, .openIDConnect: return (try? bearerToken()) != nil
        case .httpBasic: return (try? basicCredentials()) != nil
        case .apiKey(let name, let location): return (try? apiKey(name, in: location)) != nil
        case .http(let name): return (try? httpAuthorization(scheme: name)) != nil
        }
    }

    /// The credentials after `Authorization: <scheme> ` (the scheme compared case-insensitively, RFC 9110 §11.1).
    private func authorization(scheme: String) -> String? {
        guard let value = head.headerFields[.authorization], value.count > scheme.count,
            value.prefix(scheme.count).lowercased() == scheme.lowercased(),
            value.dropFirst(scheme.count).first == " "
        else { return nil }
        return value.dropFirst(scheme.count + 1).trimmingCharacters(in: .whitespaces)
    }
}
