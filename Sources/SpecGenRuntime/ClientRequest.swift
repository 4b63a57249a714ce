import Foundation
import HTTPTypes

/// One request as the generated client describes it: the operation's wire route (method, path
/// template, constant headers and query items) plus the values the caller passed.
public struct ClientRequest: Sendable {
    /// The operation's ID, which middlewares receive (to choose what applies to it).
    public var operationID: String
    /// The operation's HTTP method.
    public var method: HTTPRequest.Method
    /// The operation's path with `{name}` placeholders, as the spec writes it.
    public var pathTemplate: String
    /// The request's headers: the route's constants, then the parameters added.
    public var headerFields: HTTPFields
    /// Query items in the order added; the route's constants come first.
    public var queryItems: [(name: String, value: String)]
    private var pathValues: [String: String] = [:]
    /// Path values and query items already escaped by their style (see ClientRequest+Styles.swift):
    /// their delimiters must stay literal.
    var escapedPathValues: [String: String] = [:]
    var escapedQueryItems: [String] = []

    /// A request for one operation with its constant headers and query items (what tells operations
    /// sharing a path apart on the wire, as AWS's `X-Amz-Target` or `?Action=`).
    public init(
        operationID: String, method: HTTPRequest.Method, path: String,
        constantHeaders: KeyValuePairs<String, String> = [:],
        constantQuery: KeyValuePairs<String, String> = [:]
    ) {
        self.operationID = operationID
        self.method = method
        self.pathTemplate = path
        self.headerFields = HTTPFields()
        for (name, value) in constantHeaders {
            if let field = HTTPField.Name(name) { headerFields.append(HTTPField(name: field, value: value)) }
        }
        self.queryItems = constantQuery.map { (name: $0.key, value: $0.value) }
    }

    /// Sets the value of the `{name}` placeholder; it is percent-encoded, `/` included.
    public mutating func path(_ name: String, _ value: some ParameterText) {
        pathValues[name] = value.parameterText
    }

    /// Adds the query item `name=value`; nil adds nothing.
    public mutating func query(_ name: String, _ value: (some ParameterText)?) {
        if let value { queryItems.append((name: name, value: value.parameterText)) }
    }

    /// An array parameter, exploded (`?id=1&id=2`), the default of OpenAPI's `form` style.
    public mutating func query(_ name: String, _ values: [some ParameterText]?) {
        for value in values ?? [] { queryItems.append((name: name, value: value.parameterText)) }
    }

    /// Adds the header `name: value`; nil, or a name that is not a valid field name, adds nothing.
    public mutating func header(_ name: String, _ value: (some ParameterText)?) {
        guard let value, let field = HTTPField.Name(name) else { return }
        headerFields.append(HTTPField(name: field, value: value.parameterText))
    }

    /// `/repos/{name}` with its values percent-encoded, then the query string.
    public var pathAndQuery: String {
        var path = ""
        var rest = Substring(pathTemplate)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            path += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            path +=
                escapedPathValues[name]
                ?? Self.percentEncoded(pathValues[name] ?? "", allowed: .urlPathAllowedWithoutSlash)
            rest = rest[rest.index(after: close)...]
        }
        path += rest
        let query =
            queryItems.map {
                Self.percentEncoded($0.name, allowed: .urlQueryItemAllowed) + "="
                    + Self.percentEncoded($0.value, allowed: .urlQueryItemAllowed)
            } + escapedQueryItems
        guard !query.isEmpty else { return path }
        return path + "?" + query.joined(separator: "&")
    }

    static func percentEncoded(_ text: String, allowed: CharacterSet) -> String {
        text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension CharacterSet {
    /// RFC 3986 unreserved characters: what survives in a path segment or query item unescaped.
    static let urlQueryItemAllowed = CharacterSet(
        charactersIn:
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
    static let urlPathAllowedWithoutSlash = urlQueryItemAllowed
}
