import Foundation
import HTTPTypes
import OpenAPIRuntime

/// What a route handler answers: status, extra headers and body bytes.
public struct ServerResponse: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// Header fields to send besides `Content-Type`.
    public var headerFields: HTTPFields
    /// The body bytes, sent unless `stream` is set.
    public var body: [UInt8]
    /// The `Content-Type` of the body; nil sends none.
    public var contentType: String?
    /// A streamed body (binary, event streams, multipart), sent instead of `body` when set.
    public var stream: HTTPBody?

    /// A response with a collected body (empty by default).
    public init(status: Int, headerFields: HTTPFields = HTTPFields(), body: [UInt8] = [], contentType: String? = nil) {
        self.status = status
        self.headerFields = headerFields
        self.body = body
        self.contentType = contentType
    }

    /// A JSON body in the profile's media type (`application/x-amz-json-1.1` for AWS JSON).
    public static func json(_ value: some Encodable, status: Int = 200, profile: WireProfile, mediaType: String? = nil)
        throws -> ServerResponse
    {
        try ServerRequest.checkResponseBody(value)
        if value is NoContent {
            return ServerResponse(
                status: status, body: Array("{}".utf8), contentType: profile.responseMediaType(declared: mediaType))
        }
        return ServerResponse(
            status: status, body: Array(try profile.makeEncoder().encode(value)),
            contentType: profile.responseMediaType(declared: mediaType))
    }

    /// An error as AWS sends it: `{"__type": name, "message": …}` and `X-Amzn-ErrorType`; plain
    /// REST APIs get `{"error": name, "message": …}`.
    public static func error(status: Int, name: String, message: String?, profile: WireProfile) -> ServerResponse {
        var object: [String: String] = [profile.isAWSJSON ? "__type" : "error": name]
        if let message { object["message"] = message }
        let body = (try? profile.makeEncoder().encode(object)).map(Array.init) ?? []
        var fields = HTTPFields()
        if profile.isAWSJSON, let field = HTTPField.Name("X-Amzn-ErrorType") { fields[field] = name }
        return ServerResponse(
            status: status, headerFields: fields, body: body,
            contentType: profile.responseMediaType(declared: nil))
    }
}

extension ServerResponse {
    /// An error the server makes itself as RFC 9457 problem details, for an operation whose spec
    /// declares `application/problem+json` for that status: `type`, `title` (the status's reason
    /// phrase), `status` and `detail` (what is wrong), in the declared media type.
    /// A failed validation also lists each violation in `errors` (pointer, constraint, limit,
    /// detail), an extension member as RFC 9457 section 3.2 allows.
    public static func problem(
        status: Int, message: String?, contentType: String, errors: [Violation]? = nil
    ) -> ServerResponse {
        struct Problem: Encodable {
            var type = "about:blank"
            var title: String
            var status: Int
            var detail: String?
            var errors: [Violation]?
        }
        let title = knownStatuses.first { $0.code == status }?.reasonPhrase ?? "Error \(status)"
        let problem = Problem(title: title, status: status, detail: message, errors: errors)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return ServerResponse(
            status: status, body: (try? encoder.encode(problem)).map(Array.init) ?? [], contentType: contentType)
    }
}

/// The statuses the server answers itself, with their reason phrases (`Status(code:)` has none).
private let knownStatuses: [HTTPResponse.Status] = [
    .badRequest, .unauthorized, .forbidden, .notFound, .methodNotAllowed, .notAcceptable, .contentTooLarge,
    .unsupportedMediaType, .unprocessableContent, .tooManyRequests, .internalServerError, .notImplemented,
    .serviceUnavailable,
]

extension WireProfile {
    /// AWS JSON answers in its own media type whatever the spec says; REST in the declared one.
    public func responseMediaType(declared: String?) -> String {
        switch self {
        case .rest: return declared ?? "application/json"
        case .awsJSON(let version): return "application/x-amz-json-\(version)"
        }
    }
}
