import Foundation
import GoldenResponses
import HTTPTypes
import OpenAPIRuntime
import SpecGenRuntime
import Testing

/// A handler over Specs/responses.yaml: each operation answers the status its input names, so a
/// test drives every declared response (both 2xx of one body, event streams and bytes under a 2xx
/// of an `…Output` enum and under declared errors) through the generated server and client.
struct JobDesk: APIHandler {
    /// Pets that exist: saving one of these replaces it (200), any other name creates it (201).
    var existing: Set<String> = ["rex"]
    /// The events of the 503 answer; the streaming test produces them as the client reads.
    var outage: EventStream<ServerSentEventWithJSONData<Problem>> = EventStream(
        [
            ServerSentEventWithJSONData(event: "outage", data: Problem(title: "scheduler down"), id: "1"),
            ServerSentEventWithJSONData(event: "outage", data: Problem(title: "still down", detail: "db"), id: "2"),
        ].async)
    /// The bytes of the 200 report; the streaming test produces them as the client reads.
    var report: HTTPBody = HTTPBody("the whole report")
    /// The bytes of the 500 crash dump.
    var dump: HTTPBody = HTTPBody("core")

    func savePet(_ input: SavePetInput) async throws -> SavePetOutput {
        if existing.contains(input.name) { return .ok(input.body) }
        return .created(
            TypedResponse(
                status: 201, headers: SavePetCreatedHeaders(location: "/pets/\(input.name)"), body: input.body))
    }

    func touchPet(_ input: TouchPetInput) async throws -> TouchPetOutput {
        input.name == "later" ? .accepted(Pet(name: input.name)) : .ok(Pet(name: input.name, age: 3))
    }

    func watchJob(_ input: WatchJobInput) async throws -> WatchJobOutput {
        switch input.id {
        case "queued":
            return .accepted(Job(id: input.id, state: "queued"))
        case "conflict":
            throw WatchJobError.conflict(
                TypedResponse(
                    status: 409,
                    body: EventStream([Problem(title: "job 1 holds the lock"), Problem(title: "job 2 waits")].async)))
        case "gone":
            throw WatchJobError.gone(
                TypedResponse(
                    status: 410, body: EventStream([Problem(title: "started"), Problem(title: "deleted")].async)))
        case "failing":
            throw WatchJobError.serviceUnavailable(
                TypedResponse(status: 503, headers: WatchJobServiceUnavailableHeaders(retryAfter: 30), body: outage))
        case "teapot":
            throw WatchJobError.other(
                TypedResponse(
                    status: 418,
                    body: EventStream(
                        [ServerSentEvent(event: "note", data: "short"), ServerSentEvent(data: "stout")].async)
                ))
        default:
            return .ok(
                EventStream(
                    (1...3).map { ServerSentEventWithJSONData(event: "step", data: Progress(step: $0, of: 3)) }.async))
        }
    }

    func downloadReport(_ input: DownloadReportInput) async throws -> DownloadReportOutput {
        switch input.id {
        case "pending": return .accepted(Job(id: input.id, state: "rendering"))
        case "part":
            return .partialContent(
                TypedResponse(
                    status: 206, headers: DownloadReportPartialContentHeaders(contentRange: "bytes 4-8/16"),
                    body: HTTPBody("whole")))
        case "missing":
            throw DownloadReportError.notFound(TypedResponse(status: 404, body: Problem(title: "no report")))
        case "crash": throw DownloadReportError.internalServerError(TypedResponse(status: 500, body: dump))
        default: return .ok(report)
        }
    }
}

/// Specs/responses.yaml: a handler answers each of several 2xx statuses that share a body and the
/// client sees which; event streams and bytes under a 2xx of an `…Output` enum and under declared
/// error statuses travel as typed streams, read as they arrive, both ways.
@Suite("Generated code: several successes and streamed responses")
struct ResponseStreamsRoundTripTests {
    static let url = URL(string: "http://127.0.0.1:1")!

    func client(_ handler: JobDesk = JobDesk()) -> Client {
        Client(serverURL: Self.url, transport: RoutingLoopback(table: handler.routeTable))
    }

    /// What the generated server puts on the wire: status, header fields and the body's exact text.
    func wire(_ method: HTTPRequest.Method, _ path: String, body: String? = nil, handler: JobDesk = JobDesk())
        async throws -> (HTTPResponse, String)
    {
        var request = HTTPRequest(method: method, scheme: nil, authority: nil, path: path)
        if body != nil { request.headerFields[.contentType] = "application/json" }
        let (response, responseBody) = try await RoutingLoopback(table: handler.routeTable).send(
            request, body: body.map { HTTPBody($0) }, baseURL: Self.url, operationID: "")
        return (response, try await String(collecting: responseBody ?? HTTPBody(), upTo: 1 << 16))
    }

    // MARK: several 2xx statuses with one body

    @Test func theHandlerAnswersEitherSuccessAndTheClientSeesWhich() async throws {
        let replaced = try await client().savePet(.init(name: "rex", body: Pet(name: "Rex", age: 4)))
        #expect(replaced == .ok(Pet(name: "Rex", age: 4)))
        let created = try await client().savePet(.init(name: "tom", body: Pet(name: "Tom")))
        guard case .created(let response) = created else {
            Issue.record("expected created, got \(created)")
            return
        }
        #expect(response.status == 201 && response.headers.location == "/pets/tom")
        // Whichever status came, the common body is one property away.
        #expect(created.body == Pet(name: "Tom") && replaced.body.age == 4)

        #expect(try await client().touchPet(.init(name: "now")) == .ok(Pet(name: "now", age: 3)))
        #expect(try await client().touchPet(.init(name: "later")) == .accepted(Pet(name: "later")))
        #expect(try await client().touchPet(.init(name: "later")).body.name == "later")
    }

    @Test func eachSuccessIsItsOwnStatusOnTheWire() async throws {
        let (replaced, replacedText) = try await wire(.put, "/pets/rex", body: #"{"name":"Rex"}"#)
        #expect(replaced.status.code == 200 && replacedText == #"{"name":"Rex"}"#)
        #expect(replaced.headerFields[HTTPField.Name("Location")!] == nil)
        let (created, createdText) = try await wire(.put, "/pets/tom", body: #"{"name":"Tom"}"#)
        #expect(created.status.code == 201 && createdText == #"{"name":"Tom"}"#)
        #expect(created.headerFields[HTTPField.Name("Location")!] == "/pets/tom")
        #expect(created.headerFields[.contentType] == "application/json")
        let (accepted, acceptedText) = try await wire(.post, "/pets/later/touch")
        #expect(accepted.status.code == 202 && acceptedText == #"{"name":"later"}"#)
    }

    // MARK: event streams in an `…Output` case

    @Test func serverSentEventsInAnOutputCaseArriveInOrderAsTypedValues() async throws {
        guard case .ok(let events) = try await client().watchJob(.init(id: "running")) else {
            Issue.record("expected ok")
            return
        }
        var steps: [String] = []
        for try await event in events {
            steps.append("\(event.event ?? "-") \(event.data?.step ?? 0)/\(event.data?.of ?? 0)")
        }
        #expect(steps == ["step 1/3", "step 2/3", "step 3/3"])
        #expect(try await client().watchJob(.init(id: "queued")).accepted == Job(id: "queued", state: "queued"))
    }

    // MARK: event streams under declared error statuses

    @Test func serverSentEventsUnderAnErrorStatusArriveInOrderAsTypedValues() async throws {
        do {
            _ = try await client().watchJob(.init(id: "failing"))
            Issue.record("expected serviceUnavailable")
        } catch WatchJobError.serviceUnavailable(let response) {
            #expect(response.status == 503 && response.headers.retryAfter == 30)
            #expect(response.headerFields[.contentType] == "text/event-stream")
            var seen: [String] = []
            for try await event in response.body {
                seen.append(
                    "\(event.id ?? "-") \(event.event ?? "-") \(event.data?.title ?? "-") \(event.data?.detail ?? "-")")
            }
            #expect(seen == ["1 outage scheduler down -", "2 outage still down db"])
        }
    }

    @Test func jsonLinesAndJSONSequenceUnderErrorStatusesAreTypedStreams() async throws {
        do {
            _ = try await client().watchJob(.init(id: "conflict"))
            Issue.record("expected conflict")
        } catch WatchJobError.conflict(let response) {
            #expect(response.status == 409 && response.headerFields[.contentType] == "application/jsonl")
            var titles: [String] = []
            for try await problem in response.body { titles.append(problem.title) }
            #expect(titles == ["job 1 holds the lock", "job 2 waits"])
        }
        do {
            _ = try await client().watchJob(.init(id: "gone"))
            Issue.record("expected gone")
        } catch WatchJobError.gone(let response) {
            #expect(response.status == 410 && response.headerFields[.contentType] == "application/json-seq")
            var titles: [String] = []
            for try await problem in response.body { titles.append(problem.title) }
            #expect(titles == ["started", "deleted"])
        }
        // `default`: text events, the status the handler chose.
        do {
            _ = try await client().watchJob(.init(id: "teapot"))
            Issue.record("expected other")
        } catch WatchJobError.other(let response) {
            #expect(response.status == 418)
            var data: [String] = []
            for try await event in response.body { data.append("\(event.event ?? "-") \(event.data ?? "-")") }
            #expect(data == ["note short", "- stout"])
        }
    }

    @Test func streamedErrorsAreTheirExactBytesOnTheWire() async throws {
        let (outage, outageText) = try await wire(.get, "/jobs/failing/events")
        #expect(outage.status.code == 503)
        #expect(outage.headerFields[HTTPField.Name("Retry-After")!] == "30")
        #expect(outage.headerFields[.contentType] == "text/event-stream")
        #expect(
            outageText
                == "id: 1\nevent: outage\ndata: {\"title\":\"scheduler down\"}\n\n"
                + "id: 2\nevent: outage\ndata: {\"detail\":\"db\",\"title\":\"still down\"}\n\n")
        let (conflict, conflictText) = try await wire(.get, "/jobs/conflict/events")
        #expect(conflict.status.code == 409)
        #expect(conflictText == "{\"title\":\"job 1 holds the lock\"}\n{\"title\":\"job 2 waits\"}\n")
        let (gone, goneText) = try await wire(.get, "/jobs/gone/events")
        #expect(gone.status.code == 410)
        #expect(goneText == "\u{1E}{\"title\":\"started\"}\n\u{1E}{\"title\":\"deleted\"}\n")
    }

    /// The 503's second event is produced only once the client has read the first: the error's
    /// body streams through the generated server and client, it is never collected first.
    @Test(.timeLimit(.minutes(1))) func anErrorStreamIsReadAsItArrives() async throws {
        let (events, producer) = AsyncStream.makeStream(of: ServerSentEventWithJSONData<Problem>.self)
        let handler = JobDesk(outage: EventStream(events))
        producer.yield(ServerSentEventWithJSONData(data: Problem(title: "first")))
        do {
            _ = try await client(handler).watchJob(.init(id: "failing"))
            Issue.record("expected serviceUnavailable")
        } catch WatchJobError.serviceUnavailable(let response) {
            var iterator = response.body.makeAsyncIterator()
            #expect(try await iterator.next()?.data?.title == "first")
            producer.yield(ServerSentEventWithJSONData(data: Problem(title: "second")))
            #expect(try await iterator.next()?.data?.title == "second")
            producer.finish()
            #expect(try await iterator.next() == nil)
        }
    }

    // MARK: bytes in an `…Output` case and under an error status

    /// The report's second chunk is produced only once the client has read the first.
    @Test(.timeLimit(.minutes(1))) func aBinaryOutputCaseStreamsChunkByChunk() async throws {
        let (chunks, producer) = AsyncStream.makeStream(of: ArraySlice<UInt8>.self)
        let handler = JobDesk(report: HTTPBody(chunks, length: .unknown, iterationBehavior: .single))
        producer.yield(ArraySlice("first".utf8))
        guard case .ok(let body) = try await client(handler).downloadReport(.init(id: "whole")) else {
            Issue.record("expected ok")
            return
        }
        var iterator = body.makeAsyncIterator()
        #expect(try await iterator.next().map { String(decoding: $0, as: UTF8.self) } == "first")
        producer.yield(ArraySlice("second".utf8))
        #expect(try await iterator.next().map { String(decoding: $0, as: UTF8.self) } == "second")
        producer.finish()
        #expect(try await iterator.next() == nil)
    }

    @Test func binaryOutputCasesKeepTheirStatusAndHeaders() async throws {
        let part = try await client().downloadReport(.init(id: "part"))
        guard case .partialContent(let response) = part else {
            Issue.record("expected partialContent, got \(part)")
            return
        }
        #expect(response.status == 206 && response.headers.contentRange == "bytes 4-8/16")
        #expect(response.headerFields[.contentType] == "application/octet-stream")
        #expect(try await String(collecting: response.body, upTo: 64) == "whole")
        guard case .accepted(let job) = try await client().downloadReport(.init(id: "pending")) else {
            Issue.record("expected accepted")
            return
        }
        #expect(job.state == "rendering")
        let (wire, text) = try await wire(.get, "/reports/part")
        #expect(wire.status.code == 206 && text == "whole")
        #expect(wire.headerFields[HTTPField.Name("Content-Range")!] == "bytes 4-8/16")
    }

    /// A binary error body is streamed to the caller, not collected: a dump larger than the most
    /// the client collects (`maxResponseBytes`) arrives whole.
    @Test func aBinaryErrorBodyStreamsPastTheCollectLimit() async throws {
        let dump = String(repeating: "0123456789", count: 100)
        var client = client(JobDesk(dump: HTTPBody(dump)))
        client.client.maxResponseBytes = 64
        do {
            _ = try await client.downloadReport(.init(id: "crash"))
            Issue.record("expected internalServerError")
        } catch DownloadReportError.internalServerError(let response) {
            #expect(response.status == 500)
            #expect(try await String(collecting: response.body, upTo: 1 << 16) == dump)
        }
        // A collected error body (JSON) still reads as before.
        do {
            _ = try await client.downloadReport(.init(id: "missing"))
            Issue.record("expected notFound")
        } catch DownloadReportError.notFound(let response) {
            #expect(response.status == 404 && response.body == Problem(title: "no report"))
        }
    }

    /// A declared streamed error whose required header is missing is `APIError`, with the bytes.
    @Test func aStreamedErrorWithoutItsRequiredHeaderIsAnAPIError() async throws {
        let transport = CannedTransport(
            status: 503, headers: [.contentType: "text/event-stream"], body: "data: {\"title\":\"x\"}\n\n")
        do {
            _ = try await Client(serverURL: Self.url, transport: transport).watchJob(.init(id: "failing"))
            Issue.record("expected an APIError")
        } catch let error as APIError {
            #expect(error.status == 503 && error.body == Array("data: {\"title\":\"x\"}\n\n".utf8))
        }
    }
}

extension WatchJobOutput {
    /// The 202 case's job, if that is what came.
    var accepted: Job? {
        if case .accepted(let job) = self { return job }
        return nil
    }
}
