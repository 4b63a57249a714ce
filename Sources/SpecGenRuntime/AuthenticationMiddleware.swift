import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Where an `apiKey` security scheme travels.
public enum APIKeyLocation: String, Sendable, Hashable {
    /// In a header, the query string or the `Cookie` header, as the scheme's `in` says.
    case header, query, cookie
}

/// Authenticates every request (or those of some operations) in one line:
/// `APIClient(…, middlewares: [AuthenticationMiddleware.bearer("token")])`.
/// OAuth2 and OpenID Connect send bearer tokens: pass a provider that returns a fresh one.
public struct AuthenticationMiddleware: ClientMiddleware {
    /// What the middleware adds to each request it applies to, by the kind of security scheme.
    /// (Not `Credential`: that is what a server's handler receives.)
    public enum Scheme: Sendable {
        /// `Authorization: Bearer <token>`; the provider is asked for each request (refresh there).
        case bearer(@Sendable () async throws -> String)
        /// `Authorization: Basic base64(username:password)`.
        case basic(username: String, password: String)
        /// The key `value` under `name`, in a header, the query or a cookie.
        case apiKey(name: String, location: APIKeyLocation, value: String)
        /// `Authorization: <scheme> <credentials>` for another HTTP scheme (`Digest`, a custom one); the
        /// provider is asked for each request.
        case authorization(scheme: String, credentials: @Sendable () async throws -> String)
    }

    /// What is added to each request.
    public var scheme: Scheme
    /// The operations the credential applies to (their security requirements name this scheme); nil for all.
    public var operations: Set<String>?

    /// Adds `scheme`'s credential to the requests of `operations` (operation IDs), or to every request when nil.
    public init(_ scheme: Scheme, operations: Set<String>? = nil) {
        self.scheme = scheme
        self.operations = operations
    }

    /// A fixed bearer token: `Authorization: Bearer <token>`.
    public static func bearer(_ token: String, operations: Set<String>? = nil) -> Self {
        Self(.bearer({ token }), operations: operations)
    }

    /// OAuth2 / OpenID Connect: a provider that returns a valid access token (refreshing as it needs).
    public static func bearer(
        tokenProvider: @escaping @Sendable () async throws -> String, operations: Set<String>? = nil
    ) -> Self {
        Self(.bearer(tokenProvider), operations: operations)
    }

    /// HTTP Basic authentication with a username and password.
    public static func basic(username: String, password: String, operations: Set<String>? = nil) -> Self {
        Self(.basic(username: username, password: password), operations: operations)
    }

    /// An API key sent as `name` in a header, the query string or a cookie.
    public static func apiKey(
        _ value: String, name: String, in location: APIKeyLocation, operations: Set<String>? = nil
    ) -> Self {
        Self(.apiKey(name: name, location: location, value: value), operations: operations)
    }

    /// Another HTTP scheme (`Digest`, `HOBA`, a custom one): `Authorization: <scheme> <credentials>`, the
    /// credentials sent as given.
    public static func authorization(scheme: String, _ credentials: String, operations: Set<String>? = nil) -> Self {
        Self(.authorization(scheme: scheme, credentials: { credentials }), operations: operations)
    }

    /// Another HTTP scheme whose credentials change (a new nonce, a fresh signature): the provider is asked
    /// for each request.
    public static func authorization(
        scheme: String, credentialsProvider: @escaping @Sendable () async throws -> String,
        operations: Set<String>? = nil
    ) -> Self {
        Self(.authorization(scheme: scheme, credentials: credentialsProvider), operations: operations)
    }

    public func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard operations?.contains(operationID) ?? true else { return try await next(request, body, baseURL) }
        var request = request
        switch scheme {
        case .bearer(let token):
            request.headerFields[.authorization] = "Bearer " + (try await token())
        case .basic(let username, let password):
            request.headerFields[.authorization] = "Basic " + Data("\(username):\(password)".utf8).base64EncodedString()
        case .apiKey(let name, .header, let value):
            if let field = HTTPField.Name(name) { request.headerFields[field] = value }
        case .apiKey(let name, .query, let value):
            let item = ParameterWire.escape(name, in: .query) + "=" + ParameterWire.escape(value, in: .query)
            let path = request.path ?? "/"
            request.path = path + (path.contains("?") ? "&" : "?") + item
        case .apiKey(let name, .cookie, let value):
            let pair = ParameterWire.escape(name, in: .cookie) + "=" + ParameterWire.escape(value, in: .cookie)
            request.headerFields[.cookie] = request.headerFields[.cookie].map { $0 + "; " + pair } ?? pair
        case .authorization(let scheme, let credentials):
            request.headerFields[.authorization] = scheme + " " + (try await credentials())
        }
        return try await next(request, body, baseURL)
    }
}
