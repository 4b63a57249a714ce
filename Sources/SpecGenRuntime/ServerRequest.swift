import Foundation
import HTTPTypes
import OpenAPIRuntime

/// A request as a generated route handler reads it: the head, the whole body (bounded), path
/// parameters from the transport, and the query items parsed once.
public struct ServerRequest: Sendable {
    public var head: HTTPRequest
    public var body: [UInt8]
    public var pathParameters: [String: Substring]
    public var queryItems: [(name: String, value: String)]
    public var profile: WireProfile
    /// The body as it arrives, for a route that streams it (`ServerRoute.streamsRequestBody`); `body` is then empty.
    public var bodyStream: HTTPBody?

    public init(head: HTTPRequest, body: [UInt8], pathParameters: [String: Substring], profile: WireProfile) {
        self.head = head
        self.body = body
        self.pathParameters = pathParameters
        self.profile = profile
        self.queryItems = Self.parseQuery(head.path ?? "")
    }

    /// The JSON body as `Input`; a body that does not decode answers 400 `SerializationException`.
    public func decodeBody<Input: Decodable>(_ type: Input.Type) throws -> Input {
        let json = body.isEmpty ? Array("{}".utf8) : body
        do {
            return try profile.makeDecoder().decode(Input.self, from: Data(json))
        } catch {
            throw RequestError.serialization(Self.reason(error))
        }
    }

    /// An optional body: nil when the request has none.
    public func decodeOptionalBody<Input: Decodable>(_ type: Input.Type) throws -> Input? {
        body.isEmpty ? nil : try decodeBody(Input.self)
    }

    public func path<Value: ParameterText>(_ name: String, as type: Value.Type) throws -> Value {
        guard let text = pathParameters[name], let value = Value(parameterText: String(text).removingPercentEncoding ?? String(text)) else {
            throw RequestError.validation("path parameter '\(name)' is missing or malformed")
        }
        return value
    }

    public func query<Value: ParameterText>(_ name: String, as type: Value.Type) throws -> Value? {
        guard let text = queryItems.first(where: { $0.name == name })?.value else { return nil }
        guard let value = Value(parameterText: text) else {
            throw RequestError.validation("query parameter '\(name)' is malformed")
        }
        return value
    }

    public func query<Value: ParameterText>(_ name: String, as type: [Value].Type) throws -> [Value]? {
        let texts = queryItems.filter { $0.name == name }.map(\.value)
        guard !texts.isEmpty else { return nil }
        return try texts.map { text in
            guard let value = Value(parameterText: text) else {
                throw RequestError.validation("query parameter '\(name)' is malformed")
            }
            return value
        }
    }

    public func header<Value: ParameterText>(_ name: String, as type: Value.Type) throws -> Value? {
        guard let field = HTTPField.Name(name), let text = head.headerFields[field] else { return nil }
        guard let value = Value(parameterText: text) else {
            throw RequestError.validation("header '\(name)' is malformed")
        }
        return value
    }

    /// A required input that is absent answers 400.
    public func required<Value>(_ value: Value?, _ what: String) throws -> Value {
        guard let value else { throw RequestError.validation("\(what) is required") }
        return value
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
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?:
            return "\(path(context)) has the wrong type"
        case .dataCorrupted(let context)?:
            return context.codingPath.isEmpty ? "the body is not valid JSON" : "\(path(context)) is invalid"
        default:
            return "the body could not be read"
        }
    }
}

/// What a client got wrong, answered with 400 and AWS's error names.
public enum RequestError: Error, ServiceError, Sendable {
    case serialization(String)
    case validation(String)

    public var httpStatus: Int { 400 }
    public var errorName: String {
        switch self {
        case .serialization: return "SerializationException"
        case .validation: return "ValidationException"
        }
    }
    public var errorMessage: String? {
        switch self {
        case .serialization(let reason), .validation(let reason): return reason
        }
    }
}
