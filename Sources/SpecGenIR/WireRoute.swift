import Foundation
import SpecGenYAML

/// What tells an operation apart on the wire: method, path template (no fragment, no query),
/// and the constant headers and query items the client always sends and the server routes by.
package struct WireRoute: Sendable, Codable, Equatable, Hashable {
    package var method: HTTPMethod
    /// `/pets/{petId}`; `/#DescribeRepositories` is `/` and `/?Action=ListImages` is `/`.
    package var path: String
    /// Sorted by name (`X-Amz-Target: AmazonEC2ContainerRegistry_V20150921.ListImages`).
    package var constantHeaders: [RouteConstant]
    /// Sorted by name (`Action=ListImages`).
    package var constantQuery: [RouteConstant]

    package init(
        method: HTTPMethod, path: String, constantHeaders: [RouteConstant] = [], constantQuery: [RouteConstant] = []
    ) {
        self.method = method
        self.path = path
        self.constantHeaders = constantHeaders.sorted()
        self.constantQuery = constantQuery.sorted()
    }

    /// `POST / X-Amz-Target: …` — how diagnostics name a route.
    package var summary: String {
        var text = "\(method.wireName) \(path)"
        if !constantQuery.isEmpty {
            text += "?" + constantQuery.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
        }
        for header in constantHeaders { text += " \(header.name): \(header.value)" }
        return text
    }

    /// The same route for routing purposes: header names compare case-insensitively.
    var routingKey: String {
        let headers = constantHeaders.map { "\($0.name.lowercased()):\($0.value)" }.sorted()
        let query = constantQuery.map { "\($0.name)=\($0.value)" }.sorted()
        return ([method.wireName, path] + headers + query).joined(separator: "\n")
    }
}

package struct RouteConstant: Sendable, Codable, Equatable, Hashable, Comparable {
    package var name: String
    package var value: String

    package init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    package static func < (lhs: RouteConstant, rhs: RouteConstant) -> Bool {
        (lhs.name, lhs.value) < (rhs.name, rhs.value)
    }
}

/// A path key split into what goes on the wire: `/#Op` → `/`; `/?Action=ListImages` → `/` plus
/// the query constant `Action=ListImages`.
struct PathKey: Equatable {
    var path: String
    var query: [RouteConstant]
    var fragment: String?

    init(_ key: String) {
        var rest = Substring(key)
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        query = []
        if let question = rest.firstIndex(of: "?") {
            for item in rest[rest.index(after: question)...].split(separator: "&") where !item.isEmpty {
                let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                query.append(
                    RouteConstant(
                        name: String(pair[0]).removingPercentEncoding ?? String(pair[0]),
                        value: pair.count > 1 ? (String(pair[1]).removingPercentEncoding ?? String(pair[1])) : ""))
            }
            rest = rest[..<question]
        }
        path = rest.isEmpty ? "/" : String(rest)
    }
}
