import Foundation
import HTTPTypes
import OpenAPIRuntime

/// A response as the transport answered it, its body not read yet: generated code switches on
/// `status`, reads the body as the declared media type, and throws `undeclaredError()` otherwise.
public struct ReceivedResponse: Sendable {
    /// The status line and header fields.
    public var head: HTTPResponse
    /// Streamed: a binary or event-stream body is read as it arrives, never collected here.
    public var body: HTTPBody
    /// The API's wire profile, which decodes JSON bodies (dates, media types).
    public var profile: WireProfile
    /// The most a reader that collects (JSON, form, text, an error body) accepts.
    public var maxBytes: Int
    /// Check a JSON body against the spec's rules once decoded (`APIClient.validatesResponses`).
    public var validatesBody = false

    /// A response with its body unread (none reads as empty).
    public init(head: HTTPResponse, body: HTTPBody?, profile: WireProfile, maxBytes: Int) {
        self.head = head
        self.body = body ?? HTTPBody()
        self.profile = profile
        self.maxBytes = maxBytes
    }

    /// The HTTP status code.
    public var status: Int { head.status.code }
    /// The response's header fields.
    public var headerFields: HTTPFields { head.headerFields }
    /// The `Content-Type` the server declared, if any.
    public var contentType: String? { head.headerFields[.contentType] }

    /// A JSON body; `NoContent` for a response declared without one. An empty body reads as `{}`
    /// (AWS JSON answers an empty body for an operation without output fields).
    public func json<Value: Decodable>(_ type: Value.Type) async throws -> Value {
        if let none = NoContent() as? Value { return none }
        let bytes = try await body.collectBytes(upTo: maxBytes)
        let value = try profile.makeDecoder().decode(Value.self, from: Data(bytes.isEmpty ? Array("{}".utf8) : bytes))
        if validatesBody { try ValidationReport.responseBody(value).throwIfInvalid() }
        return value
    }

    /// A body read as raw bytes (a binary response), collected up to `maxBytes`.
    public func data() async throws -> Data { Data(try await body.collectBytes(upTo: maxBytes)) }

    /// An `application/x-www-form-urlencoded` body into `Value`.
    public func form<Value: Decodable>(_ type: Value.Type) async throws -> Value {
        try await body.form(Value.self, upTo: maxBytes)
    }
    /// A text body, strictly UTF-8.
    public func text() async throws -> String { try await body.text(upTo: maxBytes) }
    /// A JSON Lines body, decoded as it streams in.
    public func jsonLines<Value: Decodable & Sendable>(of type: Value.Type) -> EventStream<Value> {
        body.jsonLines(of: Value.self, profile: profile)
    }
    /// A JSON Sequence (RFC 7464) body, decoded as it streams in.
    public func jsonSequence<Value: Decodable & Sendable>(of type: Value.Type) -> EventStream<Value> {
        body.jsonSequence(of: Value.self, profile: profile)
    }
    /// A Server-Sent Events body whose `data` is JSON, decoded as it streams in; `terminator`
    /// ends the stream at a sentinel data line (`[DONE]`).
    public func serverSentEvents<Value: Decodable & Sendable>(of type: Value.Type, terminator: String? = nil)
        -> EventStream<ServerSentEventWithJSONData<Value>>
    {
        body.serverSentEvents(of: Value.self, profile: profile, terminator: terminator)
    }
    /// A `multipart/*` body's parts as they arrive, each mapped by `decode`, checked against `rules`.
    public func multipart<Part: Sendable>(
        rules: MultipartRules = MultipartRules(),
        decode: @escaping @Sendable (MultipartRawPart) async throws -> Part
    ) throws -> MultipartBody<Part> {
        try body.multipart(contentType: contentType, rules: rules, decode: decode)
    }

    /// A declared response header in its style (`simple` unless the spec says otherwise).
    public func header<Value: Decodable>(
        _ name: String, as type: Value.Type, _ encoding: ParameterEncoding = .headerDefault
    ) throws(ParameterError) -> Value? {
        try headerFields.parameter(name, as: Value.self, encoding)
    }

    /// A declared response, its headers read by the generated headers struct.
    public func typed<Body: Sendable, Headers: ResponseHeaders>(_ body: Body, headers: Headers.Type)
        throws(ParameterError) -> TypedResponse<Body, Headers>
    {
        TypedResponse(status: status, headers: try Headers(from: headerFields), body: body, headerFields: headerFields)
    }

    /// A status the operation does not declare: `APIError` with its name, message and (bounded) body.
    public func undeclaredError() async -> APIError {
        let bytes = (try? await body.collectBytes(upTo: maxBytes)) ?? []
        return apiError(bytes)
    }

    /// A declared error status: `read` builds the operation's error from the response (body and
    /// headers as declared). A response that does not read as declared (a proxy's HTML page, a
    /// required header missing) is `APIError` instead, so the status and the bytes are never lost
    /// behind a decoding error. The body is collected first (up to `maxBytes`).
    public func declaredError<Declared: Error>(_ read: (ReceivedResponse) async throws -> Declared) async -> any Error {
        let bytes = (try? await body.collectBytes(upTo: maxBytes)) ?? []
        var buffered = self
        buffered.body = HTTPBody(bytes)
        do {
            return try await read(buffered)
        } catch {
            return apiError(bytes)
        }
    }

    /// A declared error status whose body streams (bytes, multipart parts, an event stream): `read` builds the
    /// operation's error around the body still unread, so the caller reads it as it arrives, as a
    /// streamed success. Only the headers are checked here: a required one missing or malformed
    /// makes the response `APIError` (with the body's bytes); a body that does not decode as
    /// declared fails while it is read.
    public func declaredStreamingError<Declared: Error>(_ read: (ReceivedResponse) throws -> Declared) async
        -> any Error
    {
        do {
            return try read(self)
        } catch {
            return await undeclaredError()
        }
    }

    private func apiError(_ bytes: [UInt8]) -> APIError {
        let errorType = HTTPField.Name("X-Amzn-Errortype").flatMap { headerFields[$0] }
        return APIError(status: status, errorTypeHeader: errorType, body: bytes)
    }
}

extension APIClient {
    /// Sends a request with any body (JSON, form, multipart, binary, a stream) through the middlewares,
    /// and hands back the response unread, whatever its status.
    public func perform(_ request: ClientRequest, body: OutgoingBody? = nil, accept: [String] = []) async throws
        -> ReceivedResponse
    {
        var head = HTTPRequest(
            method: request.method, scheme: nil, authority: nil, path: request.pathAndQuery,
            headerFields: request.headerFields)
        if let body { head.headerFields[.contentType] = body.contentType }
        let accept = acceptedMediaTypes[request.operationID] ?? accept
        if !accept.isEmpty, head.headerFields[.accept] == nil {
            head.headerFields[.accept] = accept.joined(separator: ", ")
        }
        let (response, responseBody) = try await run(head, body: body?.body, operationID: request.operationID)
        var received = ReceivedResponse(
            head: response, body: responseBody, profile: profile, maxBytes: maxResponseBytes)
        received.validatesBody = validatesResponses
        return received
    }
}
