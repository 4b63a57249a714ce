import Foundation
@_spi(Generated) import OpenAPIRuntime

/// A body that is not text in the charset it claims, or not the media type expected.
public struct BodyDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong with the body.
    public var reason: String
    /// An error saying what is wrong with the body.
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

/// Reading a received body (client response or server request) as the declared media type.
/// Every reader that collects refuses more than `limit` bytes (`BodyTooLargeError`).
extension HTTPBody {
    /// JSON into `Value`, decoded with the profile's decoder (its date format).
    public func json<Value: Decodable>(_ type: Value.Type, profile: WireProfile = .rest, upTo limit: Int) async throws
        -> Value
    {
        try profile.makeDecoder().decode(Value.self, from: Data(try await collectBytes(upTo: limit)))
    }

    /// `application/x-www-form-urlencoded` into a Codable struct (OpenAPIRuntime's form coder).
    public func form<Value: Decodable>(_ type: Value.Type, upTo limit: Int) async throws -> Value {
        let bytes = try await collectBytes(upTo: limit)
        return try await Converter.shared.getRequiredRequestBodyAsURLEncodedForm(
            Value.self, from: HTTPBody(bytes), transforming: { $0 })
    }

    /// `text/plain` and other text: UTF-8, strictly (invalid bytes throw rather than turn into U+FFFD).
    public func text(upTo limit: Int) async throws -> String {
        let bytes = try await collectBytes(upTo: limit)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw BodyDecodingError("the body is not UTF-8 text")
        }
        return text
    }
}
