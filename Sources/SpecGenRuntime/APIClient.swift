import Foundation
import HTTPTypes
import OpenAPIRuntime

/// What a generated client holds: where the server is, how to reach it (any swift-openapi-runtime
/// `ClientTransport`: URLSession, AsyncHTTPClient, …), the middlewares, and the wire profile.
public struct APIClient: Sendable {
    /// The base URL operation paths are appended to.
    public var serverURL: URL
    /// What sends the HTTP request: any swift-openapi-runtime transport.
    public var transport: any ClientTransport
    /// Run in order around the transport for every request (retry, authentication, signing).
    public var middlewares: [any ClientMiddleware]
    /// How bodies, dates and media types travel for this API.
    public var profile: WireProfile
    /// Larger response bodies are refused rather than held in memory.
    public var maxResponseBytes: Int
    /// Check each input against the spec's rules before sending it (`ValidationFailure` is
    /// thrown instead of sending); off by default, as the server checks anyway.
    public var validatesInputs = false
    /// Check each decoded JSON response body against the spec's rules (`ValidationFailure` is
    /// thrown instead of returning it). Only types generated with `validation: {responses: true}`
    /// have response rules; off by default.
    public var validatesResponses = false
    /// The media types to ask for (`Accept`) by operation id, instead of the ones the generated
    /// method lists: `client.client.acceptedMediaTypes["listNotes"] = ["text/event-stream"]` asks
    /// for Server-Sent Events where the spec declares them beside JSON Lines.
    public var acceptedMediaTypes: [String: [String]] = [:]

    /// A client for the server at `serverURL`, reached through `transport`; `maxResponseBytes` bounds
    /// any response body read into memory (64 MiB by default).
    public init(
        serverURL: URL, transport: any ClientTransport, middlewares: [any ClientMiddleware] = [],
        profile: WireProfile, maxResponseBytes: Int = 64 << 20
    ) {
        self.serverURL = serverURL
        self.transport = transport
        self.middlewares = middlewares
        self.profile = profile
        self.maxResponseBytes = maxResponseBytes
    }

    /// Sends a request with a JSON body (or none) and decodes a 2xx JSON body as `Output`.
    /// Any other status throws `APIError` with the error's name and message.
    public func send<Input: Encodable & Sendable, Output: Decodable>(
        _ request: ClientRequest, body: Input?, mediaType: String? = nil, as output: Output.Type
    ) async throws -> Output {
        try decode(
            Output.self,
            from: await exchange(request, body: encode(body), mediaType: profile.requestMediaType(declared: mediaType)))
    }

    /// Sends raw bytes (a `format: binary` body) and decodes a 2xx JSON body as `Output`.
    public func send<Output: Decodable>(
        _ request: ClientRequest, bytes: Data?, mediaType: String, as output: Output.Type
    ) async throws -> Output {
        try decode(Output.self, from: await exchange(request, body: bytes.map(Array.init), mediaType: mediaType))
    }

    /// Sends a JSON body (or none) and returns the raw 2xx body (a binary response).
    public func sendForBytes<Input: Encodable & Sendable>(
        _ request: ClientRequest, body: Input?, mediaType: String? = nil
    ) async throws -> Data {
        Data(try await exchange(request, body: encode(body), mediaType: profile.requestMediaType(declared: mediaType)))
    }

    /// Sends raw bytes and returns the raw 2xx body.
    public func sendBytes(_ request: ClientRequest, body: Data?, mediaType: String) async throws -> Data {
        Data(try await exchange(request, body: body.map(Array.init), mediaType: mediaType))
    }

    private func encode<Input: Encodable>(_ body: Input?) throws -> [UInt8]? {
        guard let body else { return nil }
        return Array(try profile.makeEncoder().encode(body))
    }

    private func decode<Output: Decodable>(_ type: Output.Type, from bytes: [UInt8]) throws -> Output {
        if Output.self == NoContent.self, let none = NoContent() as? Output { return none }
        // AWS JSON answers JSON whatever its media type says; an empty body reads as `{}`.
        let json = bytes.isEmpty ? Array("{}".utf8) : bytes
        return try profile.makeDecoder().decode(Output.self, from: Data(json))
    }

    private func exchange(_ request: ClientRequest, body: [UInt8]?, mediaType: String) async throws -> [UInt8] {
        var head = HTTPRequest(
            method: request.method, scheme: nil, authority: nil, path: request.pathAndQuery,
            headerFields: request.headerFields)
        if body != nil { head.headerFields[.contentType] = mediaType }
        let (response, responseBody) = try await run(
            head, body: body.map { HTTPBody($0) }, operationID: request.operationID)
        var bytes: [UInt8] = []
        if let responseBody { bytes = try await responseBody.collectBytes(upTo: maxResponseBytes) }
        guard (200..<300).contains(response.status.code) else {
            let errorType = HTTPField.Name("X-Amzn-Errortype").flatMap { response.headerFields[$0] }
            throw APIError(status: response.status.code, errorTypeHeader: errorType, body: bytes)
        }
        return bytes
    }
}

extension APIClient {
    /// Sends a request through the middlewares and the transport; the response body is not read.
    func run(_ head: HTTPRequest, body: HTTPBody?, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
        var head = head
        var serverURL = self.serverURL
        // A webhook or callback (path "") goes to `serverURL` exactly: transports append the path to
        // the base URL but replace its query, so the URL's own path and query move into the request
        // (a subscriber's `?token=…` survives) and the base keeps only the origin.
        if let path = head.path, path.isEmpty || path.hasPrefix("?"),
            let split = Self.origin(of: serverURL, query: path)
        {
            (serverURL, head.path) = split
        }
        let transport = self.transport
        var next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?) = {
            try await transport.send($0, body: $1, baseURL: $2, operationID: operationID)
        }
        for middleware in middlewares.reversed() {
            let inner = next
            next = { try await middleware.intercept($0, body: $1, baseURL: $2, operationID: operationID, next: inner) }
        }
        return try await next(head, body, serverURL)
    }

    /// `https://host:8443/hooks/a?token=t` → (`https://host:8443`, `/hooks/a?token=t` with `query`'s items added).
    static func origin(of url: URL, query: String) -> (URL, String)? {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: true) else { return nil }
        var path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        let items = [components.percentEncodedQuery, query.isEmpty ? nil : String(query.dropFirst())]
            .compactMap { $0 }.filter { !$0.isEmpty }
        if !items.isEmpty { path += "?" + items.joined(separator: "&") }
        components.percentEncodedPath = ""
        components.percentEncodedQuery = nil
        components.fragment = nil
        guard let origin = components.url else { return nil }
        return (origin, path)
    }
}

/// The output of an operation whose success response has no body.
public struct NoContent: Codable, Hashable, Sendable {
    /// The one value of an empty response.
    public init() {}
}
