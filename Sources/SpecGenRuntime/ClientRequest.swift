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

    /// `/repos/{name}` with its values percent-encoded, then the query string.
    public var pathAndQuery: String {
        var path = ""
        var rest = Substring(pathTemplate)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            path += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            path += escapedPathValues[name] ?? ""
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
}
