import Foundation
import HTTPTypes

/// A declared response, decoded: its status, its declared headers (typed), its body (typed), and
/// every header field as received. Generated error enums carry one per declared error status; an
/// operation whose success declares headers returns one. See docs/proposals/0001-typed-responses.md.
public struct TypedResponse<Body: Sendable, Headers: ResponseHeaders>: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// The headers the response declares, typed.
    public var headers: Headers
    /// The decoded body (`NoContent` when the response declares none).
    public var body: Body
    /// Every field as received (the client) or extra fields to send (the server).
    public var headerFields: HTTPFields

    /// A response with typed headers; `headerFields` are the fields received, or extra ones to send.
    public init(status: Int, headers: Headers, body: Body, headerFields: HTTPFields = HTTPFields()) {
        self.status = status
        self.headers = headers
        self.body = body
        self.headerFields = headerFields
    }
}

extension TypedResponse: Equatable where Body: Equatable, Headers: Equatable {}
extension TypedResponse: Hashable where Body: Hashable, Headers: Hashable {}

extension TypedResponse where Headers == NoHeaders {
    /// A response that declares no headers.
    public init(status: Int, body: Body, headerFields: HTTPFields = HTTPFields()) {
        self.init(status: status, headers: NoHeaders(), body: body, headerFields: headerFields)
    }
}

/// The headers a response (or a multipart part's `encoding`) declares, as a generated struct: read from the fields (client) and
/// written into them (server), each in its style.
public protocol ResponseHeaders: Sendable {
    /// Reads the declared headers from the received fields; a required one absent or malformed throws.
    init(from fields: HTTPFields) throws(ParameterError)
    /// Writes the declared headers into the fields to send, each in its style.
    func write(to fields: inout HTTPFields) throws
}

extension ResponseHeaders {
    /// The header fields of a response; generated headers structs spell it so that they need not
    /// import HTTPTypes.
    public typealias Fields = HTTPFields
}

/// A response that declares no headers.
public struct NoHeaders: ResponseHeaders, Hashable {
    /// The value of a response without declared headers.
    public init() {}
    public init(from fields: HTTPFields) {}
    public func write(to fields: inout HTTPFields) {}
}

/// A declared response a server sends: generated error enums conform (a handler throws one, the
/// route table answers with it, and the client catches the same enum), and so do output enums of
/// operations with several success statuses (the route returns `try output.serverResponse(profile:)`).
public protocol ResponseConvertible {
    /// The status, headers and body to answer with, encoded by the API's wire profile.
    func serverResponse(profile: WireProfile) throws -> ServerResponse
}

extension ServerResponse {
    /// A declared response: the body in its media type (streamed if it streams) and its typed headers.
    public init(
        status: Int, body: OutgoingBody?, headers: some ResponseHeaders = NoHeaders(),
        headerFields: HTTPFields = HTTPFields()
    ) throws {
        var fields = headerFields
        try headers.write(to: &fields)
        self.init(status: status, headerFields: fields, body: [], contentType: body?.contentType)
        self.stream = body?.body
    }
}
