import Foundation
import HTTPTypes
import OpenAPIRuntime

/// A request as a generated route handler reads it: the head, the whole body (bounded), path
/// parameters from the transport, and the query items parsed once.
public struct ServerRequest: Sendable {
    /// The method, path (with the query string) and header fields.
    public var head: HTTPRequest
    /// The collected body, at most the route table's `maxBodyBytes`; empty for a streamed body.
    public var body: [UInt8]
    /// The path template's values by name, as the transport matched them (still percent-encoded).
    public var pathParameters: [String: Substring]
    /// The query string's items in order, `+` and percent-escapes decoded.
    public var queryItems: [(name: String, value: String)]
    /// The API's wire profile, which decodes the body (dates) and encodes errors.
    public var profile: WireProfile
    /// The body as it arrives, for a route that streams it (`ServerRoute.streamsRequestBody`); `body` is then empty.
    public var bodyStream: HTTPBody?
    /// The route checks a JSON body its handler returns against the spec (`RouteTable.validatesResponses`).
    public var validatesResponses = false

    /// A request with its body collected; the query items are parsed from `head.path`.
    public init(head: HTTPRequest, body: [UInt8], pathParameters: [String: Substring], profile: WireProfile) {
        self.head = head
        self.body = body
        self.pathParameters = pathParameters
        self.profile = profile
        self.queryItems = Self.parseQuery(head.path ?? "")
    }

    /// The JSON body as `Input`; a body that does not decode answers 400 `SerializationException`.
    /// A missing body is one too for REST; AWS JSON reads it as `{}` (its clients send none for
    /// an operation without input fields).
    public func decodeBody<Input: Decodable>(_ type: Input.Type) throws -> Input {
        if body.isEmpty, !profile.isAWSJSON { throw RequestError.serialization("the request body is required") }
        let json = body.isEmpty ? Array("{}".utf8) : body
        do {
            // AWS JSON treats a member sent as null as one left out (Smithy's awsJson protocols),
            // so only a REST server decodes strictly.
            return try StrictDecoding.$isOn.withValue(!profile.isAWSJSON) {
                try profile.makeDecoder().decode(Input.self, from: Data(json))
            }
        } catch {
            throw RequestError.serialization(Self.reason(error))
        }
    }

    /// An optional body: nil when the request has none.
    public func decodeOptionalBody<Input: Decodable>(_ type: Input.Type) throws -> Input? {
        body.isEmpty ? nil : try decodeBody(Input.self)
    }

    /// A body that may be left out or be JSON `null`: nil when the request has none, `.null`
    /// for `null`, else the decoded value.
    public func decodeNullableBody<Input: Codable>(_ type: Input.Type) throws -> Nullable<Input>? {
        guard !body.isEmpty else { return nil }
        return try decodeBody(Nullable<Input>.self)
    }

    static func parseQuery(_ path: String) -> [(name: String, value: String)] {
        guard let question = path.firstIndex(of: "?") else { return [] }
        return path[path.index(after: question)...].split(separator: "&").map { item in
            let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
            }
            return (name: decode(pair[0]), value: pair.count > 1 ? decode(pair[1]) : "")
        }
    }

    /// A decoding error in words a client can act on, without Swift type names.
    static func reason(_ error: any Error) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "the body" : "'" + keys.joined(separator: ".") + "'"
        }
        switch error as? DecodingError {
        case .keyNotFound(let key, let context)?:
            let parent = context.codingPath.isEmpty ? "" : " in \(path(context))"
            return "missing required field '\(key.stringValue)'\(parent)"
        case .typeMismatch(_, let context)?:
            return "\(path(context)) has the wrong type"
        case .valueNotFound(_, let context)?:
            return "\(path(context)) is null, which its schema does not allow"
        case .dataCorrupted(let context)?:
            return context.codingPath.isEmpty ? "the body is not valid JSON" : "\(path(context)) is invalid"
        default:
            return "the body could not be read"
        }
    }
}

/// What a client got wrong, answered with 400 and AWS's error names.
public enum RequestError: Error, ServiceError, Sendable {
    /// The body is not valid for the operation (`SerializationException`), with the reason.
    case serialization(String)
    /// A parameter or required input is missing or malformed (`ValidationException`), with the reason.
    case validation(String)
    /// The body's `Content-Type` is none the operation declares (415 `UnsupportedMediaTypeException`).
    case unsupportedMediaType(String)

    public var httpStatus: Int {
        if case .unsupportedMediaType = self { return 415 }
        return 400
    }
    public var errorName: String {
        switch self {
        case .serialization: return "SerializationException"
        case .validation: return "ValidationException"
        case .unsupportedMediaType: return "UnsupportedMediaTypeException"
        }
    }
    public var errorMessage: String? {
        switch self {
        case .serialization(let reason), .validation(let reason), .unsupportedMediaType(let reason): return reason
        }
    }
}
