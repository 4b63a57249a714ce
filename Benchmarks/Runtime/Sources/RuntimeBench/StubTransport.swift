import Foundation
import HTTPTypes
import OpenAPIRuntime

/// The one transport both generators' code runs on: a `ClientTransport` that hands each request
/// straight to the handler a server registered on it as a `ServerTransport` — no sockets, no
/// serialisation of the HTTP head — so what is timed is the generated code and its runtime library.
///
/// Routing (method + path template → handler, path parameters) is this transport's, as it is
/// Vapor's or Hummingbird's in a real server, and the same for both sides.
final class StubTransport: ClientTransport, ServerTransport, @unchecked Sendable {
    // @unchecked: `routes` is written only by `register`, which the benchmark calls before the
    // first request and never after; afterwards it is only read.
    typealias Handler =
        @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (
            HTTPResponse, HTTPBody?
        )

    private struct Route {
        var method: HTTPRequest.Method
        /// The template's segments: a literal, or a `{name}` parameter.
        var segments: [Segment]
        var handler: Handler
    }

    private enum Segment {
        case literal(Substring)
        case parameter(String)
    }

    private var routes: [Route] = []

    struct NoRoute: Error, CustomStringConvertible {
        var method: HTTPRequest.Method
        var path: String
        var description: String { "no route for \(method) \(path)" }
    }

    func register(_ handler: @escaping Handler, method: HTTPRequest.Method, path: String) throws {
        let segments = path.split(separator: "/").map { part -> Segment in
            part.hasPrefix("{") && part.hasSuffix("}")
                ? .parameter(String(part.dropFirst().dropLast())) : .literal(part)
        }
        routes.append(Route(method: method, segments: segments, handler: handler))
    }

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (
        HTTPResponse, HTTPBody?
    ) {
        let target = request.path ?? "/"
        let pathOnly = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let parts = pathOnly.split(separator: "/")
        for route in routes where route.method == request.method && route.segments.count == parts.count {
            var parameters: [String: Substring] = [:]
            var matched = true
            for (segment, part) in zip(route.segments, parts) {
                switch segment {
                case .literal(let literal):
                    if literal != part { matched = false }
                case .parameter(let name):
                    parameters[name] = part
                }
                if !matched { break }
            }
            if matched {
                return try await route.handler(request, body, ServerRequestMetadata(pathParameters: parameters))
            }
        }
        throw NoRoute(method: request.method, path: target)
    }
}
