import SpecGenIR
import SpecGenYAML
import Testing

/// Swagger 2.0 gives the same IR as the 3.x document describing the same API.
@Suite struct SwaggerReaderTests {
    @Test func swaggerAndOpenAPIPetstoresGiveTheSameIR() throws {
        let (swagger, _) = try IRFixtures.document("petstore-swagger.yaml")
        let (openAPI, _) = try IRFixtures.document("petstore-openapi.yaml")
        #expect(swagger.servers == openAPI.servers)
        #expect(swagger.securitySchemes == openAPI.securitySchemes)
        #expect(swagger.security == openAPI.security)
        #expect(withoutCollectionFormats(swagger.operations) == openAPI.operations)
        #expect(withoutSources(swagger.types) == withoutSources(openAPI.types))
        #expect(swagger.types.map(\.id) == ["Error", "Pet", "UploadPhotoRequest"])
    }

    @Test func bodyFormDataAndMediaTypes() throws {
        let (document, _) = try IRFixtures.document("petstore-swagger.yaml")
        let create = try #require(document.operation("createPet"))
        #expect(
            create.requestBody
                == RequestBody(
                    required: true, content: [MediaContent(mediaType: "application/json", type: .named("Pet"))]))
        #expect(create.parameters.isEmpty)
        let show = try #require(document.operation("showPet"))
        #expect(
            show.responses.first?.content.map(\.mediaType) == ["application/json", "application/xml"],
            "operation-level produces")
        #expect(show.parameters.map(\.location) == [.path])
        let upload = try #require(document.operation("uploadPhoto"))
        #expect(upload.requestBody?.content.map(\.mediaType) == ["multipart/form-data"])
        let form = try document.object("UploadPhotoRequest")
        #expect(form.property("file")?.type == .primitive(.string, format: "binary"))
        #expect(form.property("file")?.required == true)
        #expect(form.property("caption")?.required == false)
    }

    @Test func collectionFormatBecomesAStyle() throws {
        let (document, _) = try IRFixtures.document("petstore-swagger.yaml")
        let tags = try #require(document.operation("listPets")?.parameters.first)
        #expect(tags.type == .array(.primitive(.string, format: nil)))
        #expect((tags.style, tags.explode, tags.collectionFormat) == (.form, true, "multi"))
        #expect(document.operation("listPets")?.parameters.map(\.location) == [.query, .query, .header])
        #expect(document.operation("listPets")?.responses.map(\.status) == ["200", "default"])
        // `#/parameters/Limit` and `#/responses/Problem`: Swagger's reusable parts are followed too.
        #expect(document.operation("listPets")?.parameters[1].defaultValue == .int(20))
        #expect(
            document.operation("listPets")?.responses.last?.content == [
                MediaContent(mediaType: "application/json", type: .named("Error"))
            ])
    }

    @Test func securityDefinitionsBecomeSchemes() throws {
        let (document, diagnostics) = try IRFixtures.document("petstore-swagger.yaml")
        var basic = SecurityScheme(name: "login", kind: .http)
        basic.scheme = "basic"
        #expect(document.securitySchemes.last == basic)
        #expect(document.securitySchemes.first?.parameterName == "X-Key")
        #expect(diagnostics.containing("security scheme 'login' is not required").first?.mark.line == 10)
    }

    private func withoutCollectionFormats(_ operations: [SpecGenIR.Operation]) -> [SpecGenIR.Operation] {
        operations.map { operation in
            var operation = operation
            for index in operation.parameters.indices { operation.parameters[index].collectionFormat = nil }
            return operation
        }
    }

    private func withoutSources(_ types: [TypeDecl]) -> [TypeDecl] {
        types.map { type in
            var type = type
            type.source = nil
            return type
        }
    }
}
