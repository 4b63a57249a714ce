import Foundation
import HTTPTypes
@_spi(Generated) import OpenAPIRuntime
import Testing

@testable import SpecGenRuntime

/// The part enum a generator would write for `multipart/form-data` with a JSON `metadata`, a
/// repeated `file` and a `note` with its own header.
enum UploadPart: Sendable {
    struct Metadata: Codable, Hashable { var title: String }
    case metadata(Metadata)
    case file(filename: String?, contentType: String?, body: HTTPBody)
    case note(String, language: String?)

    static let rules = MultipartRules(
        allowsUnknownParts: false, exactlyOnce: ["metadata"], atMostOnce: ["note"], zeroOrMore: ["file"])

    func rawPart() throws -> MultipartRawPart {
        switch self {
        case .metadata(let value): return try .json(name: "metadata", value)
        case .file(let filename, let contentType, let body):
            return .file(
                name: "file", filename: filename, contentType: contentType ?? "application/octet-stream", body: body)
        case .note(let text, let language):
            var fields = HTTPFields()
            if let language { fields[.contentLanguage] = language }
            return .text(name: "note", text, headerFields: fields)
        }
    }

    static func decode(_ part: MultipartRawPart) async throws -> UploadPart {
        switch part.name {
        case "metadata": return .metadata(try await part.json(Metadata.self, upTo: 1 << 16))
        case "file": return .file(filename: part.filename, contentType: part.contentType, body: part.body)
        default: return .note(try await part.text(upTo: 1 << 16), language: part.headerFields[.contentLanguage])
        }
    }
}

@Suite struct MultipartBodyTests {
    @Test func writesFormDataWithFilesAndPartHeaders() async throws {
        let parts: MultipartBody<UploadPart> = [
            .metadata(.init(title: "Holiday")),
            .file(filename: "a.txt", contentType: "text/plain", body: HTTPBody("hello")),
            .note("bonjour", language: "fr"),
        ]
        let body = try OutgoingBody.multipart(parts, rules: UploadPart.rules) { try $0.rawPart() }
        #expect(body.contentType.hasPrefix("multipart/form-data; boundary="))
        let boundary = String(body.contentType.split(separator: "=", maxSplits: 1)[1])
        let wire = try await body.body.string()
        #expect(
            wire
                == [
                    "--\(boundary)", #"content-disposition: form-data; name="metadata""#, "content-length: 19",
                    "content-type: application/json", "",
                    #"{"title":"Holiday"}"#,
                    "--\(boundary)", #"content-disposition: form-data; filename="a.txt"; name="file""#,
                    "content-length: 5", "content-type: text/plain", "",
                    "hello",
                    "--\(boundary)", #"content-disposition: form-data; name="note""#, "content-language: fr",
                    "content-length: 7", "content-type: text/plain", "",
                    "bonjour",
                    // The close delimiter, then an empty epilogue line (RFC 2046 lets a reader ignore it).
                    "--\(boundary)--", "", "",
                ].joined(separator: "\r\n"))
    }

    @Test func readsAHandWrittenBodyPartByPart() async throws {
        let wire = [
            "--XyZ", #"Content-Disposition: form-data; name="metadata""#, "Content-Type: application/json", "",
            #"{"title":"Trip"}"#,
            "--XyZ", #"Content-Disposition: form-data; name="file"; filename="photo.jpg""#, "Content-Type: image/jpeg",
            "",
            "JPEGBYTES",
            "--XyZ--", "",
        ].joined(separator: "\r\n")
        let parts = try HTTPBody(wire).multipart(
            contentType: "multipart/form-data; boundary=XyZ", rules: UploadPart.rules, decode: UploadPart.decode)
        var seen: [String] = []
        for try await part in parts {
            switch part {
            case .metadata(let metadata): seen.append("metadata \(metadata.title)")
            case .file(let filename, let contentType, let body):
                seen.append("file \(filename ?? "-") \(contentType ?? "-") \(try await body.string())")
            case .note(let text, _): seen.append("note \(text)")
            }
        }
        #expect(seen == ["metadata Trip", "file photo.jpg image/jpeg JPEGBYTES"])
    }

    @Test func roundTripsThroughAServerAndEnforcesTheRules() async throws {
        var route = ServerRoute("upload", .post, "/upload") { request in
            var summary: [String] = []
            for try await part in try request.decodeMultipart(rules: UploadPart.rules, decode: UploadPart.decode) {
                switch part {
                case .metadata(let metadata): summary.append(metadata.title)
                case .file(let filename, _, let body):
                    summary.append("\(filename ?? "?")=\(try await body.collectBytes(upTo: 1 << 20).count)")
                case .note(let text, let language): summary.append("\(text)@\(language ?? "")")
                }
            }
            return try ServerResponse(status: 200, body: .json(summary))
        }
        route.streamsRequestBody = true
        let server = InProcessServer([route])
        let request = ClientRequest(operationID: "upload", method: .post, path: "/upload")
        let parts: MultipartBody<UploadPart> = [
            .metadata(.init(title: "T")), .file(filename: "1.bin", contentType: nil, body: .chunks(["ab", "cd"])),
            .file(filename: "2.bin", contentType: nil, body: HTTPBody("x")), .note("hi", language: "en"),
        ]
        let response = try await server.client().perform(
            request, body: .multipart(parts, rules: UploadPart.rules) { try $0.rawPart() })
        #expect(try await response.json([String].self) == ["T", "1.bin=4", "2.bin=1", "hi@en"])

        // The client's own validation stops a body that breaks the rules (two `metadata` parts).
        let twice: MultipartBody<UploadPart> = [.metadata(.init(title: "a")), .metadata(.init(title: "b"))]
        await #expect(throws: (any Error).self) {
            _ = try await server.client().perform(
                request, body: .multipart(twice, rules: UploadPart.rules) { try $0.rawPart() }
            )
            .json([String].self)
        }
    }

    @Test func aBodyWithoutABoundaryIsRefused() {
        #expect(throws: (any Error).self) {
            _ = try HTTPBody("x").multipart(contentType: "multipart/form-data", decode: UploadPart.decode)
        }
    }
}
