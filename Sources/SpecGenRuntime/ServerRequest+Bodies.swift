import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Request bodies beyond JSON, as a handler reads them. A body that does not read as its media type
/// answers 400 `SerializationException`, as a bad JSON body does.
extension ServerRequest {
    /// The body whether it was collected or streams.
    public var requestBody: HTTPBody { bodyStream ?? HTTPBody(body) }
    /// The `Content-Type` the client declared, if any.
    public var contentType: String? { head.headerFields[.contentType] }
    /// Whether the request carries a body: bytes were collected, or (for a streamed body, whose
    /// length is not known before reading) it declares a `Content-Type`.
    public var hasBody: Bool { bodyStream == nil ? !body.isEmpty : contentType != nil }

    /// `application/x-www-form-urlencoded` into a Codable struct.
    public func decodeForm<Input: Decodable>(_ type: Input.Type, upTo limit: Int = 8 << 20) async throws -> Input {
        do {
            return try await requestBody.form(Input.self, upTo: limit)
        } catch let error as BodyTooLargeError {
            throw error
        } catch {
            throw RequestError.serialization("the form body is not a valid \(Input.self): \(error)")
        }
    }

    /// A `text/plain` body.
    public func decodeText(upTo limit: Int = 8 << 20) async throws -> String {
        do {
            return try await requestBody.text(upTo: limit)
        } catch let error as BodyDecodingError {
            throw RequestError.serialization(error.reason)
        }
    }

    /// A `multipart/form-data` body, part by part; a body without a boundary answers 400.
    /// A part that breaks the rules or does not decode throws `RequestError.serialization` while the
    /// handler iterates (a 400 if the handler lets it propagate).
    public func decodeMultipart<Part: Sendable>(
        rules: MultipartRules = MultipartRules(),
        decode: @escaping @Sendable (MultipartRawPart) async throws -> Part
    ) throws -> MultipartBody<Part> {
        let parts: MultipartBody<Part>
        do {
            parts = try requestBody.multipart(contentType: contentType, rules: rules, decode: decode)
        } catch {
            throw RequestError.serialization("the multipart body has no boundary in its Content-Type")
        }
        return MultipartBody(ClientMistakes(parts, what: "multipart body"), iterationBehavior: .single)
    }

    /// A JSON Lines body, decoded as it streams in (for a route that streams its body); a line that
    /// does not decode throws `RequestError.serialization` while the handler iterates.
    public func jsonLines<Value: Decodable & Sendable>(of type: Value.Type) -> EventStream<Value> {
        EventStream(ClientMistakes(requestBody.jsonLines(of: Value.self, profile: profile), what: "JSON Lines body"))
    }

    /// A JSON Sequence (RFC 7464) body, decoded as it streams in (for a route that streams its body).
    public func jsonSequence<Value: Decodable & Sendable>(of type: Value.Type) -> EventStream<Value> {
        EventStream(
            ClientMistakes(requestBody.jsonSequence(of: Value.self, profile: profile), what: "JSON Sequence body"))
    }

    /// A Server-Sent Events body whose `data` is JSON, decoded as it streams in.
    public func serverSentEvents<Value: Decodable & Sendable>(of type: Value.Type)
        -> EventStream<ServerSentEventWithJSONData<Value>>
    {
        EventStream(
            ClientMistakes(requestBody.serverSentEvents(of: Value.self, profile: profile), what: "event stream"))
    }

    /// A Server-Sent Events body whose `data` is text.
    public func serverSentEvents() -> EventStream<ServerSentEvent> {
        EventStream(ClientMistakes(requestBody.serverSentEvents(), what: "event stream"))
    }

    /// The request with a streamed body collected into `body` (at most `limit` bytes), so the JSON
    /// readers work on a route that streams because another of its media types does.
    public func collectingBody(upTo limit: Int = 8 << 20) async throws -> ServerRequest {
        guard let stream = bodyStream else { return self }
        var copy = self
        copy.body = try await stream.collectBytes(upTo: limit)
        copy.bodyStream = nil
        return copy
    }

    /// Whether the declared `Content-Type` is `mediaType` (parameters such as `charset` ignored,
    /// case-insensitive; `image/*` and `*/*` match any subtype).
    public func contentTypeMatches(_ mediaType: String) -> Bool {
        guard let sent = contentType else { return false }
        func essence(_ text: String) -> (type: Substring, subtype: Substring) {
            let bare = text.prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces).lowercased()
            let pair = bare.split(separator: "/", maxSplits: 1)
            return (pair.first ?? "", pair.count > 1 ? pair[1] : "")
        }
        let declared = essence(mediaType)
        let actual = essence(sent)
        if declared.type == "*" { return true }
        return declared.type == actual.type && (declared.subtype == "*" || declared.subtype == actual.subtype)
    }
}

/// A request body's stream as the handler iterates it: what goes wrong reading or decoding it is the
/// client's mistake, so it surfaces as `RequestError.serialization` (400), not as a 500; a body over
/// the limit stays `BodyTooLargeError` (413).
struct ClientMistakes<Base: AsyncSequence & Sendable>: AsyncSequence, Sendable {
    typealias Element = Base.Element
    let base: Base
    let what: String

    init(_ base: Base, what: String) {
        self.base = base
        self.what = what
    }

    func makeAsyncIterator() -> Iterator { Iterator(base: base.makeAsyncIterator(), what: what) }

    struct Iterator: AsyncIteratorProtocol {
        var base: Base.AsyncIterator
        let what: String

        mutating func next() async throws -> Base.Element? {
            do {
                return try await base.next()
            } catch let error as RequestError {
                throw error
            } catch let error as BodyTooLargeError {
                throw error
            } catch {
                let reason = (error as? BodyDecodingError)?.reason ?? ServerRequest.reason(error)
                throw RequestError.serialization("the \(what) is not valid: \(reason)")
            }
        }
    }
}
