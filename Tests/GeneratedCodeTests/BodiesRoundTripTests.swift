import Foundation
import GoldenBodies
import HTTPTypes
import OpenAPIRuntime
import SpecGenRuntime
import Testing

/// A handler over Specs/bodies.yaml: each operation answers what it read, one line per value,
/// so a test sees exactly what the generated server decoded from what the generated client sent.
struct BodyEcho: APIHandler {
    /// Told each chunk of a streamed upload as the handler reads it (the streaming test waits on it).
    var chunkRead: (@Sendable (Int) -> Void)?
    /// The bytes `getBlob` answers with (the response streaming test produces them as the client reads).
    var blob: HTTPBody = HTTPBody("blob")

    func getBlob(_ input: GetBlobInput) async throws -> HTTPBody { blob }

    func getText() async throws -> String { "grüße, 世界" }

    /// `count` events, numbered from 1, as a stream the server encodes as it goes.
    static func events(_ count: Int) -> EventStream<Event> {
        EventStream((0..<count).map { Event(name: "e\($0 + 1)", sequence: $0 + 1) }.async)
    }

    func streamJSONLines(_ input: StreamJSONLinesInput) async throws -> EventStream<Event> {
        Self.events(input.count)
    }

    func streamJSONSequence(_ input: StreamJSONSequenceInput) async throws -> EventStream<Event> {
        Self.events(input.count)
    }

    func streamServerSentEvents(_ input: StreamServerSentEventsInput) async throws
        -> EventStream<ServerSentEventWithJSONData<Event>>
    {
        EventStream(
            Self.events(input.count).map { ServerSentEventWithJSONData(event: "tick", data: $0, id: "\($0.sequence)") })
    }

    func submitForm(_ input: PetForm) async throws -> PetForm { input }

    func uploadDocument(_ input: UploadDocumentInput) async throws -> Lines {
        var lines = ["folder=\(input.folder)"]
        for try await part in input.body {
            switch part {
            case .metadata(let metadata): lines.append("metadata=\(metadata.title) by \(metadata.authors ?? [])")
            case .note(let note): lines.append("note=\(note)")
            case .pages(let pages): lines.append("pages=\(pages)")
            case .kind(let kind): lines.append("kind=\(kind.rawValue)")
            case .file(let file), .attachments(let file):
                let bytes = try await file.body.collectBytes(upTo: 1 << 20)
                lines.append(
                    "file=\(file.filename ?? "-") \(file.contentType ?? "-") \(String(decoding: bytes, as: UTF8.self))")
            case .other(let part): lines.append("other=\(part.name ?? "-")")
            }
        }
        return Lines(lines: lines)
    }

    func uploadTrickyNames(_ input: MultipartBody<UploadTrickyNamesPart>) async throws -> NoContent {
        var seen: [String] = []
        for try await part in input {
            switch part {
            case .rules2(let text), .self_(let text), .contentType(let text): seen.append(text)
            case .decode_(let flag): seen.append("\(flag)")
            case .other2(let number): seen.append("\(number)")
            case .other(let raw): seen.append(raw.name ?? "-")
            }
        }
        guard seen == ["r", "true", "1.5", "s", "c"] else {
            throw APIError(status: 400, name: "Unexpected", message: "\(seen)")
        }
        return NoContent()
    }

    func putBlob(_ input: PutBlobInput) async throws -> Lines {
        var lines = ["name=\(input.name)", "length=\(input.body.length)"]
        var index = 0
        for try await chunk in input.body {
            index += 1
            chunkRead?(index)
            lines.append("chunk=\(String(decoding: chunk, as: UTF8.self))")
        }
        return Lines(lines: lines)
    }

    func putImage(_ input: HTTPBody) async throws -> Lines {
        Lines(lines: ["bytes=\(try await input.collectBytes(upTo: 1 << 20).count)"])
    }

    func echoText(_ input: EchoTextInput) async throws -> Lines {
        guard let text = input.body else { return Lines(lines: ["no body"]) }
        return Lines(lines: Array(repeating: text, count: input.times ?? 1))
    }

    func createNote(_ input: CreateNoteBody) async throws -> Lines {
        switch input {
        case .json(let note): return Lines(lines: ["json", note.text, "\(note.urgent ?? false)"])
        case .form(let note): return Lines(lines: ["form", note.text, "\(note.urgent ?? false)"])
        case .text(let text): return Lines(lines: ["text", text])
        }
    }

    func ingestJSONLines(_ input: EventStream<Event>) async throws -> Lines {
        var lines: [String] = []
        for try await event in input { lines.append("\(event.sequence):\(event.name)") }
        return Lines(lines: lines)
    }

    func ingestJSONSequence(_ input: EventStream<Event>) async throws -> Lines {
        var lines: [String] = []
        for try await event in input { lines.append("\(event.sequence):\(event.name)") }
        return Lines(lines: lines)
    }

    func ingestServerSentEvents(_ input: EventStream<ServerSentEventWithJSONData<Event>>) async throws -> Lines {
        var lines: [String] = []
        for try await event in input {
            lines.append(
                "\(event.event ?? "-") \(event.id ?? "-") \(event.data.map { "\($0.sequence):\($0.name)" } ?? "-")")
        }
        return Lines(lines: lines)
    }
}

/// Records each request's head and body bytes on their way out (collecting them: only for tests
/// that look at the wire, not for the streaming one).
final class WireRecorder: ClientMiddleware, @unchecked Sendable {
    private let lock = NSLock()
    private(set) var requests: [(HTTPRequest, [UInt8])] = []

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let bytes = try await body?.collectBytes(upTo: 1 << 20) ?? []
        lock.withLock { requests.append((request, bytes)) }
        return try await next(request, body == nil ? nil : HTTPBody(bytes), baseURL)
    }

    var lastText: String { String(decoding: lock.withLock { requests.last?.1 ?? [] }, as: UTF8.self) }
    var lastContentType: String? { lock.withLock { requests.last?.0.headerFields[.contentType] } }
}

@Suite("Generated client ↔ generated server: request bodies")
struct BodiesRoundTripTests {
    let url = URL(string: "http://127.0.0.1:1")!

    func client(_ handler: BodyEcho = BodyEcho(), recorder: WireRecorder? = nil) throws -> Client {
        let server = InMemoryServer()
        try handler.registerHandlers(on: server)
        return Client(serverURL: url, transport: server, middlewares: recorder.map { [$0] } ?? [])
    }

    @Test func formTravelsAsURLEncodedFieldsAndDecodesIntoTheStruct() async throws {
        let recorder = WireRecorder()
        let form = PetForm(name: "Rex the 2nd", age: 3, tags: ["a&b", "c"])
        let echoed = try await client(recorder: recorder).submitForm(form)
        #expect(echoed == form)
        #expect(recorder.lastContentType == "application/x-www-form-urlencoded")
        // OpenAPIRuntime's form coder writes the fields in key order.
        #expect(recorder.lastText == "age=3&name=Rex+the+2nd&tags=a%26b&tags=c")
    }

    @Test func multipartPartsAreTypedAndFilesKeepTheirNameAndType() async throws {
        let recorder = WireRecorder()
        let parts: MultipartBody<UploadDocumentPart> = [
            .metadata(DocumentMetadata(title: "Q3", authors: ["ann", "bo"])),
            .note("see page 2"),
            .pages(12),
            .kind(.report),
            .file(MultipartFile(HTTPBody("PNG!"), filename: "scan.png", contentType: "image/png")),
            .attachments(MultipartFile(HTTPBody("one"), filename: "1.txt", contentType: "text/plain")),
            .attachments(MultipartFile(HTTPBody("two"))),
        ]
        let lines = try await client(recorder: recorder).uploadDocument(.init(folder: "inbox", body: parts)).lines
        #expect(
            lines == [
                "folder=inbox", "metadata=Q3 by [\"ann\", \"bo\"]", "note=see page 2", "pages=12", "kind=report",
                "file=scan.png image/png PNG!", "file=1.txt text/plain one", "file=- application/octet-stream two",
            ])
        // The wire: a boundary in the Content-Type, each part a form-data disposition of its name.
        let contentType = try #require(recorder.lastContentType)
        let boundary = try #require(contentType.split(separator: "boundary=").last.map(String.init))
        #expect(contentType.hasPrefix("multipart/form-data; boundary="))
        let sections = recorder.lastText.components(separatedBy: "--" + boundary).dropFirst().dropLast()
        #expect(sections.count == 7)
        #expect(sections.first?.contains(#"content-disposition: form-data; name="metadata""#) == true)
        #expect(sections.first?.contains(#"{"authors":["ann","bo"],"title":"Q3"}"#) == true)
        let file = try #require(sections.first { $0.contains(#"name="file""#) })
        #expect(file.contains(#"filename="scan.png""#))
        #expect(file.lowercased().contains("content-type: image/png"))
        #expect(recorder.lastText.hasSuffix("\r\n--" + boundary + "--\r\n\r\n"))
    }

    /// The spec's `encoding` says `file` is `image/png`: a file given without a media type is sent as one.
    @Test func aFileWithoutMediaTypeTakesTheEncodingsOne() async throws {
        let parts: MultipartBody<UploadDocumentPart> = [
            .metadata(DocumentMetadata(title: "T")), .file(MultipartFile(HTTPBody("x"), filename: "a")),
        ]
        let lines = try await client().uploadDocument(.init(folder: "f", body: parts)).lines
        #expect(lines == ["folder=f", "metadata=T by []", "file=a image/png x"])
    }

    @Test func partsNamedLikeTheEnumsMembersOrKeywordsRoundTrip() async throws {
        let parts: MultipartBody<UploadTrickyNamesPart> = [
            .rules2("r"), .decode_(true), .other2(1.5), .self_("s"), .contentType("c"),
        ]
        _ = try await client().uploadTrickyNames(parts)
    }

    @Test func aMissingRequiredPartIs400() async throws {
        let parts: MultipartBody<UploadDocumentPart> = [.note("no metadata, no file")]
        await #expect(throws: APIError.self) {
            do {
                _ = try await client().uploadDocument(.init(folder: "inbox", body: parts))
            } catch let error as APIError {
                #expect(error.status == 400)
                #expect(error.name == "SerializationException")
                throw error
            }
        }
    }

    /// A request as a peer might send it, straight to the route table: status and body text.
    func send(_ method: HTTPRequest.Method, _ path: String, contentType: String, body: String) async throws
        -> (Int, String)
    {
        let table = BodyEcho().routeTable
        var head = HTTPRequest(method: method, scheme: nil, authority: nil, path: path)
        head.headerFields[.contentType] = contentType
        let template = path.hasPrefix("/documents/") ? "/documents/{folder}" : path
        let (response, responseBody) = try await table.dispatch(
            head, body: HTTPBody(body), metadata: ServerRequestMetadata(pathParameters: ["folder": "inbox"]),
            candidates: table.routes.filter { $0.path == template && $0.method == method })
        let bytes = try await responseBody?.collectBytes(upTo: 1 << 16) ?? []
        return (response.status.code, String(decoding: bytes, as: UTF8.self))
    }

    @Test func aPartThatIsNotItsTypeIs400NamingThePart() async throws {
        let wire = [
            "--b", #"content-disposition: form-data; name="metadata""#, "content-type: application/json", "",
            #"{"title": "T"}"#, "--b", #"content-disposition: form-data; name="pages""#, "", "many", "--b",
            #"content-disposition: form-data; name="file"; filename="a.txt""#, "", "x", "--b--", "",
        ].joined(separator: "\r\n")
        let (status, text) = try await send(
            .post, "/documents/inbox", contentType: "multipart/form-data; boundary=b", body: wire)
        #expect(status == 400)
        #expect(text.contains("SerializationException"))
        #expect(text.contains("pages"))
    }

    @Test func aJSONLineThatDoesNotDecodeIs400() async throws {
        let (status, text) = try await send(
            .post, "/events/lines", contentType: "application/jsonl",
            body: #"{"name":"a","sequence":1}"# + "\n" + #"{"name":"b"}"# + "\n")
        #expect(status == 400)
        #expect(text.contains("SerializationException"))
    }

    /// The client's body is produced chunk by chunk, and the second chunk only once the handler has
    /// read the first: were either side collecting the body, this would never finish.
    @Test(.timeLimit(.minutes(1))) func binaryBodiesStreamChunkByChunk() async throws {
        let (chunks, producer) = AsyncStream.makeStream(of: ArraySlice<UInt8>.self)
        let (reads, reader) = AsyncStream.makeStream(of: Int.self)
        let handler = BodyEcho(chunkRead: { reader.yield($0) })
        let call = Task {
            try await client(handler).putBlob(
                .init(name: "big", body: HTTPBody(chunks, length: .unknown, iterationBehavior: .single)))
        }
        producer.yield(ArraySlice("first".utf8))
        var readIterator = reads.makeAsyncIterator()
        #expect(await readIterator.next() == 1)
        producer.yield(ArraySlice("second".utf8))
        #expect(await readIterator.next() == 2)
        producer.finish()
        let lines = try await call.value.lines
        #expect(lines == ["name=big", "length=unknown", "chunk=first", "chunk=second"])
    }

    @Test func aBinaryBodyWithoutParametersIsTheWholeInput() async throws {
        let recorder = WireRecorder()
        let lines = try await client(recorder: recorder).putImage(HTTPBody([0x89, 0x50, 0x4E, 0x47])).lines
        #expect(lines == ["bytes=4"])
        #expect(recorder.lastContentType == "image/png")
    }

    @Test func textTravelsAsUTF8AndAnOptionalOneMayBeLeftOut() async throws {
        let recorder = WireRecorder()
        let client = try client(recorder: recorder)
        #expect(try await client.echoText(.init(times: 2, body: "grüß")).lines == ["grüß", "grüß"])
        #expect(recorder.lastContentType == "text/plain")
        #expect(recorder.lastText == "grüß")
        #expect(try await client.echoText(.init(times: 2)).lines == ["no body"])
    }

    @Test func theCallerPicksTheMediaTypeAndTheServerReadsTheOneSent() async throws {
        let recorder = WireRecorder()
        let client = try client(recorder: recorder)
        let note = Note(text: "hi there", urgent: true)
        #expect(try await client.createNote(.json(note)).lines == ["json", "hi there", "true"])
        #expect(recorder.lastContentType == "application/json")
        #expect(try await client.createNote(.form(note)).lines == ["form", "hi there", "true"])
        #expect(recorder.lastContentType == "application/x-www-form-urlencoded")
        #expect(recorder.lastText == "text=hi+there&urgent=true")
        #expect(try await client.createNote(.text("plain")).lines == ["text", "plain"])
        #expect(recorder.lastContentType == "text/plain")
    }

    @Test func aMediaTypeTheOperationDoesNotDeclareIs415() async throws {
        let table = BodyEcho().routeTable
        var head = HTTPRequest(method: .post, scheme: nil, authority: nil, path: "/notes")
        head.headerFields[.contentType] = "application/xml"
        let (response, body) = try await table.dispatch(
            head, body: HTTPBody("<note/>"), metadata: ServerRequestMetadata(),
            candidates: table.routes.filter { $0.path == "/notes" })
        #expect(response.status.code == 415)
        let text = String(decoding: try await body?.collectBytes(upTo: 1 << 16) ?? [], as: UTF8.self)
        #expect(text.contains("UnsupportedMediaTypeException"))
    }

    static let events = [
        Event(name: "start", sequence: 1), Event(name: "tick", sequence: 2), Event(name: "end", sequence: 3),
    ]

    @Test func jsonLinesArriveInOrder() async throws {
        let recorder = WireRecorder()
        let lines = try await client(recorder: recorder).ingestJSONLines(EventStream(Self.events.async)).lines
        #expect(lines == ["1:start", "2:tick", "3:end"])
        #expect(recorder.lastContentType == "application/jsonl")
        #expect(
            recorder.lastText
                == #"{"name":"start","sequence":1}"# + "\n" + #"{"name":"tick","sequence":2}"# + "\n"
                + #"{"name":"end","sequence":3}"# + "\n")
    }

    @Test func jsonSequencesArriveInOrder() async throws {
        let recorder = WireRecorder()
        let lines = try await client(recorder: recorder).ingestJSONSequence(EventStream(Self.events.async)).lines
        #expect(lines == ["1:start", "2:tick", "3:end"])
        #expect(recorder.lastContentType == "application/json-seq")
        #expect(recorder.lastText.hasPrefix("\u{1E}" + #"{"name":"start","sequence":1}"# + "\n\u{1E}"))
    }

    @Test func serverSentEventsArriveInOrderWithTheirFields() async throws {
        let recorder = WireRecorder()
        let events = Self.events.enumerated().map { index, event in
            ServerSentEventWithJSONData(event: "progress", data: event, id: "\(index + 1)")
        }
        let lines = try await client(recorder: recorder).ingestServerSentEvents(EventStream(events.async)).lines
        #expect(lines == ["progress 1 1:start", "progress 2 2:tick", "progress 3 3:end"])
        #expect(recorder.lastContentType == "text/event-stream")
        #expect(recorder.lastText.hasPrefix("id: 1\nevent: progress\ndata: {\"name\":\"start\",\"sequence\":1}\n\n"))
    }
}

@Suite("Generated server → generated client: response bodies")
struct ResponseBodiesTests {
    func client(_ handler: BodyEcho = BodyEcho()) throws -> Client {
        let server = InMemoryServer()
        try handler.registerHandlers(on: server)
        return Client(serverURL: URL(string: "http://127.0.0.1:1")!, transport: server)
    }

    /// The server's body yields its second chunk only once the client has read the first: the
    /// response streams through the generated server and client, it is never collected.
    @Test(.timeLimit(.minutes(1))) func binaryResponsesStreamChunkByChunk() async throws {
        let (chunks, producer) = AsyncStream.makeStream(of: ArraySlice<UInt8>.self)
        let handler = BodyEcho(blob: HTTPBody(chunks, length: .unknown, iterationBehavior: .single))
        producer.yield(ArraySlice("first".utf8))
        let body = try await client(handler).getBlob(.init(name: "big"))
        #expect(body.length == .unknown)
        var iterator = body.makeAsyncIterator()
        #expect(try await iterator.next().map { String(decoding: $0, as: UTF8.self) } == "first")
        producer.yield(ArraySlice("second".utf8))
        #expect(try await iterator.next().map { String(decoding: $0, as: UTF8.self) } == "second")
        producer.finish()
        #expect(try await iterator.next() == nil)
    }

    @Test func textResponsesAreStrings() async throws {
        #expect(try await client().getText() == "grüße, 世界")
    }

    @Test func jsonLinesResponsesArriveInOrder() async throws {
        var sequences: [Int] = []
        for try await event in try await client().streamJSONLines(.init(count: 5)) { sequences.append(event.sequence) }
        #expect(sequences == [1, 2, 3, 4, 5])
    }

    @Test func jsonSequenceResponsesArriveInOrder() async throws {
        var names: [String] = []
        for try await event in try await client().streamJSONSequence(.init(count: 3)) { names.append(event.name) }
        #expect(names == ["e1", "e2", "e3"])
    }

    @Test func serverSentEventResponsesKeepTheirFields() async throws {
        var lines: [String] = []
        for try await event in try await client().streamServerSentEvents(.init(count: 3)) {
            lines.append("\(event.event ?? "-") \(event.id ?? "-") \(event.data?.name ?? "-")")
        }
        #expect(lines == ["tick 1 e1", "tick 2 e2", "tick 3 e3"])
    }

    @Test func responseStreamsAnnounceTheirMediaType() async throws {
        let table = BodyEcho().routeTable
        let (response, _) = try await table.dispatch(
            HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/events/sse?count=1"), body: nil,
            metadata: ServerRequestMetadata(),
            candidates: table.routes.filter { $0.path == "/events/sse" && $0.method == .get })
        #expect(response.headerFields[.contentType] == "text/event-stream")
    }
}

extension Array where Element: Sendable {
    /// The elements as an async sequence, for the event stream bodies.
    var async: AsyncStream<Element> {
        AsyncStream { continuation in
            for element in self { continuation.yield(element) }
            continuation.finish()
        }
    }
}
