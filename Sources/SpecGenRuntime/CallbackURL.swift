import Foundation
import HTTPTypes

/// Where an OpenAPI callback goes: its URL as the spec writes it, a runtime expression template
/// such as `{$request.body#/callbackUrl}` or `https://hooks.example/{$request.query.id}`,
/// evaluated against the request that asked for the callback (and, for `$response.…` and
/// `$statusCode`, the response answered to it).
///
/// The generated webhooks client declares one per callback; a server handler evaluates it while it
/// serves the request (`url()` reads ``ServerRequest/current``) and sends the callback there:
///
/// ```swift
/// let url = try WebhooksClient.subscribeOnDataURL.url()
/// try await WebhooksClient(serverURL: url, transport: transport).subscribeOnData(event)
/// ```
///
/// A value that stands at the start of the template is taken as written (it is usually the whole
/// URL); one after literal text is percent-encoded, so it cannot add query items or a fragment.
public struct CallbackURL: Sendable, Hashable {
    /// The runtime expression template as the spec writes it.
    public var template: String

    /// A callback URL from its runtime expression template.
    public init(_ template: String) {
        self.template = template
    }

    /// The URL for the request being served (``ServerRequest/current``); `response` supplies
    /// `$statusCode` and `$response.…` values.
    public func url(response: ServerResponse? = nil) throws(CallbackURLError) -> URL {
        guard let request = ServerRequest.current else {
            throw CallbackURLError(template: template, reason: "no request is being served")
        }
        return try url(for: request, response: response)
    }

    /// The URL for `request`; `response` supplies `$statusCode` and `$response.…` values.
    public func url(for request: ServerRequest, response: ServerResponse? = nil) throws(CallbackURLError) -> URL {
        var text = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            text += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else {
                throw CallbackURLError(template: template, reason: "a '{' has no '}'")
            }
            let expression = rest[rest.index(after: open)..<close]
            let value = try self.value(of: expression, request: request, response: response)
            text += text.isEmpty ? value : Self.escaped(value)
            rest = rest[rest.index(after: close)...]
        }
        text += rest
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            url.host != nil
        else {
            throw CallbackURLError(template: template, reason: "'\(text)' is not an absolute http(s) URL")
        }
        return url
    }

    private func value(of expression: Substring, request: ServerRequest, response: ServerResponse?)
        throws(CallbackURLError) -> String
    {
        func missing(_ what: String) -> CallbackURLError {
            CallbackURLError(template: template, reason: "{\(expression)}: \(what)")
        }
        switch expression {
        case "$method": return request.head.method.rawValue
        case "$url": return Self.requestURL(request.head)
        case "$statusCode":
            guard let response else { throw missing("the response is needed and was not given") }
            return String(response.status)
        default: break
        }
        let (source, reference): (String, Substring)
        if expression.hasPrefix("$request.") {
            (source, reference) = ("request", expression.dropFirst("$request.".count))
        } else if expression.hasPrefix("$response.") {
            guard response != nil else { throw missing("the response is needed and was not given") }
            (source, reference) = ("response", expression.dropFirst("$response.".count))
        } else {
            throw missing("not a runtime expression")
        }
        let headers = source == "request" ? request.head.headerFields : response?.headerFields ?? HTTPFields()
        let body = source == "request" ? request.body : response?.body ?? []
        if reference.hasPrefix("header.") {
            let name = String(reference.dropFirst("header.".count))
            guard let field = HTTPField.Name(name), let value = headers[field] else { throw missing("no such header") }
            return value
        }
        if source == "request", reference.hasPrefix("query.") {
            let name = String(reference.dropFirst("query.".count))
            guard let value = request.queryItems.first(where: { $0.name == name })?.value else {
                throw missing("no such query item")
            }
            return value
        }
        if source == "request", reference.hasPrefix("path.") {
            let name = String(reference.dropFirst("path.".count))
            guard let value = request.pathParameters[name] else { throw missing("no such path parameter") }
            return String(value).removingPercentEncoding ?? String(value)
        }
        if reference == "body" || reference.hasPrefix("body#") {
            let pointer = reference == "body" ? "" : reference.dropFirst("body#".count)
            guard let json = try? JSONDecoder().decode(JSONValue.self, from: Data(body)) else {
                throw missing("the body is not JSON")
            }
            guard let value = Self.resolve(pointer, in: json) else { throw missing("nothing at this JSON pointer") }
            switch value {
            case .string(let string): return string
            case .bool(let flag): return String(flag)
            case .number(let number):
                return number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
            case .null, .array, .object: throw missing("the value is not a string, number or boolean")
            }
        }
        throw missing("not a runtime expression")
    }

    /// RFC 6901: `/a/b~1c/0` → `a`, `b/c`, `0`.
    static func resolve(_ pointer: Substring, in value: JSONValue) -> JSONValue? {
        guard !pointer.isEmpty else { return value }
        guard pointer.hasPrefix("/") else { return nil }
        var current = value
        for token in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            switch current {
            case .object(let members):
                guard let next = members[key] else { return nil }
                current = next
            case .array(let items):
                guard let index = Int(key), items.indices.contains(index) else { return nil }
                current = items[index]
            default: return nil
            }
        }
        return current
    }

    /// The request's absolute URL; the `Host` header stands in when the transport gave no authority.
    static func requestURL(_ head: HTTPRequest) -> String {
        let authority = head.authority ?? HTTPField.Name("Host").flatMap { head.headerFields[$0] } ?? "localhost"
        return (head.scheme ?? "http") + "://" + authority + (head.path ?? "/")
    }

    /// Everything but unreserved characters and `/`, `:`, `@` percent-encoded.
    static func escaped(_ value: String) -> String {
        var allowed = CharacterSet(charactersIn: "-._~/:@")
        allowed.formUnion(CharacterSet(charactersIn: "a"..."z"))
        allowed.formUnion(CharacterSet(charactersIn: "A"..."Z"))
        allowed.formUnion(CharacterSet(charactersIn: "0"..."9"))
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}

/// A callback URL that cannot be evaluated: a value the expression names is missing, or the result
/// is not an absolute http(s) URL.
public struct CallbackURLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The runtime expression template.
    public var template: String
    /// What went wrong, in words.
    public var reason: String

    /// An error for `template`.
    public init(template: String, reason: String) {
        self.template = template
        self.reason = reason
    }

    /// `callback URL '{$request.body#/url}': …`.
    public var description: String { "callback URL '\(template)': \(reason)" }
}

extension ServerRequest {
    /// The request the generated route table is serving on this task, set around each handler
    /// call (so a handler can evaluate a ``CallbackURL`` without being passed the request).
    public static var current: ServerRequest? { currentOnTask.get() }

    /// Where ``current`` is kept: bind it with `withValue(_:operation:)` to serve a request
    /// outside a route table (as a test does).
    public static let currentOnTask = TaskLocal<ServerRequest?>(wrappedValue: nil)
}
