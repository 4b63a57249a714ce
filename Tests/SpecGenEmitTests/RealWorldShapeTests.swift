import Foundation
import SpecGenEmit
import SpecGenIR
import Testing

/// Shapes from public specs (GHES, DigitalOcean, Kubernetes, OpenAI, Box, swagger-codegen's
/// petstores) whose generated code once did not compile or meant the wrong thing. Each fixture in
/// Fixtures/RealWorldShapes is generated and compiled (through SIL, so errors such as "function
/// call causes an infinite recursion" count) with warnings as errors against the built
/// SpecGenRuntime, and the lines that decide the shape are checked.
@Suite struct RealWorldShapeTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/RealWorldShapes")

    struct Generated {
        var files: [GeneratedFile]

        func file(_ prefix: String) throws -> String {
            try #require(files.first { $0.name.hasPrefix(prefix) }, "no \(prefix) file").contents
        }
    }

    static func generate(_ name: String) throws -> Generated {
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        let outcome = GenerationPropertyTests.run(text, templates: try TemplateSet.load(overridesDirectory: nil))
        #expect(outcome.generatorError == nil)
        #expect(!outcome.diagnostics.contains { $0.severity == .error }, "\(outcome.diagnostics)")
        return Generated(files: try #require(outcome.files, "\(name) generated nothing"))
    }

    /// Compiles the files as one module (whole-module, to SIL) with warnings as errors.
    static func expectCompiles(_ generated: Generated, module: String) throws {
        let swiftc = try #require(GeneratedSourceCompileTests.findSwiftc(), "swiftc not found")
        let modules = try #require(GenerationPropertyTests.builtModulesFolder(), "no SpecGenRuntime.swiftmodule")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "specgen-shapes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for file in generated.files {
            let url = folder.appendingPathComponent(file.name)
            try Data(file.contents.utf8).write(to: url)
            paths.append(url.path)
        }
        let result = try GeneratedSourceCompileTests.run(
            swiftc,
            [
                "-wmo", "-emit-sil", "-o", "/dev/null", "-swift-version", "6", "-warnings-as-errors",
                "-module-name", module, "-I", modules.path,
            ] + paths)
        #expect(result.status == 0, "\(String(decoding: result.output.prefix(4000), as: UTF8.self))")
    }

    /// `Droplet.Image` beside a top-level `Image`, `ScanType.ScanType`, `Commit.Commit.Commit`:
    /// a nested type never takes a top-level name or an enclosing type's name, so every path the
    /// emitter writes means the type it was made for.
    @Test func nestedNamesNeverShadowTopLevelOrEnclosingNames() throws {
        let generated = try Self.generate("nested-names.yaml")
        try Self.expectCompiles(generated, module: "NestedNames")
        let models = try generated.file("Models")
        // The top-level Image is still what `backup` holds; the inline object got another name.
        #expect(models.contains("public var backup: Image?"))
        #expect(models.contains("public var image: Droplet.Image2?"))
        #expect(!models.contains("struct Image: Codable, Hashable, Sendable {\n        "))
        #expect(models.contains("public var scanType: ScanType.ScanType2?"))
        #expect(models.contains("public var commit: Commit.Commit2.Commit3?"))
        // Recursion seen through the renamed nested types: boxed properties, an indirect union.
        #expect(models.contains("public var commit: Indirect<Commit.Commit2>?"))
        #expect(models.contains("public indirect enum Node"))
        // A spec's `NoContent` and `Nullable` must not capture the runtime's.
        #expect(models.contains("public struct NoContent_: Codable"))
        #expect(models.contains("public var nullable: Nullable<Indirect<NoContent_.Nullable_>>?"))
        #expect(try generated.file("Client").contains("return NoContent()"))
        // No nested declaration reuses a top-level name.
        let topLevel = Set(
            models.split(separator: "\n").compactMap { line -> String? in
                guard
                    line.hasPrefix("public struct ") || line.hasPrefix("public enum ")
                        || line.hasPrefix("public indirect enum ")
                else { return nil }
                return line.split(separator: " ").dropFirst(line.hasPrefix("public indirect") ? 3 : 2).first.map {
                    String($0.prefix { $0 != ":" })
                }
            })
        let nested = models.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("    public struct ") || line.hasPrefix("    public enum ") else { return nil }
            return line.split(separator: " ").dropFirst(2).first.map { String($0.prefix { $0 != ":" }) }
        }
        #expect(!nested.isEmpty)
        #expect(Set(nested).isDisjoint(with: topLevel), "\(nested) vs \(topLevel)")
    }

    /// Box's `MetadataFieldFilterDateRange`: a component map of inline objects is a typealias,
    /// which cannot hold the objects' struct (`typealias A = [String: A.AdditionalProperty]`
    /// refers to itself), so the struct is declared beside it, named after it, and a name the
    /// spec already takes is not reused.
    @Test func childrenOfATypealiasAreDeclaredBesideIt() throws {
        let generated = try Self.generate("alias-children.yaml")
        try Self.expectCompiles(generated, module: "AliasChildren")
        let models = try generated.file("Models")
        #expect(models.contains("public typealias DateRanges = [String: DateRangesAdditionalProperty2]\n"))
        #expect(models.contains("\npublic struct DateRangesAdditionalProperty2: Codable, Hashable, Sendable {"))
        #expect(models.contains("public var kind: DateRangesAdditionalProperty2.Kind?"))
        #expect(models.contains("\npublic struct DateRangesAdditionalProperty: Codable, Hashable, Sendable {"))
        #expect(!models.contains("extension DateRanges {"))
    }

    /// A schema named `Servers` (a cloud API's list of servers) beside a spec's `servers`: the
    /// client's nested enum of server URLs takes another name so that the model stays reachable.
    @Test func aSchemaNamedServersKeepsItsName() throws {
        let generated = try Self.generate("servers-type.yaml")
        try Self.expectCompiles(generated, module: "ServersType")
        let client = try generated.file("Client")
        #expect(client.contains("    public enum ServerURLs {\n"))
        #expect(client.contains("func listServers() async throws -> Servers {"))
        #expect(!client.contains("enum Servers {"))
    }

    /// Kubernetes' path and query `path`, a header `name` beside a path `name`, a query `body`
    /// beside the body; array and object headers and an array path parameter.
    @Test func sameNamedParametersAndArrayHeadersCompile() throws {
        let generated = try Self.generate("parameters.yaml")
        try Self.expectCompiles(generated, module: "Parameters")
        let models = try generated.file("Models")
        #expect(models.contains("public var path: String\n"))
        #expect(models.contains("public var queryPath: String?"))
        #expect(models.contains("public var headerName: String?"))
        #expect(models.contains("public var requestBody: PutItemsRequest"))
        // An input struct is no JSON value (parameters travel by their styles): not `Codable`.
        #expect(!models.contains("query_path"))
        let client = try generated.file("Client")
        #expect(client.contains("request.query(\"path\", input.queryPath, .init(.form, explode: true))"))
        #expect(client.contains("request.header(\"X-Tags\", input.xTags, .init(.simple, explode: false))"))
        #expect(client.contains("try .json(\n            input.requestBody, profile: client.profile"))
        let server = try generated.file("Server")
        #expect(
            server.contains(
                "try request.path(\n                        \"ids\", as: [Int].self, .init(.simple, explode: false))"))
        #expect(
            server.contains(
                "try request.header(\n                        \"X-Tags\", as: [String].self, .init(.simple, explode: false))"
            ))
        #expect(server.contains("let body = try request.decodeBody(PutItemsRequest.self)"))
        #expect(server.contains("requestBody: body"))
    }

    /// An array parameter whose schema is an array component by `$ref` is that array (its alias),
    /// sent and read item by item in its style, as an inline array is: not one text value that
    /// the caller would have to join by hand (connexion rejected `levels=1|2` sent that way).
    /// An array of objects still travels as text.
    @Test func arrayComponentParametersAreArrays() throws {
        let generated = try Self.generate("parameters.yaml")
        let models = try generated.file("Models")
        #expect(models.contains("public typealias Tags = [String]"))
        for line in [
            "public var tags: Tags\n", "public var levels: Levels?\n", "public var xTags: Tags?\n",
            "public var shapes: String?\n",
        ] {
            #expect(models.contains(line), "\(line)")
        }
        let server = try generated.file("Server")
        #expect(
            server.contains(
                "try request.query(\n                        \"levels\", as: Levels.self, .init(.pipeDelimited, explode: false))"
            ))
        #expect(
            server.contains(
                "try request.path(\n                        \"tags\", as: Tags.self, .init(.simple, explode: false))"))
    }

    /// Swagger 2.0's `collectionFormat`s (as in ECR's and swagger-codegen's petstore specs): each
    /// is sent and read in the OpenAPI style that puts the same bytes on the wire.
    @Test func swaggerCollectionFormatsBecomeEncodings() throws {
        let generated = try Self.generate("collection-formats.yaml")
        try Self.expectCompiles(generated, module: "CollectionFormats")
        let client = try generated.file("Client")
        for line in [
            "try request.path(\"ids\", input.ids, .init(.simple, explode: false))",
            "try request.query(\"csv\", input.csv, .init(.form, explode: false))",
            "try request.query(\"ssv\", input.ssv, .init(.spaceDelimited, explode: false))",
            "try request.query(\"tsv\", input.tsv, .init(.tabDelimited, explode: false))",
            "try request.query(\"pipes\", input.pipes, .init(.pipeDelimited, explode: false))",
            "try request.query(\"multi\", input.multi, .init(.form, explode: true))",
            "try request.header(\"X-Ids\", input.xIds, .init(.simple, explode: false))",
        ] {
            #expect(client.contains(line), "\(line)")
        }
        let server = try generated.file("Server")
        #expect(
            server.contains(
                "tsv: try request.query(\n                        \"tsv\", as: [String].self, .init(.tabDelimited, explode: false))"
            ))
    }

    /// Nullable JSON bodies, optional or required, and bodies that are not JSON (form,
    /// multipart, text, octet-stream) on operations with parameters: one type on every side,
    /// the one of the body's kind (the form's struct, typed parts, `String`, streamed `HTTPBody`).
    @Test func nullableAndNonJSONBodiesHaveOneTypeOnEverySide() throws {
        let generated = try Self.generate("bodies.yaml")
        try Self.expectCompiles(generated, module: "Bodies")
        let models = try generated.file("Models")
        #expect(models.contains("public var body: Nullable<Note>?"))
        #expect(models.contains("public var body: Note?"))
        #expect(
            models.contains(
                "public struct PostNoteFormInput: Hashable, Sendable {\n    public var id: String\n    public var body: PostNoteFormRequest?"
            ))
        #expect(
            models.contains(
                "public struct PutAttachmentTextInput: Hashable, Sendable {\n    public var id: String\n    public var body: String?"
            ))
        #expect(
            models.contains(
                "public struct UploadAttachmentInput: Sendable {\n    public var id: String\n    public var body: MultipartBody<UploadAttachmentPart>\n"
            ))
        #expect(models.contains("public struct PostRawInput: Sendable {"))
        #expect(models.contains("case file(MultipartFile)"))
        let server = try generated.file("Server")
        #expect(server.contains("let body = try request.decodeNullableBody(Note.self)"))
        #expect(server.contains("let body = try request.decodeBody(Note?.self)"))
        // An optional body that is not JSON is read only when the request has one.
        #expect(
            server.contains(
                "let body: PostNoteFormRequest?\n                if request.hasBody {\n"
                    + "                    body = try await request.decodeForm(PostNoteFormRequest.self)\n"
                    + "                } else {\n                    body = nil\n                }"))
        #expect(server.contains("if request.hasBody {\n                    body = try await request.decodeText()\n"))
        #expect(server.contains("let body = request.requestBody"))
        let client = try generated.file("Client")
        #expect(
            client.contains(
                "let body: OutgoingBody? = try .multipart(input.body, rules: UploadAttachmentPart.rules, contentType: \"multipart/form-data\")"
            ))
    }

    /// `allOf: [$ref: <oneOf>, nullable: true]` is the union, nullable; `additionalProperties:
    /// true` keeps the members not declared; a union listing itself compiles (no self-call);
    /// aliases that contain themselves compile; `allOf` of a union and an object keeps both.
    @Test func compositionsOfRealSpecsKeepTheirMeaning() throws {
        let generated = try Self.generate("compositions.yaml")
        try Self.expectCompiles(generated, module: "Compositions")
        let models = try generated.file("Models")
        #expect(models.contains("public var responseFormat: Nullable<ResponseFormat>?"))
        #expect(models.contains("public var toolChoice: ResponseFormat?"))
        #expect(models.contains("public var additionalProperties: [String: JSONValue]"))
        #expect(!models.contains("case selfListing(SelfListing)"))
        #expect(models.contains("case string(String)"))
        // Self-containing aliases are one-case enums, not `typealias Tree = [Tree]`.
        #expect(models.contains("public enum Tree: Codable, Hashable, Sendable {\n    case array([Tree])"))
        #expect(models.contains("public enum Map: Codable, Hashable, Sendable {\n    case object([String: Map])"))
        #expect(!models.contains("typealias Tree"))
        // allOf of a union and an object: the union kept whole beside the properties.
        #expect(models.contains("public var responseFormat: ResponseFormat\n"))
        #expect(models.contains("self.responseFormat = try ResponseFormat(from: decoder)"))
        #expect(models.contains("try self.responseFormat.encode(to: encoder)"))
        #expect(models.contains("public typealias OnlyUnion = ResponseFormat"))
    }

    /// Swagger 2.0 responses take the same typed shape as 3.x: the success with its headers, the
    /// error enum (a code, a range, `default`), and generated names stepping aside for the
    /// document's own (`GetPetError`, `GetPetOkHeaders`, a schema called `TypedResponse`).
    @Test func swaggerResponsesAreTypedAndTheirNamesNeverCollide() throws {
        let generated = try Self.generate("typed-responses-swagger.yaml")
        try Self.expectCompiles(generated, module: "TypedResponsesSwagger")
        let models = try generated.file("Models")
        #expect(models.contains("public struct GetPetError: Codable"))
        #expect(models.contains("public enum GetPetError2: Error, ResponseConvertible, Hashable {"))
        #expect(models.contains("case notFound(TypedResponse<GetPetError, NoHeaders>)"))
        #expect(models.contains("case serverError(TypedResponse<NoContent, NoHeaders>)"))
        #expect(models.contains("case other(TypedResponse<TypedResponse_, NoHeaders>)"))
        #expect(models.contains("public struct GetPetOkHeaders2: ResponseHeaders, Hashable {"))
        // A header called `fields` does not shadow the decoder's argument.
        #expect(models.contains("public var fields2: String?"))
        #expect(models.contains("public enum CreatePetOutput: ResponseConvertible, Hashable, Sendable {"))
        let client = try generated.file("Client")
        #expect(client.contains("-> TypedResponse<Pet, GetPetOkHeaders2>"))
        #expect(
            client.contains(
                "case 500..<600:\n            throw await response.declaredError { response in\n"
                    + "                let responseBody = "))
        #expect(
            client.contains("GetPetError2.serverError(responseBody)")
                || client.contains("GetPetError2.serverError(response.typed(responseBody"))
        let server = try generated.file("Server")
        #expect(server.contains("func createPet() async throws -> CreatePetOutput"))
        // Binary bodies stream (`HTTPBody`), also in an enum of the models file, which then imports OpenAPIRuntime.
        #expect(models.contains("case partialContent(TypedResponse<HTTPBody, GetFilePartialContentHeaders>)"))
        #expect(models.contains("import OpenAPIRuntime\n"))
        #expect(
            models.contains(
                "let responseBody: OutgoingBody = .binary(response.body, contentType: \"application/octet-stream\")"))
    }
}
