import Foundation
import HTTPTypes
import OpenAPIRuntime
import OpenAPIURLSession
import SpecGenRuntime
import StylesAPI
import SwaggerStylesAPI
import Testing

/// The generated clients of `Sources/StylesAPI/openapi.yaml` and `Sources/SwaggerStylesAPI/swagger.yaml`
/// against connexion 3.1 serving the same specs with request validation on. Each call must be
/// accepted (a 400 from connexion's validation throws `APIError`) and its echo, what connexion
/// parsed, must equal what was sent. Values carry the characters that a wrong escape would change
/// (`+`, `&`, `=`, `%`, spaces, non-ASCII). Then wrongly encoded requests, sent as raw
/// `ClientRequest`s through the same `APIClient`, must be rejected.
@Suite(.connexion, .serialized)
struct ConnexionTests {
    static var server: ConnexionServer {
        get throws { try #require(ConnexionServer.current, "no connexion server: run inside ConnexionScope") }
    }

    static func styles() throws -> StylesAPI.Client {
        StylesAPI.Client(serverURL: try server.url("oas"), transport: URLSessionTransport())
    }

    static func swagger() throws -> SwaggerStylesAPI.Client {
        SwaggerStylesAPI.Client(serverURL: try server.url("swagger"), transport: URLSessionTransport())
    }

    /// Characters a wrong escape would change, none of them a delimiter of the styles they go through.
    static let awkward = ["navy blue", "a&b=c", "x+y", "100%", "crème brûlée", "semi;colon", "slash/ed", "[x]"]

    // MARK: Path

    @Test func pathSimple() async throws {
        // No `/` in a path value: uvicorn decodes %2F before routing, so it would split the path.
        // No comma either: connexion splits the decoded text, so an escaped one (`a%2Cb`) splits too.
        let colors = ["blue", "navy blue", "x+y", "100%", "crème", "a&b=c", "[x]"]
        let echoed = try await Self.styles().pathSimple(.init(color: colors)).color
        #expect(echoed == colors)
    }

    /// connexion 3.1 reads every path parameter in the `simple` style (its uri_parsing.py knows no
    /// `label` or `matrix`): it splits the text on commas and validates the pieces as the array of
    /// strings. So these show that the request is accepted and that the RFC 6570 expansion reached
    /// the server exactly, not that connexion parsed it.
    @Test func pathLabel() async throws {
        let colors = ["blue", "black", "brown"]
        let label = try await Self.styles().pathLabel(.init(color: colors)).color
        #expect(label == [".blue", "black", "brown"])
        let exploded = try await Self.styles().pathLabelExploded(.init(color: colors)).color
        #expect(exploded == [".blue.black.brown"])
    }

    @Test func pathMatrix() async throws {
        let colors = ["blue", "black", "brown"]
        let matrix = try await Self.styles().pathMatrix(.init(color: colors)).color
        #expect(matrix == [";color=blue", "black", "brown"])
        let exploded = try await Self.styles().pathMatrixExploded(.init(color: colors)).color
        #expect(exploded == [";color=blue;color=black;color=brown"])
    }

    @Test func pathInteger() async throws {
        for id: Int64 in [.max, .min, 0, -7] {
            let echoed = try await Self.styles().pathInteger(.init(id: id)).id
            #expect(echoed == id)
        }
    }

    // MARK: Query

    @Test func queryFormExploded() async throws {
        let sent = QueryFormInput(color: Self.awkward, limit: 3, verbose: true, ratio: 0.25)
        let echoed = try await Self.styles().queryForm(sent)
        #expect(echoed == .init(color: sent.color, limit: sent.limit, verbose: sent.verbose, ratio: sent.ratio))
        let falsehood = try await Self.styles().queryForm(.init(color: ["one"], limit: 1, verbose: false, ratio: -1e-3))
        #expect(falsehood == .init(color: ["one"], limit: 1, verbose: false, ratio: -1e-3))
    }

    @Test func queryFormNotExploded() async throws {
        let echoed = try await Self.styles().queryFormNotExploded(.init(color: Self.awkward)).color
        #expect(echoed == Self.awkward)
    }

    @Test func querySpaceDelimited() async throws {
        let colors = ["blue", "a&b=c", "x+y", "100%", "crème", "a,b", "p|q"]
        let echoed = try await Self.styles().querySpaceDelimited(.init(color: colors)).color
        #expect(echoed == colors)
    }

    @Test func queryPipeDelimited() async throws {
        let echoed = try await Self.styles().queryPipeDelimited(.init(color: Self.awkward + ["a,b"])).color
        #expect(echoed == Self.awkward + ["a,b"])
        let levels = try await Self.styles().queryPipeIntegers(.init(level: [1, -2, 300])).level
        #expect(levels == [1, -2, 300])
    }

    @Test func queryDeepObject() async throws {
        let rgb = RGB(r: 100, g: 200, b: 150)
        let echoed = try await Self.styles().queryDeepObject(.init(color: rgb)).color
        #expect(echoed == rgb)
    }

    /// A date-time, base64 text (`+`, `/` and `=` must arrive unchanged), a string enum and a
    /// comma-separated integer enum array.
    @Test func queryTyped() async throws {
        let since = Date(timeIntervalSince1970: 1_700_000_000)
        let sent = QueryTypedInput(since: since, blob: "+/8=", kind: .dog, sizes: [.value3, .value1])
        let echoed = try await Self.styles().queryTyped(sent)
        #expect(echoed.since == since)
        #expect(echoed.blob == Data([0xFB, 0xFF]))
        #expect(echoed.kind == .dog)
        #expect(echoed.sizes == [.value3, .value1])
    }

    /// connexion 3.1 neither validates nor parses a `content` parameter: server.py reads the item as JSON.
    @Test func queryContentJSON() async throws {
        let rgb = RGB(r: 1, g: 2, b: 3)
        let echoed = try await Self.styles().queryContentJSON(.init(color: rgb)).color
        #expect(echoed == rgb)
    }

    // MARK: Header, cookie, bodies

    /// Strings only: connexion 3.1 validates a header's or cookie's raw text against the schema
    /// without reading it in its style, so it rejects a correct integer (`'42' is not of type
    /// 'integer'`) or array header or cookie.
    @Test func headerSimple() async throws {
        let note = "opaque token/with spaces, commas; and=signs+pluses 100%"
        let echoed = try await Self.styles().headerSimple(.init(xNote: note)).xNote
        #expect(echoed == note)
    }

    /// A cookie value with nothing to escape: connexion (Starlette) does not percent-decode cookies.
    @Test func cookieForm() async throws {
        let echoed = try await Self.styles().cookieForm(.init(session: "s3ss10n-Token_42.x")).session
        #expect(echoed == "s3ss10n-Token_42.x")
    }

    @Test func bodyJSON() async throws {
        let rgb = RGB(r: 0, g: -1, b: Int(Int32.max))
        let echoed = try await Self.styles().bodyJSON(rgb)
        #expect(echoed == rgb)
    }

    /// Every byte value, streamed up and back in a body larger than one read.
    @Test func bodyBinary() async throws {
        let bytes = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) })
        let echoed = try await Self.styles().bodyBinary(HTTPBody(bytes))
        #expect(try await Data(collecting: echoed, upTo: 1 << 20) == bytes)
    }

    @Test func bodyText() async throws {
        let text = "line one\nl\u{00ED}nea dos & 100% + more\n"
        let echoed = try await Self.styles().bodyText(text)
        #expect(echoed == text)
    }

    @Test func bodyForm() async throws {
        let signup = Signup(name: "Jane Doe & co = 100%+", age: 42, tags: ["a", "b/c", "crème brûlée"])
        let echoed = try await Self.styles().bodyForm(signup)
        #expect(echoed == signup)
    }

    /// One body, two media types: the caller picks, connexion reads either.
    @Test func bodyChoice() async throws {
        let signup = Signup(name: "Ann + Bo", age: 0, tags: ["x"])
        for choice in [BodyChoiceBody.json(signup), .form(signup)] {
            let echoed = try await Self.styles().bodyChoice(choice)
            #expect(echoed == signup)
        }
    }

    /// Text, integer and JSON parts (the JSON one per the spec's `encoding`), and a file, which
    /// connexion hands over with the name and type it was sent with.
    @Test func bodyMultipart() async throws {
        let parts: MultipartBody<BodyMultipartPart> = [
            .title("Holiday & co"),
            .count(3),
            .metadata(RGB(r: 1, g: 2, b: 3)),
            .file(MultipartFile(HTTPBody("hello, wörld\n"), filename: "notes.txt", contentType: "text/plain")),
        ]
        let echoed = try await Self.styles().bodyMultipart(parts)
        #expect(
            echoed
                == UploadEcho(
                    title: "Holiday & co", count: 3, metadata: RGB(r: 1, g: 2, b: 3),
                    file: FileEcho(filename: "notes.txt", contentType: "text/plain", text: "hello, wörld\n")))
    }

    /// A file part whose `encoding` declares headers: the generated client writes them in the part's
    /// header block and connexion's multipart parser (python-multipart, via starlette) reads them
    /// back. connexion 3.1 does not read `encoding` at all, so it validates the fields but not the
    /// part headers: a part without its required `X-Checksum` is accepted by it (the generated
    /// server refuses one with 400, see MultipartRoundTripTests), and no rejection is checked here.
    @Test func bodyMultipartWithPartHeaders() async throws {
        let parts: MultipartBody<BodyMultipartHeadersPart> = [
            .title("signed"),
            .file(
                MultipartPartWithHeaders(
                    MultipartFile(HTTPBody("hello\n"), filename: "a.txt"),
                    headers: BodyMultipartHeadersPartFileHeaders(xChecksum: "sha-1", xPageCount: 2))),
        ]
        let echoed = try await Self.styles().bodyMultipartHeaders(parts)
        #expect(echoed.title == "signed")
        #expect(echoed.file.filename == "a.txt")
        #expect(echoed.file.contentType == "text/plain")
        #expect(echoed.file.text == "hello\n")
        #expect(echoed.file.headers == ["x-checksum": "sha-1", "x-page-count": "2"])
    }

    // MARK: Swagger 2.0 collection formats

    @Test func swaggerCollectionFormats() async throws {
        let client = try Self.swagger()
        let colors = ["blue", "navy blue", "a&b=c", "x+y", "100%", "crème"]
        let path = try await client.pathCSV(.init(color: ["blue", "navy blue", "x+y"])).color
        #expect(path == ["blue", "navy blue", "x+y"])
        let csv = try await client.queryCSV(.init(color: colors)).color
        #expect(csv == colors)
        let pipes = try await client.queryPipes(.init(color: colors + ["a,b"])).color
        #expect(pipes == colors + ["a,b"])
        let multi = try await client.queryMulti(.init(color: colors)).color
        #expect(multi == colors)
    }

    @Test func swaggerBodyJSON() async throws {
        let pet = Pet(name: "Rex & co", age: 3, tags: ["good", "boy"])
        let echoed = try await Self.swagger().bodyJSON(pet)
        #expect(echoed == pet)
        let levels = try await Self.swagger().queryPipeIntegers(.init(level: [7, 0, -1])).level
        #expect(levels == [7, 0, -1])
    }

    /// Swagger 2.0 `formData` parameters, as a form (`multi` array) and as multipart with a `type: file`.
    @Test func swaggerFormData() async throws {
        let form = try await Self.swagger().formData(.init(name: "Rex & co", age: 7, tags: ["good", "b/c", "x+y"]))
        #expect(form == .init(name: "Rex & co", age: 7, tags: ["good", "b/c", "x+y"]))
        let parts: MultipartBody<FormDataFilePart> = [
            .caption("a caption"),
            .file(MultipartFile(HTTPBody("PNG?"), filename: "a.png", contentType: "image/png")),
        ]
        let upload = try await Self.swagger().formDataFile(parts)
        #expect(upload.caption == "a caption")
        #expect(upload.file == .init(filename: "a.png", contentType: "image/png", text: "PNG?"))
    }

    /// connexion 3.1's Swagger2URIParser splits `pipes` on `|` and every other format on commas
    /// (and joins `multi` items with commas first): `ssv` and `tsv` arrive as one string, which
    /// shows the bytes sent were the items joined by a space and by a tab.
    @Test func swaggerSpaceAndTabSeparated() async throws {
        let client = try Self.swagger()
        let ssv = try await client.querySSV(.init(color: ["blue", "x+y", "a&b"])).color
        #expect(ssv == ["blue x+y a&b"])
        let tsv = try await client.queryTSV(.init(color: ["blue", "x+y", "a&b"])).color
        #expect(tsv == ["blue\tx+y\ta&b"])
    }

    // MARK: Rejected

    /// Sends a hand-made request for one of the specs' operations and returns the status it got.
    static func status(
        _ path: String, swagger: Bool = false, method: HTTPRequest.Method = .get, body: JSONValue? = nil,
        form: String? = nil,
        _ build: (inout ClientRequest) throws -> Void = { _ in }
    ) async throws -> Int {
        var request = ClientRequest(operationID: "raw", method: method, path: path)
        try build(&request)
        let client = swagger ? try Self.swagger().client : try Self.styles().client
        let outgoing: OutgoingBody? =
            if let form { OutgoingBody(HTTPBody(form), contentType: "application/x-www-form-urlencoded") } else {
                try body.map { try .json($0) }
            }
        return try await client.perform(request, body: outgoing).status
    }

    @Test func wronglyEncodedRequestsAreRejected() async throws {
        let form = ParameterEncoding(.form, explode: true)
        // A pipeDelimited integer array sent comma-separated: `1,2` is not an integer.
        #expect(
            try await Self.status("/query/pipe-integers") {
                try $0.query("level", [1, 2], ParameterEncoding(.form, explode: false))
            } == 400)
        // The same array in its own style, through the same path, is accepted.
        #expect(
            try await Self.status("/query/pipe-integers") {
                try $0.query("level", [1, 2], ParameterEncoding(.pipeDelimited, explode: false))
            } == 200)
        // A deepObject sent as an exploded form object (`R=1&G=2&B=3`): `color` is missing.
        #expect(
            try await Self.status("/query/deep") {
                try $0.query("color", ["R": 1, "G": 2, "B": 3], form)
            } == 400)
        // Text where the schema wants an integer, a boolean, a number.
        for (name, text) in [("limit", "three"), ("verbose", "yes please"), ("ratio", "0,25")] {
            let values = ["color": "blue", "limit": "3", "verbose": "true", "ratio": "0.5"].merging([name: text]) { $1 }
            #expect(
                try await Self.status("/query/form") {
                    for (key, value) in values.sorted(by: { $0.key < $1.key }) { try $0.query(key, value, form) }
                } == 400, "\(name)=\(text)")
        }
        // A value the enum does not list, and integers outside the array's enum.
        let typed = ["since": "2023-11-14T22:13:20Z", "blob": "AA==", "kind": "dog", "sizes": "1"]
        for (name, text) in [("kind", "bird"), ("sizes", "1,4")] {
            let values = typed.merging([name: text]) { $1 }
            #expect(
                try await Self.status("/query/typed") {
                    for (key, value) in values.sorted(by: { $0.key < $1.key }) { try $0.query(key, value, form) }
                } == 400, "\(name)=\(text)")
        }
        #expect(
            try await Self.status("/query/typed") {
                for (key, value) in typed.sorted(by: { $0.key < $1.key }) { try $0.query(key, value, form) }
            } == 200)
        // A JSON body missing a required property, and one with a string for an integer.
        #expect(
            try await Self.status("/body/json", method: .post, body: .object(["R": .number(1), "G": .number(2)])) == 400
        )
        #expect(
            try await Self.status(
                "/body/json", method: .post, body: .object(["R": .string("red"), "G": .number(2), "B": .number(3)]))
                == 400)
        // An integer path parameter that is not one: connexion routes integer path parameters
        // with Starlette's `int` converter, so no route matches (404, not a validation 400).
        #expect(
            try await Self.status("/path/integer/{id}") {
                try $0.path("id", "twelve", ParameterEncoding(.simple, explode: false))
            } == 404)
        // A required header left out.
        #expect(try await Self.status("/header") == 400)
        // A form with text for an integer, and one without a required field.
        #expect(try await Self.status("/body/form", method: .post, form: "name=x&age=old") == 400)
        #expect(try await Self.status("/body/form", method: .post, form: "age=3") == 400)
        // Multipart without its required `title` part, and with text in the integer `count` part.
        let boundary = "b0undary"
        func multipart(_ parts: [(name: String, value: String)]) -> OutgoingBody {
            let text = parts.map {
                "--\(boundary)\r\ncontent-disposition: form-data; name=\"\($0.name)\"\r\n\r\n\($0.value)\r\n"
            }
            return OutgoingBody(
                HTTPBody(text.joined() + "--\(boundary)--\r\n"),
                contentType: "multipart/form-data; boundary=\(boundary)")
        }
        let file = (name: "file", value: "bytes")
        for parts in [[file], [(name: "title", value: "t"), (name: "count", value: "three"), file]] {
            let request = ClientRequest(operationID: "raw", method: .post, path: "/body/multipart")
            #expect(try await Self.styles().client.perform(request, body: multipart(parts)).status == 400, "\(parts)")
        }
        // Swagger 2.0: a `pipes` integer array sent as `csv`; a body breaking `minimum: 0`.
        #expect(
            try await Self.status("/query/pipe-integers", swagger: true) {
                try $0.query("level", [1, 2], ParameterEncoding(.form, explode: false))
            } == 400)
        #expect(
            try await Self.status(
                "/body", swagger: true, method: .post,
                body: .object(["name": .string("Rex"), "age": .number(-1), "tags": .array([])])) == 400)
    }
}
