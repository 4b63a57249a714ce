import Foundation
import HTTPTypes

/// A parameter the client sent wrongly: the server answers 400 and names it
/// (`query parameter 'color' is malformed: 'x' is not a valid Int`).
public struct ParameterError: Error, ServiceError, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong with the parameter.
    public enum Problem: Sendable, Hashable {
        /// A required parameter is absent.
        case missing
        /// An object parameter without one of its required properties.
        case missingProperty(String)
        /// The value does not read as the declared type, with the reason.
        case malformed(String)
    }

    /// Where the parameter travels.
    public var location: ParameterLocation
    /// The parameter's name as the spec declares it.
    public var name: String
    /// What is wrong with it.
    public var problem: Problem

    /// An error about the parameter `name` in `location`.
    public init(_ location: ParameterLocation, _ name: String, _ problem: Problem) {
        self.location = location
        self.name = name
        self.problem = problem
    }

    /// What a parse or decoding failure means for the client.
    static func problem(of error: any Error) -> Problem {
        switch error {
        case let error as ParameterWire.Malformed: return .malformed(error.reason)
        case DecodingError.valueNotFound(_, let context) where context.codingPath.isEmpty: return .missing
        case DecodingError.dataCorrupted(let context): return .malformed(context.debugDescription)
        case DecodingError.keyNotFound(let key, _): return .missingProperty(key.stringValue)
        case DecodingError.typeMismatch(_, let context): return .malformed(context.debugDescription)
        default: return .malformed("unreadable value")
        }
    }

    public var httpStatus: Int { 400 }
    public var errorName: String { "ValidationException" }
    public var errorMessage: String? { description }
    public var description: String {
        let what = location == .header ? "header '\(name)'" : "\(location.rawValue) parameter '\(name)'"
        switch problem {
        case .missing: return "\(what) is required"
        case .missingProperty(let property): return "\(what) lacks its property '\(property)'"
        case .malformed(let reason): return "\(what) is malformed: \(reason)"
        }
    }
}

/// Parameters in any OpenAPI style into any `Decodable`; the optional forms return nil when the
/// parameter is absent, the `required` ones throw `.missing`. Every failure is a `ParameterError`.
extension ServerRequest {
    /// The query's `name=value` pairs as sent (escaped): a style's delimiters are only told apart
    /// from escaped ones before unescaping.
    var rawQueryPairs: [(name: Substring, value: Substring)] {
        guard let path = head.path, let question = path.firstIndex(of: "?") else { return [] }
        return ParameterWire.rawPairs(query: path[path.index(after: question)...])
    }

    /// The path parameter `name` in its style (`simple`, `label` or `matrix`); absent throws `.missing`.
    public func path<Value: Decodable>(_ name: String, as type: Value.Type, _ encoding: ParameterEncoding)
        throws(ParameterError) -> Value
    {
        guard let text = pathParameters[name] else { throw ParameterError(.path, name, .missing) }
        return try Self.decode(Value.self, .path, name) { try ParameterWire.parsePath(name, text, $0, encoding) }
    }

    /// The query parameter `name` in its style; nil when absent.
    public func query<Value: Decodable>(_ name: String, as type: Value.Type, _ encoding: ParameterEncoding)
        throws(ParameterError) -> Value?
    {
        let pairs = rawQueryPairs
        return try Self.decodeIfPresent(Value.self, .query, name, encoding) {
            try ParameterWire.parseQuery(name, pairs, $0, encoding)
        }
    }

    /// A required query parameter `name` in its style; absent throws `.missing`.
    public func query<Value: Decodable>(_ name: String, required type: Value.Type, _ encoding: ParameterEncoding)
        throws(ParameterError) -> Value
    {
        try required(query(name, as: type, encoding), .query, name)
    }

    /// The header `name` in its style (`simple` by default); nil when absent.
    public func header<Value: Decodable>(
        _ name: String, as type: Value.Type, _ encoding: ParameterEncoding = .headerDefault
    ) throws(ParameterError) -> Value? {
        try head.headerFields.parameter(name, as: Value.self, encoding)
    }

    /// The cookie `name` from the `Cookie` header(s) in its style (`form` by default); nil when absent.
    public func cookie<Value: Decodable>(
        _ name: String, as type: Value.Type, _ encoding: ParameterEncoding = .cookieDefault
    ) throws(ParameterError) -> Value? {
        let pairs = head.headerFields[values: .cookie].flatMap {
            ParameterWire.rawPairs(query: $0[...], separator: ";")
        }
        return try Self.decodeIfPresent(Value.self, .cookie, name, encoding) {
            try ParameterWire.parseQuery(name, pairs, $0, encoding, location: .cookie)
        }
    }

    /// A query item declared with `content: application/json`.
    public func queryJSON<Value: Decodable>(_ name: String, as type: Value.Type) throws(ParameterError) -> Value? {
        guard let raw = rawQueryPairs.first(where: { ParameterWire.unescape($0.name, in: .query) == name })?.value
        else { return nil }
        return try decodeJSON(Value.self, ParameterWire.unescape(raw, in: .query), .query, name)
    }

    /// OpenAPI 3.2's `in: querystring`, form-urlencoded: the whole query string read as an exploded
    /// `form` object; nil when the query string is empty or holds none of the object's properties.
    public func querystring<Value: Decodable>(_ name: String, as type: Value.Type, _ encoding: ParameterEncoding)
        throws(ParameterError) -> Value?
    {
        let pairs = rawQueryPairs
        guard !pairs.isEmpty else { return nil }
        return try Self.decodeIfPresent(Value.self, .querystring, name, encoding) {
            try ParameterWire.parseQuery(name, pairs, $0, encoding)
        }
    }

    /// OpenAPI 3.2's `in: querystring` with JSON content: the whole query string, unescaped, is the
    /// value's JSON; nil when there is none.
    public func querystringJSON<Value: Decodable>(_ name: String, as type: Value.Type) throws(ParameterError)
        -> Value?
    {
        guard let path = head.path, let question = path.firstIndex(of: "?") else { return nil }
        let raw = path[path.index(after: question)...]
        guard !raw.isEmpty else { return nil }
        return try decodeJSON(Value.self, ParameterWire.unescape(raw, in: .querystring), .querystring, name)
    }

    /// A header declared with `content: application/json`.
    public func headerJSON<Value: Decodable>(_ name: String, as type: Value.Type) throws(ParameterError) -> Value? {
        guard let field = HTTPField.Name(name), let text = head.headerFields[field] else { return nil }
        return try decodeJSON(Value.self, text, .header, name)
    }

    /// The required forms of the readers above: an absent parameter throws `.missing`, a 400 naming
    /// it (generated routes pick the form by the parameter's `required`).
    public func header<Value: Decodable>(
        _ name: String, required type: Value.Type, _ encoding: ParameterEncoding = .headerDefault
    ) throws(ParameterError) -> Value {
        try required(header(name, as: type, encoding), .header, name)
    }

    /// A required cookie `name` in its style; absent throws `.missing`.
    public func cookie<Value: Decodable>(
        _ name: String, required type: Value.Type, _ encoding: ParameterEncoding = .cookieDefault
    ) throws(ParameterError) -> Value {
        try required(cookie(name, as: type, encoding), .cookie, name)
    }

    /// A required form-urlencoded querystring (OpenAPI 3.2); an empty query string throws `.missing`.
    public func querystring<Value: Decodable>(_ name: String, required type: Value.Type, _ encoding: ParameterEncoding)
        throws(ParameterError) -> Value
    {
        try required(querystring(name, as: type, encoding), .querystring, name)
    }

    /// A required query item declared with JSON `content`; absent throws `.missing`.
    public func queryJSON<Value: Decodable>(_ name: String, required type: Value.Type) throws(ParameterError) -> Value {
        try required(queryJSON(name, as: type), .query, name)
    }

    /// A required JSON querystring (OpenAPI 3.2); an empty query string throws `.missing`.
    public func querystringJSON<Value: Decodable>(_ name: String, required type: Value.Type) throws(ParameterError)
        -> Value
    {
        try required(querystringJSON(name, as: type), .querystring, name)
    }

    /// A required header declared with JSON `content`; absent throws `.missing`.
    public func headerJSON<Value: Decodable>(_ name: String, required type: Value.Type) throws(ParameterError) -> Value
    {
        try required(headerJSON(name, as: type), .header, name)
    }

    /// A required parameter that is absent answers 400 naming it.
    public func required<Value>(_ value: Value?, _ location: ParameterLocation, _ name: String) throws(ParameterError)
        -> Value
    {
        guard let value else { throw ParameterError(location, name, .missing) }
        return value
    }

    private func decodeJSON<Value: Decodable>(
        _ type: Value.Type, _ text: String, _ location: ParameterLocation, _ name: String
    ) throws(ParameterError) -> Value {
        do {
            return try profile.makeDecoder().decode(Value.self, from: Data(text.utf8))
        } catch {
            throw ParameterError(
                location, name, .malformed(Self.reason(error).replacingOccurrences(of: "the body", with: "the value")))
        }
    }

    private static func decode<Value: Decodable>(
        _ type: Value.Type, _ location: ParameterLocation, _ name: String,
        read: @escaping (ParameterShape) throws -> ParameterValue?
    ) throws(ParameterError) -> Value {
        do {
            return try ParameterValueDecoder.decode(Value.self, read: read)
        } catch {
            throw ParameterError(location, name, ParameterError.problem(of: error))
        }
    }

    /// Nil when the parameter is absent: its text parsed as nothing for the shape the type asked for.
    /// An exploded `form` object has no item of its own name, only its properties': it is absent when
    /// none of its required properties is there.
    private static func decodeIfPresent<Value: Decodable>(
        _ type: Value.Type, _ location: ParameterLocation, _ name: String,
        _ encoding: ParameterEncoding,
        read: @escaping (ParameterShape) throws -> ParameterValue?
    ) throws(ParameterError) -> Value? {
        let found = Flag()
        do {
            let value = try decode(Value.self, location, name) { shape in
                let value = try read(shape)
                if value != nil { found.isSet = true }
                return value
            }
            // An array type reads an absent parameter as empty; absent it is.
            return found.isSet ? value : nil
        } catch  where !found.isSet {
            switch error.problem {
            case .missing, .missingProperty: return nil
            case .malformed: throw error
            }
        } catch  where encoding.style == .form && encoding.explode {
            if case .missingProperty = error.problem { return nil }
            throw error
        }
    }

    private final class Flag { var isSet = false }
}
