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
        let path = String((request.path ?? "/").prefix { $0 != "?" })
        guard let handler = lock.withLock({ handlers["\(request.method.rawValue) \(path)"] }) else {
            return (HTTPResponse(status: .notFound), nil)
        }
        return try await handler(request, body, ServerRequestMetadata())
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
