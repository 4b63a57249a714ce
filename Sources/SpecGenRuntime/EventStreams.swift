import Foundation
import OpenAPIRuntime

/// A stream of typed values read from (or for) a streamed body: JSON Lines, JSON Sequence (RFC 7464)
/// or Server-Sent Events. It erases OpenAPIRuntime's sequence types so generated signatures stay
/// readable (`EventStream<Message>`), and reads as the consumer pulls: nothing is buffered ahead.
public struct EventStream<Element: Sendable>: AsyncSequence, Sendable {
    private let makeNext: @Sendable () -> NextElement
    /// The media type the stream arrived in, when a response declares several (`ItemStreamFormat`).
    public var mediaType: String?

    /// Erases `base`'s type; each iteration starts a fresh iterator of `base`.
    public init<Base: AsyncSequence & Sendable>(_ base: Base) where Base.Element == Element {
        makeNext = { NextElement(base.makeAsyncIterator()) }
    }

    /// An iterator that pulls from the underlying sequence, one element per call.
    public func makeAsyncIterator() -> Iterator { Iterator(next: makeNext()) }

    /// The iterator of an ``EventStream``, owned by one consumer.
    public struct Iterator: AsyncIteratorProtocol {
        let next: NextElement
        /// The next value, nil at the end of the stream; throws what reading or decoding throws.
        public mutating func next() async throws -> Element? { try await next.advance() }
    }

    /// Holds the base iterator (iterators are mutable and not Sendable; one consumer owns this).
    final class NextElement {
        private let advanceBase: () async throws -> Element?

        init<BaseIterator: AsyncIteratorProtocol>(_ iterator: BaseIterator) where BaseIterator.Element == Element {
            var iterator = iterator
            advanceBase = { try await iterator.next() }
        }

        func advance() async throws -> Element? { try await advanceBase() }
    }
}

extension HTTPBody {
    /// `application/jsonl` / `application/x-ndjson`: one JSON value per line.
    public func jsonLines<Value: Decodable & Sendable>(of type: Value.Type, profile: WireProfile = .rest)
        -> EventStream<Value>
    {
        EventStream(asDecodedJSONLines(of: Value.self, decoder: profile.makeDecoder()))
    }

    /// `application/json-seq` (RFC 7464): record separator, JSON value, line feed.
    public func jsonSequence<Value: Decodable & Sendable>(of type: Value.Type, profile: WireProfile = .rest)
        -> EventStream<Value>
    {
        EventStream(asDecodedJSONSequence(of: Value.self, decoder: profile.makeDecoder()))
    }

    /// `text/event-stream` whose `data` is JSON: every event with its `event`, `id` and `retry`.
    /// `terminator` ends the stream at a sentinel data line some APIs send (`[DONE]`).
    public func serverSentEvents<Value: Decodable & Sendable>(
        of type: Value.Type, profile: WireProfile = .rest,
        terminator: String? = nil
    ) -> EventStream<ServerSentEventWithJSONData<Value>> {
        let sentinel = terminator.map { Array($0.utf8)[...] }
        return EventStream(
            asDecodedServerSentEventsWithJSONData(
                of: Value.self, decoder: profile.makeDecoder(),
                while: { sentinel == nil || $0 != sentinel }))
    }

    /// `text/event-stream` whose `data` is text (not JSON).
    public func serverSentEvents() -> EventStream<ServerSentEvent> {
        EventStream(asDecodedServerSentEvents())
    }
}

extension OutgoingBody {
    /// `application/jsonl`: each value as one line of JSON, streamed as `values` produces them.
    public static func jsonLines<Values: AsyncSequence & Sendable>(
        _ values: Values, profile: WireProfile = .rest,
        contentType: String = "application/jsonl"
    ) -> OutgoingBody
    where Values.Element: Encodable & Sendable {
        OutgoingBody(
            HTTPBody(
                values.asEncodedJSONLines(encoder: profile.makeEncoder()), length: .unknown, iterationBehavior: .single),
            contentType: contentType)
    }

    /// `application/json-seq` (RFC 7464): each value after a record separator, streamed as `values` produces them.
    public static func jsonSequence<Values: AsyncSequence & Sendable>(
        _ values: Values, profile: WireProfile = .rest,
        contentType: String = "application/json-seq"
    ) -> OutgoingBody
    where Values.Element: Encodable & Sendable {
        OutgoingBody(
            HTTPBody(
                values.asEncodedJSONSequence(encoder: profile.makeEncoder()), length: .unknown,
                iterationBehavior: .single),
            contentType: contentType)
    }

    /// Events with JSON `data` and their `event`, `id`, `retry` fields.
    public static func serverSentEvents<Events: AsyncSequence & Sendable, Value: Encodable & Sendable & Hashable>(
        _ events: Events, profile: WireProfile = .rest
    ) -> OutgoingBody where Events.Element == ServerSentEventWithJSONData<Value> {
        OutgoingBody(
            HTTPBody(
                events.asEncodedServerSentEventsWithJSONData(encoder: profile.makeEncoder()), length: .unknown,
                iterationBehavior: .single), contentType: "text/event-stream")
    }

    /// Plain values, each the JSON `data` of one event.
    public static func serverSentEvents<Values: AsyncSequence & Sendable>(values: Values, profile: WireProfile = .rest)
        -> OutgoingBody
    where Values.Element: Encodable & Sendable & Hashable {
        serverSentEvents(values.map { ServerSentEventWithJSONData(data: $0) }, profile: profile)
    }

    /// Events whose `data` is text, with their `event`, `id`, `retry` fields.
    public static func serverSentEvents<Events: AsyncSequence & Sendable>(_ events: Events) -> OutgoingBody
    where Events.Element == ServerSentEvent {
        OutgoingBody(
            HTTPBody(events.asEncodedServerSentEvents(), length: .unknown, iterationBehavior: .single),
            contentType: "text/event-stream")
    }
}
