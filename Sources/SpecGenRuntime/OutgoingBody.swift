import Foundation
import HTTPTypes
@_spi(Generated) import OpenAPIRuntime

/// A request or response body ready to send: the bytes (streamed where the source streams) and the
/// `Content-Type` to announce. Generated clients pass one to `APIClient.perform`; servers answer with one.
public struct OutgoingBody: Sendable {
    /// The bytes to send.
    public var body: HTTPBody
    /// The `Content-Type` header sent with the body.
    public var contentType: String

    /// A body of any bytes announced as `contentType`.
    public init(_ body: HTTPBody, contentType: String) {
        self.body = body
        self.contentType = contentType
    }

    /// A JSON body in the profile's encoding (sorted keys, its date format).
    public static func json(
        _ value: some Encodable, profile: WireProfile = .rest, contentType: String = "application/json"
    ) throws -> OutgoingBody {
        try ServerRequest.checkResponseBody(value)
        return OutgoingBody(HTTPBody(Array(try profile.makeEncoder().encode(value))), contentType: contentType)
    }

    /// `application/x-www-form-urlencoded` from a Codable struct (OpenAPIRuntime's form coder:
    /// `name=a+b&tags=x&tags=y`; properties that are objects or arrays of objects throw).
    public static func form(_ value: some Encodable, contentType: String = "application/x-www-form-urlencoded") throws
        -> OutgoingBody
    {
        var fields = HTTPFields()
        let body = try Converter.shared.setRequiredRequestBodyAsURLEncodedForm(
            value, headerFields: &fields, contentType: contentType)
        return OutgoingBody(body, contentType: contentType)
    }

    /// `text/plain` (UTF-8).
    public static func text(_ text: String, contentType: String = "text/plain; charset=utf-8") -> OutgoingBody {
        OutgoingBody(HTTPBody(text), contentType: contentType)
    }

    /// Bytes already in memory (a binary body held as `Data`).
    public static func binary(_ data: Data, contentType: String = "application/octet-stream") -> OutgoingBody {
        OutgoingBody(HTTPBody(data), contentType: contentType)
    }

    /// Bytes passed through as they come (a file, a proxy stream): never collected in memory here.
    public static func binary(_ body: HTTPBody, contentType: String = "application/octet-stream") -> OutgoingBody {
        OutgoingBody(body, contentType: contentType)
    }
}

extension Converter {
    /// The runtime's converter with its defaults (ISO 8601 dates), for its form and multipart coders.
    static let shared = Converter(configuration: Configuration())
}
