import Foundation
import GoldenOAS32
import HTTPTypes
import OpenAPIRuntime
import SpecGenRuntime
import Testing

/// A handler over Specs/oas32.yaml: notes kept in memory, answered by every 3.2 construct.
struct Notebook: APIHandler {
    var notes = [Note(id: 1, text: "milk"), Note(id: 2, text: "bread")]

    func listNotes() async throws -> EventStream<Note> { EventStream(notes.async) }
    func createNote(_ input: Note, device: BearerToken?, legacyKey: APIKey?) async throws -> Note { input }
    func searchNotes(_ input: SearchNotesRequest) async throws -> [Note] {
        notes.filter { $0.text.contains(input.text ?? "") }
    }
    func linkNotes() async throws -> NoContent { NoContent() }
    func noteEvents() async throws -> EventStream<ServerSentEventWithJSONData<Note>> {
        EventStream(notes.map { ServerSentEventWithJSONData(event: "note", data: $0) }.async)
    }
    func noteTicks() async throws -> EventStream<ServerSentEvent> {
        EventStream([ServerSentEvent(data: "tick")].async)
    }
    func noteSequence(_ input: NoteSequenceInput) async throws -> EventStream<Note> {
        let tagged = notes.filter { note in input.filter?.tag.map { note.text == $0 } ?? true }
        return EventStream(Array(tagged.prefix(input.filter?.limit ?? Int.max)).async)
    }
    func getShape() async throws -> Shape { .circle(Circle(kind: "circle", radius: 1)) }
    func findNotes(_ input: FindNotesInput) async throws -> [Note] {
        Array(notes.filter { $0.text.contains(input.search.text) }.prefix(input.search.limit ?? Int.max))
    }
}

/// OpenAPI 3.2's methods and sequential media types, from the generated client's wire bytes to the
/// generated server and back (Specs/oas32.yaml).
@Suite("Generated code: OpenAPI 3.2")
struct OpenAPI32RoundTripTests {
    static let url = URL(string: "http://127.0.0.1:1")!

    func client(_ handler: Notebook = Notebook()) -> Client {
        Client(serverURL: Self.url, transport: RoutingLoopback(table: handler.routeTable))
    }

    /// What the generated server puts on the wire for a request: status and the body's exact text.
    func wire(_ method: HTTPRequest.Method, _ path: String, body: String? = nil) async throws -> (HTTPResponse, String)
    {
        var request = HTTPRequest(method: method, scheme: nil, authority: nil, path: path)
        if body != nil { request.headerFields[.contentType] = "application/json" }
        let (response, responseBody) = try await RoutingLoopback(table: Notebook().routeTable).send(
            request, body: body.map { HTTPBody($0) }, baseURL: Self.url, operationID: "")
        return (response, try await String(collecting: responseBody ?? HTTPBody(), upTo: 1 << 16))
    }

    @Test func queryIsSentWithItsBodyAsTheQueryMethod() async throws {
        let transport = CannedTransport(body: "[]")
        _ = try await Client(serverURL: Self.url, transport: transport).searchNotes(SearchNotesRequest(text: "mi"))
        let (request, body) = try #require(transport.requests.first)
        #expect(request.method.rawValue == "QUERY")
        #expect(request.path == "/notes")
        #expect(request.headerFields[.contentType] == "application/json")
        #expect(String(decoding: body, as: UTF8.self) == #"{"text":"mi"}"#)
    }

    @Test func theServerAnswersQueryFromItsBody() async throws {
        let (response, text) = try await wire(HTTPRequest.Method("QUERY")!, "/notes", body: #"{"text":"br"}"#)
        #expect(response.status == .ok)
        #expect(text == #"[{"id":2,"text":"bread"}]"#)
        #expect(try await client().searchNotes(SearchNotesRequest(text: "mi")) == [Note(id: 1, text: "milk")])
    }

    @Test func anAdditionalOperationIsSentAndRoutedByItsToken() async throws {
        let transport = CannedTransport(status: 204, body: "")
        _ = try await Client(serverURL: Self.url, transport: transport).linkNotes()
        let (request, body) = try #require(transport.requests.first)
        #expect(request.method.rawValue == "LINK")
        #expect(request.path == "/notes")
        #expect(body.isEmpty)
        let (response, text) = try await wire(HTTPRequest.Method("LINK")!, "/notes")
        #expect(response.status == .noContent)
        #expect(text.isEmpty)
        #expect(try await client().linkNotes() == NoContent())
    }

    @Test func theRouteTableRegistersEachMethodOnceOnItsPath() throws {
        let server = InMemoryServer()
        try Notebook().registerHandlers(on: server)
        #expect(
            server.registrations == [
                "GET /notes", "POST /notes", "QUERY /notes", "LINK /notes", "GET /notes/events", "GET /notes/ticks",
                "GET /notes/sequence", "GET /shapes", "GET /notes/find",
            ])
    }

    @Test func aMethodTheSpecDoesNotDeclareFindsNoRoute() async throws {
        let (response, _) = try await wire(HTTPRequest.Method("PURGE")!, "/notes")
        #expect(response.status == .notFound)
    }

    @Test func itemSchemaJSONLinesAreTypedBothWays() async throws {
        let (response, text) = try await wire(.get, "/notes")
        #expect(response.headerFields[.contentType] == "application/jsonl")
        #expect(text == "{\"id\":1,\"text\":\"milk\"}\n{\"id\":2,\"text\":\"bread\"}\n")
        var received: [Note] = []
        for try await note in try await client().listNotes() { received.append(note) }
        #expect(received == Notebook().notes)
    }

    @Test func itemSchemaJSONSequencesAreTypedBothWays() async throws {
        let (response, text) = try await wire(.get, "/notes/sequence")
        #expect(response.headerFields[.contentType] == "application/json-seq")
        #expect(text == "\u{1E}{\"id\":1,\"text\":\"milk\"}\n\u{1E}{\"id\":2,\"text\":\"bread\"}\n")
        var received: [Note] = []
        for try await note in try await client().noteSequence(NoteSequenceInput()) { received.append(note) }
        #expect(received == Notebook().notes)
    }

    @Test func serverSentEventsWithAJSONContentSchemaDecodeToTheTypedValue() async throws {
        let (response, text) = try await wire(.get, "/notes/events")
        #expect(response.headerFields[.contentType] == "text/event-stream")
        #expect(
            text
                == "event: note\ndata: {\"id\":1,\"text\":\"milk\"}\n\nevent: note\ndata: {\"id\":2,\"text\":\"bread\"}\n\n"
        )
        var received: [Note] = []
        for try await event in try await client().noteEvents() {
            #expect(event.event == "note")
            if let data = event.data { received.append(data) }
        }
        #expect(received == Notebook().notes)
    }

    @Test func serverSentEventsWithTextDataArriveAsEvents() async throws {
        let (_, text) = try await wire(.get, "/notes/ticks")
        #expect(text == "data: tick\n\n")
        var received: [String?] = []
        for try await event in try await client().noteTicks() { received.append(event.data) }
        #expect(received == ["tick"])
    }

    // `in: querystring`: the whole query string is one value of the parameter's media type.

    @Test func aFormQuerystringIsSentAsTheValuesProperties() async throws {
        let transport = CannedTransport(body: "")
        let filter = NoteSequenceFilter(tag: "oat milk", limit: 2)
        _ = try await Client(serverURL: Self.url, transport: transport).noteSequence(NoteSequenceInput(filter: filter))
        #expect(transport.requests.first?.0.path == "/notes/sequence?tag=oat%20milk&limit=2")
    }

    @Test func aFormQuerystringIsReadIntoItsType() async throws {
        let (response, text) = try await wire(.get, "/notes/sequence?tag=bread&limit=1")
        #expect(response.status == .ok)
        #expect(text == "\u{1E}{\"id\":2,\"text\":\"bread\"}\n")
        var received: [Note] = []
        let input = NoteSequenceInput(filter: NoteSequenceFilter(limit: 1))
        for try await note in try await client().noteSequence(input) { received.append(note) }
        #expect(received == [Note(id: 1, text: "milk")])
    }

    @Test func aMalformedFormQuerystringIsA400NamingIt() async throws {
        let (response, text) = try await wire(.get, "/notes/sequence?limit=many")
        #expect(response.status == .badRequest)
        #expect(text.contains("querystring parameter 'filter' is malformed"), "\(text)")
    }

    @Test func aJSONQuerystringIsSentAsTheEscapedJSON() async throws {
        let transport = CannedTransport(body: "[]")
        let search = FindNotesInput(search: NoteSearch(text: "a&b=c", limit: 1))
        _ = try await Client(serverURL: Self.url, transport: transport).findNotes(search)
        #expect(
            transport.requests.first?.0.path
                == "/notes/find?%7B%22limit%22%3A1%2C%22text%22%3A%22a%26b%3Dc%22%7D")
    }

    @Test func aJSONQuerystringIsReadIntoItsType() async throws {
        let (response, text) = try await wire(.get, "/notes/find?%7B%22text%22%3A%22ea%22%7D")
        #expect(response.status == .ok)
        #expect(text == #"[{"id":2,"text":"bread"}]"#)
        let found = try await client().findNotes(FindNotesInput(search: NoteSearch(text: "i")))
        #expect(found == [Note(id: 1, text: "milk")])
    }

    @Test func aMissingOrMalformedJSONQuerystringIsA400NamingIt() async throws {
        let (missing, missingText) = try await wire(.get, "/notes/find")
        #expect(missing.status == .badRequest)
        #expect(missingText.contains("querystring parameter 'search' is required"), "\(missingText)")
        let (malformed, malformedText) = try await wire(.get, "/notes/find?%7Btext")
        #expect(malformed.status == .badRequest)
        #expect(malformedText.contains("querystring parameter 'search' is malformed"), "\(malformedText)")
    }

    // Servers: one function each, named by 3.2's `name`, variables as defaulted parameters.

    @Test func aServerIsAFunctionOfItsVariablesWithTheirDefaults() {
        #expect(Client.Servers.production() == URL(string: "https://api.example.com/v1"))
        #expect(Client.Servers.local() == URL(string: "http://127.0.0.1:8080/v1"))
        #expect(Client.Servers.local(host: "localhost", port: ._8443) == URL(string: "http://localhost:8443/v1"))
        #expect(Client.Servers.LocalPort.allCases.map(\.rawValue) == ["8080", "8443"])
        #expect(Client.defaultServerURL == URL(string: "https://api.example.com/v1"))
    }

    @Test func theServerMountsUnderItsServerURLsPath() async throws {
        let server = InMemoryServer()
        let url = try #require(Client.Servers.production())
        try Notebook().registerHandlers(on: server, serverURL: url)
        #expect(server.registrations.first == "GET /v1/notes")
        let client = Client(serverURL: url, transport: server)
        let found = try await client.findNotes(FindNotesInput(search: NoteSearch(text: "br")))
        #expect(found == [Note(id: 2, text: "bread")])
    }

    // Several media types for one response: the client asks for the one it reads, the server
    // answers it, and 406 when `Accept` takes none of what it writes.

    @Test func theClientAcceptsTheMediaTypesItDecodes() async throws {
        let transport = CannedTransport(headers: [.contentType: "application/jsonl"], body: "")
        for try await _ in try await Client(serverURL: Self.url, transport: transport).listNotes() {}
        #expect(transport.requests.first?.0.headerFields[.accept] == "application/jsonl, text/event-stream")
    }

    @Test func theServerAnswers406WhenAcceptTakesNoneOfItsMediaTypes() async throws {
        let table = Notebook().routeTable
        for (accept, status) in [
            ("application/json", 406), ("application/jsonl", 200), ("text/event-stream", 200), ("application/*", 200),
        ] {
            var request = HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/notes")
            request.headerFields[.accept] = accept
            let (response, _) = try await RoutingLoopback(table: table).send(
                request, body: nil, baseURL: Self.url, operationID: "")
            #expect(response.status.code == status, "Accept: \(accept)")
        }
    }

    /// `defaultMapping`: a discriminator value no mapping names decodes as the default variant
    /// (without it, such a value fails to decode); a named value still picks its own.
    @Test func anUnmappedDiscriminatorValueDecodesAsTheDefaultMapping() throws {
        let decoder = JSONDecoder()
        let unknown = try decoder.decode(Shape.self, from: Data(#"{"kind": "triangle", "radius": 2}"#.utf8))
        #expect(unknown == .circle(Circle(kind: "triangle", radius: 2)))
        let square = try decoder.decode(Shape.self, from: Data(#"{"kind": "square", "side": 3}"#.utf8))
        #expect(square == .square(Square(kind: "square", side: 3)))
    }

    /// The same items declared as JSON Lines and as Server-Sent Events (JSON `data`): the server
    /// answers the first declared type the request accepts, the client reads whichever came by
    /// its `Content-Type` into the one `EventStream<Note>`, and says which it was.
    @Test func itemsInSeveralMediaTypesAreNegotiatedBothWays() async throws {
        let table = Notebook().routeTable
        var request = HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/notes")
        request.headerFields[.accept] = "text/event-stream"
        let (response, body) = try await RoutingLoopback(table: table).send(
            request, body: nil, baseURL: Self.url, operationID: "")
        #expect(response.headerFields[.contentType] == "text/event-stream")
        let text = try await String(collecting: body ?? HTTPBody(), upTo: 1 << 16)
        #expect(text == "data: {\"id\":1,\"text\":\"milk\"}\n\ndata: {\"id\":2,\"text\":\"bread\"}\n\n")

        let events = CannedTransport(headers: [.contentType: "text/event-stream"], body: text)
        let stream = try await Client(serverURL: Self.url, transport: events).listNotes()
        var received: [Note] = []
        for try await note in stream { received.append(note) }
        #expect(received == Notebook().notes)
        #expect(stream.mediaType == "text/event-stream")
    }

    /// The caller picks what to ask for; a `Content-Type` the operation does not declare is an
    /// error naming what it does.
    @Test func theCallerPicksTheMediaTypeAndAnUndeclaredOneIsAnError() async throws {
        var client = client()
        client.client.acceptedMediaTypes["listNotes"] = ["text/event-stream"]
        let stream = try await client.listNotes()
        var received: [Note] = []
        for try await note in stream { received.append(note) }
        #expect(received == Notebook().notes)
        #expect(stream.mediaType == "text/event-stream")

        let wrong = CannedTransport(headers: [.contentType: "application/json"], body: "[]")
        await #expect(throws: BodyDecodingError.self) {
            _ = try await Client(serverURL: Self.url, transport: wrong).listNotes()
        }
    }
}
