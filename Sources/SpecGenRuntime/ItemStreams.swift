import Foundation
import HTTPTypes
import OpenAPIRuntime

/// The sequential media types whose items are one JSON value each: a response that declares
/// several of them with one item schema is one `EventStream` of the items, whichever travels. The
/// client reads the one the response's `Content-Type` names; the server writes the first one the
/// request's `Accept` takes, in the spec's order.
public enum ItemStreamFormat: Sendable, Hashable {
    /// `application/jsonl` (and `x-ndjson`, `x-jsonlines`, `jsonlines`): one JSON value a line.
    case jsonLines
    /// `application/json-seq` (RFC 7464): a record separator before each JSON value.
    case jsonSequence
    /// `text/event-stream`: each item the JSON `data` of one event.
    case serverSentEvents

    /// The format of `mediaType`, nil for one that is not a sequence of JSON items.
    public init?(mediaType: String) {
        switch MediaRange.essence(mediaType) {
        case "application/jsonl", "application/x-ndjson", "application/x-jsonlines", "application/jsonlines":
            self = .jsonLines
        case "application/json-seq": self = .jsonSequence
        case "text/event-stream": self = .serverSentEvents
        default: return nil
        }
    }
}

extension ReceivedResponse {
    /// The items of a body declared in several sequential media types (`declared`, in the spec's
    /// order), in the one the response's `Content-Type` names; the first declared when it names
    /// none. Server-Sent Events yield each event's JSON `data`. Another `Content-Type` throws
    /// `BodyDecodingError` naming what was declared.
    public func items<Value: Decodable & Sendable & Hashable>(of type: Value.Type, declared: [String]) throws
        -> EventStream<Value>
    {
        let received = contentType.map(MediaRange.essence)
        let mediaType =
            received == nil ? declared.first : declared.first { MediaRange.essence($0) == received }
        guard let mediaType, let format = ItemStreamFormat(mediaType: mediaType) else {
            throw BodyDecodingError(
                "Content-Type \(contentType ?? "(none)") is none of the declared \(declared.joined(separator: ", "))")
        }
        var stream: EventStream<Value>
        switch format {
        case .jsonLines: stream = jsonLines(of: Value.self)
        case .jsonSequence: stream = jsonSequence(of: Value.self)
        case .serverSentEvents: stream = EventStream(serverSentEvents(of: Value.self).compactMap(\.data))
        }
        stream.mediaType = mediaType
        return stream
    }
}

extension OutgoingBody {
    /// Items answered in the first of `declared` (the spec's order) that the request being served
    /// accepts (`Accept`, RFC 9110); the first declared when there is no request or no `Accept`.
    /// The route has answered 406 already when none is acceptable. As Server-Sent Events, each
    /// item is the JSON `data` of one event.
    public static func items<Values: AsyncSequence & Sendable>(
        _ values: Values, profile: WireProfile = .rest, declared: [String]
    ) -> OutgoingBody where Values.Element: Encodable & Sendable & Hashable {
        let accept = ServerRequest.current?.head.headerFields[.accept]
        let chosen =
            accept.flatMap { accept in declared.first { MediaRange.accepts(accept, $0) } } ?? declared.first
        switch chosen.flatMap(ItemStreamFormat.init(mediaType:)) {
        case .serverSentEvents?: return .serverSentEvents(values: values, profile: profile)
        case .jsonSequence?: return .jsonSequence(values, profile: profile, contentType: chosen!)
        case .jsonLines?, nil: return .jsonLines(values, profile: profile, contentType: chosen ?? "application/jsonl")
        }
    }
}
