import Foundation
import HTTPTypes
import OpenAPIRuntime

@testable import SpecGenRuntime

/// A `ClientTransport` that hands requests to a route table in-process, matching `{name}` path
/// templates as a server transport does, and keeps the last request's head for wire assertions.
final class InProcessServer: ClientTransport, @unchecked Sendable {
    let table: RouteTable
    private let lock = NSLock()
    private var lastHead: HTTPRequest?
    var lastRequest: HTTPRequest? { lock.withLock { lastHead } }

    init(_ routes: [ServerRoute], profile: WireProfile = .rest) {
        table = RouteTable(profile: profile, routes: routes)
    }

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (
        HTTPResponse, HTTPBody?
    ) {
        lock.withLock { lastHead = request }
        let path = (request.path ?? "/").split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        for route in table.routes where route.method == request.method {
            if let parameters = Self.match(template: route.path, path: path) {
                return try await table.dispatch(
                    request, body: body, metadata: ServerRequestMetadata(pathParameters: parameters),
                    candidates: [route])
            }
        }
        return (HTTPResponse(status: .notFound), nil)
    }

    static func match(template: String, path: Substring) -> [String: Substring]? {
        let want = template.split(separator: "/", omittingEmptySubsequences: false)
        let have = path.split(separator: "/", omittingEmptySubsequences: false)
        guard want.count == have.count else { return nil }
        var parameters: [String: Substring] = [:]
        for (pattern, segment) in zip(want, have) {
            if pattern.hasPrefix("{") && pattern.hasSuffix("}") {
                parameters[String(pattern.dropFirst().dropLast())] = segment
            } else if pattern != segment {
                return nil
            }
        }
        return parameters
    }

    func client(_ middlewares: [any ClientMiddleware] = []) -> APIClient {
        APIClient(
            serverURL: URL(string: "http://127.0.0.1:1")!, transport: self, middlewares: middlewares,
            profile: table.profile)
    }
}

extension HTTPBody {
    /// Chunks as they arrive, for asserting that a body streams.
    static func chunks(_ chunks: [String]) -> HTTPBody {
        let stream = AsyncStream<ArraySlice<UInt8>> { continuation in
            for chunk in chunks { continuation.yield(ArraySlice(chunk.utf8)) }
            continuation.finish()
        }
        return HTTPBody(stream, length: .unknown, iterationBehavior: .single)
    }

    func string() async throws -> String { String(decoding: try await collectBytes(upTo: 1 << 20), as: UTF8.self) }
}
