import Foundation
import HTTPTypes
import OpenAPIRuntime
import SpecGenRuntime

/// A `ServerTransport` that keeps the handlers the generated code registers, and a
/// `ClientTransport` that calls them: the generated client and server talk without a socket.
/// (The loopback tests with real peers are the end-to-end suite's; this one checks the code.)
final class InMemoryServer: ServerTransport, ClientTransport, @unchecked Sendable {
    typealias Handler =
        @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    private let lock = NSLock()
    private var handlers: [String: Handler] = [:]
    private(set) var registrations: [String] = []

    func register(_ handler: @escaping Handler, method: HTTPRequest.Method, path: String) throws {
        lock.withLock {
            registrations.append("\(method.rawValue) \(path)")
            handlers["\(method.rawValue) \(path)"] = handler
        }
    }

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (
        HTTPResponse, HTTPBody?
    ) {
        // As a real transport does, the server URL's path comes first (`/v1` + `/notes`).
        let base = baseURL.path.hasSuffix("/") ? String(baseURL.path.dropLast()) : baseURL.path
        let path = base + String((request.path ?? "/").prefix { $0 != "?" })
        let (handler, parameters) = lock.withLock { () -> (Handler?, [String: Substring]) in
            if let exact = handlers["\(request.method.rawValue) \(path)"] { return (exact, [:]) }
            // A path template (`/blobs/{name}`): segment by segment, `{…}` taking any one segment.
            for (key, handler) in handlers {
                let parts = key.split(separator: " ", maxSplits: 1)
                guard parts.count == 2, parts[0] == request.method.rawValue,
                    let parameters = Self.match(template: parts[1], path: path)
                else { continue }
                return (handler, parameters)
            }
            return (nil, [:])
        }
        guard let handler else { return (HTTPResponse(status: .notFound), nil) }
        return try await handler(request, body, ServerRequestMetadata(pathParameters: parameters))
    }

    /// The template's parameters with their (still encoded) values, or nil when `path` does not match.
    static func match(template: Substring, path: String) -> [String: Substring]? {
        let templateSegments = template.split(separator: "/", omittingEmptySubsequences: false)
        let pathSegments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard templateSegments.count == pathSegments.count else { return nil }
        var parameters: [String: Substring] = [:]
        for (expected, actual) in zip(templateSegments, pathSegments) {
            if expected.hasPrefix("{") && expected.hasSuffix("}") {
                parameters[String(expected.dropFirst().dropLast())] = actual
            } else if expected != actual {
                return nil
            }
        }
        return parameters
    }
}

/// A `ClientTransport` that records the request and answers with a canned response.
final class CannedTransport: ClientTransport, @unchecked Sendable {
    private let lock = NSLock()
    private(set) var requests: [(HTTPRequest, [UInt8])] = []
    let status: Int
    let headers: HTTPFields
    let body: String

    init(status: Int = 200, headers: HTTPFields = HTTPFields(), body: String) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (
        HTTPResponse, HTTPBody?
    ) {
        var bytes: [UInt8] = []
        if let body { bytes = try await body.collectBytes(upTo: 1 << 20) }
        lock.withLock { requests.append((request, bytes)) }
        return (HTTPResponse(status: .init(code: status), headerFields: headers), HTTPBody(self.body))
    }
}
