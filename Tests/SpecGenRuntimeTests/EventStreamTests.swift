import Foundation
import HTTPTypes
import OpenAPIRuntime
import Testing

@testable import SpecGenRuntime

struct Tick: Codable, Hashable, Sendable {
    var n: Int
}

private func ticks(_ count: Int) -> AsyncStream<Tick> {
    AsyncStream { continuation in
        for n in 1...count { continuation.yield(Tick(n: n)) }
        continuation.finish()
    }
}

private func collect<Element>(_ stream: EventStream<Element>) async throws -> [Element] {
    var result: [Element] = []
    for try await element in stream { result.append(element) }
    return result
}

@Suite struct EventStreamTests {
    @Test func jsonLinesBothWays() async throws {
        #expect(try await OutgoingBody.jsonLines(ticks(2)).body.string() == "{\"n\":1}\n{\"n\":2}\n")
        // Lines split across chunks in odd places still read as whole values.
        let wire = HTTPBody.chunks(["{\"n\":", "1}\n{\"n\"", ":2}\n"])
        #expect(try await collect(wire.jsonLines(of: Tick.self)) == [Tick(n: 1), Tick(n: 2)])
    }

    @Test func jsonSequenceBothWays() async throws {
        #expect(try await OutgoingBody.jsonSequence(ticks(2)).body.string() == "\u{1E}{\"n\":1}\n\u{1E}{\"n\":2}\n")
        let wire = HTTPBody("\u{1E}{\"n\":7}\n\u{1E}{\"n\":8}\n")
        #expect(try await collect(wire.jsonSequence(of: Tick.self)) == [Tick(n: 7), Tick(n: 8)])
    }

    @Test func serverSentEventsBothWays() async throws {
        let events = AsyncStream<ServerSentEventWithJSONData<Tick>> { continuation in
            continuation.yield(ServerSentEventWithJSONData(event: "tick", data: Tick(n: 1), id: "1"))
            continuation.finish()
        }
        let body = OutgoingBody.serverSentEvents(events)
        #expect(body.contentType == "text/event-stream")
        #expect(try await body.body.string() == "id: 1\nevent: tick\ndata: {\"n\":1}\n\n")
        #expect(try await OutgoingBody.serverSentEvents(values: ticks(1)).body.string() == "data: {\"n\":1}\n\n")

        let wire = HTTPBody(
            ": comment\nevent: tick\nid: 9\ndata: {\"n\":\ndata: 3}\n\ndata: {\"n\":4}\n\ndata: [DONE]\n\n")
        let decoded = try await collect(wire.serverSentEvents(of: Tick.self, terminator: "[DONE]"))
        #expect(decoded.map(\.data) == [Tick(n: 3), Tick(n: 4)])
        #expect(decoded.first?.event == "tick" && decoded.first?.id == "9")
    }

    @Test func aBrokenLineThrowsWhenReached() async throws {
        let stream = HTTPBody("{\"n\":1}\nnot json\n").jsonLines(of: Tick.self)
        var iterator = stream.makeAsyncIterator()
        #expect(try await iterator.next() == Tick(n: 1))
        await #expect(throws: DecodingError.self) { try await iterator.next() }
    }

    /// A client sends a JSON Lines stream, the server reads it as it arrives and answers with SSE.
    @Test func streamsThroughAServer() async throws {
        var route = ServerRoute("relay", .post, "/relay") { request in
            let doubled = request.jsonLines(of: Tick.self).map { Tick(n: $0.n * 2) }
            return try ServerResponse(status: 200, body: .serverSentEvents(values: doubled))
        }
        route.streamsRequestBody = true
        let server = InProcessServer([route])
        let response = try await server.client().perform(
            ClientRequest(operationID: "relay", method: .post, path: "/relay"),
            body: .jsonLines(ticks(3)), accept: ["text/event-stream"])
        #expect(server.lastRequest?.headerFields[.contentType] == "application/jsonl")
        #expect(server.lastRequest?.headerFields[.accept] == "text/event-stream")
        #expect(response.contentType == "text/event-stream")
        #expect(
            try await collect(response.serverSentEvents(of: Tick.self)).map(\.data) == [2, 4, 6].map { Tick(n: $0) })
    }
}
