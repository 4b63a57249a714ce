import Foundation
import HTTPTypes
@_spi(Generated) import OpenAPIRuntime

/// Which parts a `multipart/form-data` body must, may, or may not repeat: checked while streaming
/// (OpenAPIRuntime's validation), so a violation throws when the reader reaches it.
public struct MultipartRules: Sendable, Hashable {
    /// Whether parts the spec does not name are accepted (else they throw).
    public var allowsUnknownParts: Bool
    /// Names of parts that must appear exactly once (required, not an array).
    public var exactlyOnce: Set<String>
    /// Names of parts that must appear at least once (required arrays).
    public var atLeastOnce: Set<String>
    /// Names of parts that may appear at most once (optional, not an array).
    public var atMostOnce: Set<String>
    /// Names of parts that may appear any number of times (optional arrays).
    public var zeroOrMore: Set<String>

    /// Rules from the part names in each group; by default every part is optional and unknown parts pass.
    public init(
        allowsUnknownParts: Bool = true, exactlyOnce: Set<String> = [], atLeastOnce: Set<String> = [],
        atMostOnce: Set<String> = [], zeroOrMore: Set<String> = []
    ) {
        self.allowsUnknownParts = allowsUnknownParts
        self.exactlyOnce = exactlyOnce
        self.atLeastOnce = atLeastOnce
        self.atMostOnce = atMostOnce
        self.zeroOrMore = zeroOrMore
    }
}

extension OutgoingBody {
    /// Typed parts, streamed part by part (a file part's bytes are not collected): generated code maps its
    /// part enum to raw parts with `MultipartRawPart.json/text/file`.
    public static func multipart<Part: Sendable>(
        _ parts: MultipartBody<Part>, rules: MultipartRules = MultipartRules(),
        contentType: String = "multipart/form-data",
        encode: @escaping @Sendable (Part) throws -> MultipartRawPart
    ) throws -> OutgoingBody {
        var fields = HTTPFields()
        let body = try Converter.shared.setRequiredRequestBodyAsMultipart(
            parts, headerFields: &fields, contentType: contentType, allowsUnknownParts: rules.allowsUnknownParts,
            requiredExactlyOncePartNames: rules.exactlyOnce, requiredAtLeastOncePartNames: rules.atLeastOnce,
            atMostOncePartNames: rules.atMostOnce, zeroOrMoreTimesPartNames: rules.zeroOrMore, encoding: encode)
        return OutgoingBody(body, contentType: fields[.contentType] ?? contentType)
    }
}

extension HTTPBody {
    /// The parts of a `multipart/*` body as they arrive; `contentType` carries the boundary.
    public func multipart<Part: Sendable>(
        contentType: String?, rules: MultipartRules = MultipartRules(),
        decode: @escaping @Sendable (MultipartRawPart) async throws -> Part
    ) throws -> MultipartBody<Part> {
        // Any `multipart/*` (OpenAPIRuntime's own `requiredBoundary()` accepts only `multipart/form-data`).
        guard let mime = contentType.flatMap(OpenAPIMIMEType.init), case .concrete(let type, _) = mime.kind,
            type.lowercased() == "multipart", let boundary = mime.parameters["boundary"], boundary.utf8.count <= 70
        else { throw BodyDecodingError("the body's Content-Type is not multipart with a boundary") }
        return try Converter.shared.getRequiredRequestBodyAsMultipart(
            MultipartBody<Part>.self, from: self, transforming: { $0 }, boundary: boundary,
            allowsUnknownParts: rules.allowsUnknownParts, requiredExactlyOncePartNames: rules.exactlyOnce,
            requiredAtLeastOncePartNames: rules.atLeastOnce, atMostOncePartNames: rules.atMostOnce,
            zeroOrMoreTimesPartNames: rules.zeroOrMore, decoding: decode)
    }
}

extension MultipartRawPart {
    /// A part whose content is JSON.
    public static func json(
        name: String, _ value: some Encodable, profile: WireProfile = .rest, headerFields: HTTPFields = [:]
    ) throws -> MultipartRawPart {
        var fields = headerFields
        fields[.contentType] = "application/json"
        return MultipartRawPart(
            name: name, headerFields: fields, body: HTTPBody(Array(try profile.makeEncoder().encode(value))))
    }

    /// A plain form field (`text/plain`): a primitive's text (`42`, `true`, a string).
    public static func text(name: String, _ text: String, headerFields: HTTPFields = [:]) -> MultipartRawPart {
        var fields = headerFields
        fields[.contentType] = "text/plain"
        return MultipartRawPart(name: name, headerFields: fields, body: HTTPBody(text))
    }

    /// A file: its bytes streamed, its name and media type announced.
    public static func file(
        name: String, filename: String?, contentType: String = "application/octet-stream",
        body: HTTPBody, headerFields: HTTPFields = [:]
    ) -> MultipartRawPart {
        var fields = headerFields
        fields[.contentType] = contentType
        return MultipartRawPart(name: name, filename: filename, headerFields: fields, body: body)
    }

    /// The part's `Content-Type`, if it declared one.
    public var contentType: String? { headerFields[.contentType] }

    /// The part's content as JSON into `Value`, refusing more than `limit` bytes.
    public func json<Value: Decodable>(_ type: Value.Type, profile: WireProfile = .rest, upTo limit: Int) async throws
        -> Value
    {
        try await body.json(Value.self, profile: profile, upTo: limit)
    }

    /// The part's content as UTF-8 text, refusing more than `limit` bytes.
    public func text(upTo limit: Int) async throws -> String { try await body.text(upTo: limit) }

    /// A form field holding a primitive (`42`, `true`, `1.5`, a string) as its text.
    public static func value(name: String, _ value: some LosslessStringConvertible, headerFields: HTTPFields = [:])
        -> MultipartRawPart
    {
        .text(name: name, value.description, headerFields: headerFields)
    }

    /// The part's text as a primitive (`Int`, `Bool`, `Double`, `String`); text that is not one throws.
    public func value<Value: LosslessStringConvertible>(_ type: Value.Type, upTo limit: Int) async throws -> Value {
        let text = try await self.text(upTo: limit)
        guard let value = Value(text) else {
            throw BodyDecodingError("the part '\(name ?? "")' is not a valid \(Value.self): '\(text)'")
        }
        return value
    }

    /// The part's text as an enumeration's raw value; a value the enumeration does not know throws.
    public func rawValue<Value: RawRepresentable>(_ type: Value.Type, upTo limit: Int) async throws -> Value
    where Value.RawValue: LosslessStringConvertible {
        let raw = try await value(Value.RawValue.self, upTo: limit)
        guard let value = Value(rawValue: raw) else {
            throw BodyDecodingError("the part '\(name ?? "")' is not a valid \(Value.self): '\(raw)'")
        }
        return value
    }

    /// A file part: the file's bytes streamed, its name and media type announced.
    public static func file(name: String, _ file: MultipartFile, headerFields: HTTPFields = [:]) -> MultipartRawPart {
        .file(
            name: name, filename: file.filename, contentType: file.contentType ?? "application/octet-stream",
            body: file.body, headerFields: headerFields)
    }

    /// The part as a file: its bytes still streaming, its file name and media type as sent.
    public var file: MultipartFile { MultipartFile(body, filename: filename, contentType: contentType) }
}

/// A file in a `multipart/form-data` body (a `format: binary` property, Swagger's `type: file`):
/// its bytes stream in both directions, they are never collected by the generated code.
public struct MultipartFile: Sendable, Hashable {
    /// The file's bytes.
    public var body: HTTPBody
    /// The `filename` of the part's `Content-Disposition`, if any.
    public var filename: String?
    /// The part's `Content-Type` (`application/octet-stream` is sent when nil).
    public var contentType: String?

    /// A file of `body`'s bytes, announced with a name and a media type when given.
    public init(_ body: HTTPBody, filename: String? = nil, contentType: String? = nil) {
        self.body = body
        self.filename = filename
        self.contentType = contentType
    }
}

/// A part whose `encoding` declares headers: its value and the generated struct of those headers
/// (the same kind of struct a response's declared headers get, written in the part's header block).
public struct MultipartPartWithHeaders<Value: Sendable, Headers: ResponseHeaders>: Sendable {
    /// The part's content.
    public var value: Value
    /// The part's declared headers, typed.
    public var headers: Headers

    /// A part of `value` sent with `headers`.
    public init(_ value: Value, headers: Headers) {
        self.value = value
        self.headers = headers
    }

    /// The declared headers as the fields of the part's header block.
    public func headerFields() throws -> HTTPFields {
        var fields = HTTPFields()
        try headers.write(to: &fields)
        return fields
    }
}

extension MultipartPartWithHeaders: Equatable where Value: Equatable, Headers: Equatable {}
extension MultipartPartWithHeaders: Hashable where Value: Hashable, Headers: Hashable {}

extension MultipartRawPart {
    /// The part's declared headers, typed; a required one absent or a malformed one throws, naming
    /// the part and the header (a server answers 400).
    public func headers<Headers: ResponseHeaders>(_ type: Headers.Type) throws -> Headers {
        do {
            return try Headers(from: headerFields)
        } catch {
            throw BodyDecodingError("the part '\(name ?? "")' has a bad header: \(error)")
        }
    }
}
