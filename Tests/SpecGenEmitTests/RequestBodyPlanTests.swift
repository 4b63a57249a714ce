import Foundation
import SpecGenIR
import SpecGenYAML
import Testing

@testable import SpecGenEmit

/// How each declared media type becomes a body kind, and what the planner derives for multipart
/// bodies and operations with several media types.
@Suite struct RequestBodyPlanTests {
    static func content(_ mediaType: String, _ type: TypeRef = .named("Pet")) -> MediaContent {
        MediaContent(mediaType: mediaType, type: type)
    }

    @Test(arguments: [
        ("application/json", BodyKind.json), ("application/vnd.api+json", .json), ("*/*", .json),
        ("application/x-www-form-urlencoded", .form), ("multipart/form-data", .multipart),
        ("multipart/mixed", .multipart), ("text/plain; charset=utf-8", .text), ("text/csv", .text),
        ("application/octet-stream", .binary), ("image/png", .binary), ("application/xml", .binary),
        ("application/jsonl", .jsonLines), ("application/x-ndjson", .jsonLines),
        ("application/json-seq", .jsonSequence), ("Text/Event-Stream", .serverSentEvents),
    ])
    func mediaTypesHaveTheirKind(_ mediaType: String, _ kind: BodyKind) {
        #expect(BodyKind.of(Self.content(mediaType)) == kind)
    }

    @Test func aBinarySchemaIsBytesWhateverTheMediaType() {
        #expect(BodyKind.of(Self.content("application/json", .primitive(.string, format: "binary"))) == .binary)
        #expect(BodyKind.of(Self.content("text/plain", .primitive(.string, format: "binary"))) == .binary)
    }

    static func plan(_ yaml: String) throws -> GenerationPlan {
        let root = try YAMLLoader().loadDocument(Array(yaml.utf8), file: "spec.yaml")
        let document = try #require(SpecReader().read(root, path: "spec.yaml").document)
        return GenerationPlan(document, options: EmitOptions())
    }

    @Test func multipartPartsFollowTheSchemaAndItsEncoding() throws {
        let plan = try Self.plan(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /up:
                post:
                  operationId: upload
                  requestBody:
                    required: true
                    content:
                      multipart/form-data:
                        schema:
                          type: object
                          required: [file, tags]
                          properties:
                            file: {type: string, format: binary}
                            tags: {type: array, items: {type: string}}
                            other: {type: integer}
                            scans: {type: array, items: {type: string, format: binary}}
                            meta: {type: object, properties: {a: {type: string}}}
                        encoding:
                          file: {contentType: image/png}
                  responses:
                    '204': {description: done}
            """)
        let body = try #require(plan.plans.first?.requestBody)
        let multipart = try #require(body.variants.first?.multipart)
        #expect(multipart.typeName == "UploadPart")
        #expect(body.valueType == "MultipartBody<UploadPart>")
        #expect(body.streams && !body.isCodable)
        // `other` is the catch-all case, so the property of that name gets another.
        #expect(multipart.parts.map(\.caseName) == ["file", "tags", "other2", "scans", "meta"])
        #expect(
            multipart.parts.map(\.valueType) == [
                "MultipartFile", "String", "Int", "MultipartFile", "UploadRequest.Meta",
            ])
        #expect(multipart.parts.map(\.coding) == [.file, .text, .text, .file, .json])
        #expect(multipart.parts.first?.contentType == "image/png")
        #expect(multipart.exactlyOnce == ["file"])
        #expect(multipart.atLeastOnce == ["tags"])
        #expect(multipart.atMostOnce == ["other", "meta"])
        #expect(multipart.zeroOrMore == ["scans"])
    }

    /// `encoding.headers` types a part's headers like a response's; `Content-Type` there is ignored
    /// (OpenAPI: it is `contentType`'s), and the headers struct never takes a spec type's name.
    @Test func partHeadersAreTypedAndContentTypeAmongThemIsIgnored() throws {
        let plan = try Self.plan(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /up:
                post:
                  operationId: upload
                  requestBody:
                    content:
                      multipart/form-data:
                        schema:
                          type: object
                          properties:
                            file: {type: string, format: binary}
                            note: {type: string}
                        encoding:
                          file:
                            headers:
                              X-Rate: {required: true, schema: {type: integer}}
                              content-type: {schema: {type: string}}
                              X-Tags: {$ref: '#/components/headers/Tags'}
                  responses:
                    '200':
                      description: parts
                      content:
                        multipart/mixed:
                          schema:
                            type: object
                            properties:
                              file: {type: string, format: binary}
                          encoding:
                            file:
                              headers:
                                X-Rate: {schema: {type: integer}}
            components:
              headers:
                Tags: {schema: {type: array, items: {type: string}}}
              schemas:
                UploadPartFileHeaders: {type: string}
            """)
        let operation = try #require(plan.plans.first)
        let multipart = try #require(operation.requestBody?.variants.first?.multipart)
        let file = try #require(multipart.parts.first)
        #expect(file.headers.map(\.wireName) == ["X-Rate", "X-Tags"])
        #expect(file.headers.map(\.valueType) == ["Int", "[String]"])
        #expect(file.headers.map(\.required) == [true, false])
        #expect(file.headersTypeName == "UploadPartFileHeaders2")
        #expect(file.payloadType == "MultipartPartWithHeaders<MultipartFile, UploadPartFileHeaders2>")
        #expect(multipart.parts.last?.payloadType == "String")
        // The response's body: the same kind of part enum, named after its case.
        let ok = try #require(operation.responses.successes.first)
        #expect(ok.bodyKind == .multipart)
        #expect(ok.bodyType == "MultipartBody<UploadOkPart>")
        #expect(ok.multipart?.responseStatus == "200")
        #expect(ok.multipart?.parts.first?.headersTypeName == "UploadOkPartFileHeaders")
    }

    @Test func severalMediaTypesMakeAChoiceWhoseNameNeverTakesASpecTypes() throws {
        let plan = try Self.plan(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /notes:
                post:
                  operationId: createNote
                  requestBody:
                    content:
                      application/json: {schema: {$ref: '#/components/schemas/Note'}}
                      text/plain: {schema: {type: string}}
                      application/json; charset=utf-8: {schema: {$ref: '#/components/schemas/Note'}}
                  responses:
                    '204': {description: done}
            components:
              schemas:
                Note: {type: object, properties: {text: {type: string}}}
                CreateNoteBody: {type: string}
            """)
        let operation = try #require(plan.plans.first)
        let body = try #require(operation.requestBody)
        #expect(body.choiceTypeName == "CreateNoteBody2")
        // The same media type with a parameter is one variant, not two.
        #expect(body.variants.map(\.caseName) == ["json", "text"])
        #expect(body.variants.map(\.swiftType) == ["Note", "String"])
        // Not required: the caller may pass `nil` (no body), and the handler receives it.
        #expect(operation.inputTypeName == "CreateNoteBody2?")
        #expect(!body.streams)
    }
}
