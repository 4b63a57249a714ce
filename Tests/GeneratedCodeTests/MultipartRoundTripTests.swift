import Foundation
import GoldenBodies
import HTTPTypes
import OpenAPIRuntime
import SpecGenRuntime
import Testing

/// Specs/bodies.yaml's multipart operations beyond plain parts: part headers the `encoding` declares
/// (`uploadSigned`) and multipart responses (`getBundle`, `getRawBundle`), served by `BodyEcho`.
extension BodyEcho {
    func uploadSigned(_ input: MultipartBody<UploadSignedPart>) async throws -> Lines {
        var lines: [String] = []
        for try await part in input {
            switch part {
            case .file(let part):
                let bytes = try await part.value.body.collectBytes(upTo: 1 << 20)
                lines.append(
                    "file=\(part.value.filename ?? "-") \(part.value.contentType ?? "-") "
                        + "\(String(decoding: bytes, as: UTF8.self)) checksum=\(part.headers.xChecksum) "
                        + "pages=\(part.headers.xPageCount.map(String.init) ?? "-")")
            case .note(let note): lines.append("note=\(note)")
            case .tags(let tag): lines.append("tag=\(tag.value) weight=\(tag.headers.xWeight)")
            case .other(let raw): lines.append("other=\(raw.name ?? "-")")
            }
        }
        return Lines(lines: lines)
    }

    /// `q3` has a manifest and two files (each with its checksum header); any other name is a 404
    /// whose body is parts too.
    func getBundle(_ input: GetBundleInput) async throws -> MultipartBody<GetBundleOkPart> {
        guard input.name == "q3" else {
            throw GetBundleError.notFound(TypedResponse(status: 404, body: [.reason("no bundle '\(input.name)'")]))
        }
        return [
            .manifest(DocumentMetadata(title: "Q3", authors: ["ann"])),
            .files(
                MultipartPartWithHeaders(
                    MultipartFile(HTTPBody("one"), filename: "1.txt", contentType: "text/plain"),
                    headers: GetBundleOkPartFilesHeaders(xChecksum: "c1"))),
            .files(
                MultipartPartWithHeaders(
                    MultipartFile(HTTPBody("two"), filename: "2.bin"),
                    headers: GetBundleOkPartFilesHeaders(xChecksum: "c2"))),
        ]
    }

    /// `ready` answers its notes as parts with their count in a header; anything else is still being built.
    func getArchive(_ input: GetArchiveInput) async throws -> GetArchiveOutput {
        guard input.name == "ready" else { return .accepted(NoContent()) }
        return .ok(
            TypedResponse(status: 200, headers: GetArchiveOkHeaders(xCount: 2), body: [.notes("a"), .notes("b")]))
    }

    func getRawBundle(_ input: GetRawBundleInput) async throws -> MultipartBody<MultipartRawPart> {
        [.text(name: "a", "1"), .file(name: "b", filename: "b.bin", body: HTTPBody("xyz"))]
    }
}

@Suite("Generated client ↔ generated server: multipart part headers and multipart responses")
struct MultipartRoundTripTests {
    let url = URL(string: "http://127.0.0.1:1")!

    func client(recorder: WireRecorder? = nil) throws -> Client {
        let server = InMemoryServer()
        try BodyEcho().registerHandlers(on: server)
        return Client(serverURL: url, transport: server, middlewares: recorder.map { [$0] } ?? [])
    }

    /// The body with its boundary replaced by `B`, so the wire can be compared byte for byte.
    static func normalized(_ text: String, contentType: String?) throws -> String {
        let boundary = try #require(contentType?.split(separator: "boundary=").last.map(String.init))
        return text.replacingOccurrences(of: boundary, with: "B")
    }

    @Test func declaredPartHeadersTravelInThePartsHeaderBlockAndComeBackTyped() async throws {
        let recorder = WireRecorder()
        let parts: MultipartBody<UploadSignedPart> = [
            .file(
                MultipartPartWithHeaders(
                    MultipartFile(HTTPBody("hello"), filename: "a.txt"),
                    headers: UploadSignedPartFileHeaders(xChecksum: "sha-1", xPageCount: 3))),
            .note("n"),
            .tags(MultipartPartWithHeaders("red", headers: UploadSignedPartTagsHeaders(xWeight: 2))),
            .tags(MultipartPartWithHeaders("blue", headers: UploadSignedPartTagsHeaders(xWeight: 5))),
        ]
        let lines = try await client(recorder: recorder).uploadSigned(parts).lines
        #expect(
            lines == [
                "file=a.txt text/plain hello checksum=sha-1 pages=3", "note=n", "tag=red weight=2",
                "tag=blue weight=5",
            ])
        #expect(recorder.lastContentType?.hasPrefix("multipart/form-data; boundary=") == true)
        // The exact wire: each declared header is a line of its part's header block (OpenAPIRuntime's
        // serializer writes a part's fields lowercased, in name order, with the length when known).
        let wire = try Self.normalized(recorder.lastText, contentType: recorder.lastContentType)
        #expect(
            wire
                == [
                    "--B",
                    #"content-disposition: form-data; filename="a.txt"; name="file""#,
                    "content-length: 5",
                    "content-type: text/plain",
                    "x-checksum: sha-1",
                    "x-page-count: 3",
                    "",
                    "hello",
                    "--B",
                    #"content-disposition: form-data; name="note""#,
                    "content-length: 1",
                    "content-type: text/plain",
                    "",
                    "n",
                    "--B",
                    #"content-disposition: form-data; name="tags""#,
                    "content-length: 3",
                    "content-type: text/plain",
                    "x-weight: 2",
                    "",
                    "red",
                    "--B",
                    #"content-disposition: form-data; name="tags""#,
                    "content-length: 4",
                    "content-type: text/plain",
                    "x-weight: 5",
                    "",
                    "blue",
                    "--B--",
                    "",
                    "",
                ].joined(separator: "\r\n"))
    }

    /// A request as a peer might send it, straight to the route table: status and body text.
    func send(_ path: String, body: String) async throws -> (Int, String) {
        let table = BodyEcho().routeTable
        var head = HTTPRequest(method: .post, scheme: nil, authority: nil, path: path)
        head.headerFields[.contentType] = "multipart/form-data; boundary=b"
        let (response, responseBody) = try await table.dispatch(
            head, body: HTTPBody(body), metadata: ServerRequestMetadata(pathParameters: [:]),
            candidates: table.routes.filter { $0.path == path })
        let bytes = try await responseBody?.collectBytes(upTo: 1 << 16) ?? []
        return (response.status.code, String(decoding: bytes, as: UTF8.self))
    }

    static func signedUpload(fileHeaders: [String]) -> String {
        (["--b", #"content-disposition: form-data; name="file"; filename="a.txt""#] + fileHeaders + [
            "", "x", "--b--", "",
        ]).joined(separator: "\r\n")
    }

    @Test func aPartWithoutItsRequiredHeaderIs400NamingThePartAndTheHeader() async throws {
        let (status, text) = try await send("/signed", body: Self.signedUpload(fileHeaders: ["X-Page-Count: 1"]))
        #expect(status == 400)
        #expect(text.contains("SerializationException"))
        #expect(text.contains("the part 'file'"))
        #expect(text.contains("header 'X-Checksum' is required"))
    }

    @Test func aMalformedPartHeaderIs400NamingThePartAndTheHeader() async throws {
        let (status, text) = try await send(
            "/signed", body: Self.signedUpload(fileHeaders: ["X-Checksum: c", "X-Page-Count: many"]))
        #expect(status == 400)
        #expect(text.contains("the part 'file'"))
        #expect(text.contains("header 'X-Page-Count' is malformed"))
    }

    @Test func aPeersPartWithItsHeadersIsAccepted() async throws {
        let (status, text) = try await send(
            "/signed", body: Self.signedUpload(fileHeaders: ["x-checksum: c", "x-page-count: 7"]))
        #expect(status == 200)
        #expect(text.contains("file=a.txt - x checksum=c pages=7"))
    }

    @Test func aMultipartResponseStreamsTypedPartsWithTheirHeaders() async throws {
        var lines: [String] = []
        for try await part in try await client().getBundle(.init(name: "q3")) {
            switch part {
            case .manifest(let manifest): lines.append("manifest=\(manifest.title) \(manifest.authors ?? [])")
            case .files(let file):
                let bytes = try await file.value.body.collectBytes(upTo: 1 << 10)
                lines.append(
                    "file=\(file.value.filename ?? "-") \(file.value.contentType ?? "-") "
                        + "\(String(decoding: bytes, as: UTF8.self)) checksum=\(file.headers.xChecksum)")
            case .other(let raw): lines.append("other=\(raw.name ?? "-")")
            }
        }
        #expect(
            lines == [
                #"manifest=Q3 ["ann"]"#, "file=1.txt text/plain one checksum=c1",
                "file=2.bin application/octet-stream two checksum=c2",
            ])
    }

    @Test func theServerWritesAMultipartResponseWithABoundary() async throws {
        let table = BodyEcho().routeTable
        let head = HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/bundles/q3")
        let (response, body) = try await table.dispatch(
            head, body: nil, metadata: ServerRequestMetadata(pathParameters: ["name": "q3"]),
            candidates: table.routes.filter { $0.path == "/bundles/{name}" })
        #expect(response.status.code == 200)
        let contentType = response.headerFields[.contentType]
        #expect(contentType?.hasPrefix("multipart/form-data; boundary=") == true)
        let bytes = try await body?.collectBytes(upTo: 1 << 16) ?? []
        let wire = try Self.normalized(String(decoding: bytes, as: UTF8.self), contentType: contentType)
        #expect(
            wire
                == [
                    "--B",
                    #"content-disposition: form-data; name="manifest""#,
                    "content-length: 32",
                    "content-type: application/json",
                    "",
                    #"{"authors":["ann"],"title":"Q3"}"#,
                    "--B",
                    #"content-disposition: form-data; filename="1.txt"; name="files""#,
                    "content-length: 3",
                    "content-type: text/plain",
                    "x-checksum: c1",
                    "",
                    "one",
                    "--B",
                    #"content-disposition: form-data; filename="2.bin"; name="files""#,
                    "content-length: 3",
                    "content-type: application/octet-stream",
                    "x-checksum: c2",
                    "",
                    "two",
                    "--B--",
                    "",
                    "",
                ].joined(separator: "\r\n"))
    }

    @Test func aDeclaredErrorWithAMultipartBodyIsThrownWithItsParts() async throws {
        do {
            _ = try await client().getBundle(.init(name: "nope"))
            Issue.record("a 404 was expected")
        } catch GetBundleError.notFound(let response) {
            #expect(response.status == 404)
            #expect(response.headerFields[.contentType]?.hasPrefix("multipart/mixed; boundary=") == true)
            var reasons: [String] = []
            for try await part in response.body {
                if case .reason(let reason) = part { reasons.append(reason) }
            }
            #expect(reasons == ["no bundle 'nope'"])
        }
    }

    /// A multipart error body is read as it arrives, not collected first: one larger than the most
    /// the client collects (`maxResponseBytes`) still reaches the caller whole.
    @Test func aMultipartErrorBodyStreamsPastTheCollectLimit() async throws {
        let name = String(repeating: "n", count: 500)
        var client = try client()
        client.client.maxResponseBytes = 64
        do {
            _ = try await client.getBundle(.init(name: name))
            Issue.record("a 404 was expected")
        } catch GetBundleError.notFound(let response) {
            var reasons: [String] = []
            for try await part in response.body {
                if case .reason(let reason) = part { reasons.append(reason) }
            }
            #expect(reasons == ["no bundle '\(name)'"])
        }
    }

    @Test func multipartPartsSitInAnOutputEnumsTypedResponse() async throws {
        guard case .ok(let response) = try await client().getArchive(.init(name: "ready")) else {
            Issue.record("200 was expected")
            return
        }
        #expect(response.headers.xCount == 2)
        var notes: [String] = []
        for try await part in response.body {
            if case .notes(let note) = part { notes.append(note) }
        }
        #expect(notes == ["a", "b"])
        guard case .accepted = try await client().getArchive(.init(name: "later")) else {
            Issue.record("202 was expected")
            return
        }
    }

    /// A peer's response part without its required header: the client throws while the caller
    /// iterates, naming the part and the header (the parts before it were handed over).
    @Test func aResponsePartWithoutItsRequiredHeaderThrowsNamingIt() async throws {
        let wire = [
            "--b", #"content-disposition: form-data; name="manifest""#, "content-type: application/json", "",
            #"{"title":"T"}"#, "--b", #"content-disposition: form-data; name="files"; filename="a""#, "", "x",
            "--b--", "",
        ].joined(separator: "\r\n")
        var headers = HTTPFields()
        headers[.contentType] = "multipart/form-data; boundary=b"
        let transport = CannedTransport(headers: headers, body: wire)
        let parts = try await Client(serverURL: url, transport: transport).getBundle(.init(name: "q3"))
        var seen: [String] = []
        await #expect {
            for try await part in parts {
                if case .manifest(let manifest) = part { seen.append(manifest.title) }
            }
        } throws: { error in
            "\(error)".contains("the part 'files' has a bad header: header 'X-Checksum' is required")
        }
        #expect(seen == ["T"])
    }

    /// The generated stub answers a multipart response with each required part, smallest values.
    @Test func theStubAnswersTheRequiredParts() async throws {
        var parts: [String] = []
        for try await part in try await APIStubs().getBundle(.init(name: "any")) {
            if case .manifest(let manifest) = part { parts.append("manifest=\(manifest.title)") }
        }
        #expect(parts == ["manifest="])
    }

    @Test func aMultipartResponseWithoutASchemaIsRawParts() async throws {
        var lines: [String] = []
        for try await part in try await client().getRawBundle(.init(name: "any")) {
            lines.append("\(part.name ?? "-") \(part.filename ?? "-") \(try await part.text(upTo: 1 << 10))")
        }
        #expect(lines == ["a - 1", "b b.bin xyz"])
    }
}
