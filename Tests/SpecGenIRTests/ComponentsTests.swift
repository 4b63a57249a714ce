import SpecGenIR
import SpecGenYAML
import Testing

/// Components of every kind reached through `$ref`: parameters, request bodies, responses, headers, security schemes.
@Suite struct ComponentsTests {
    @Test func everyComponentKindIsFollowed() throws {
        let (document, _) = try IRFixtures.document("components.yaml")
        let put = try #require(document.operation("putThing"))
        #expect(put.route == WireRoute(method: .put, path: "/things/{thingId}"))
        #expect(put.parameters.map(\.name) == ["thingId", "verbose"])
        #expect(put.parameters.first?.type == .primitive(.string, format: "uuid"))
        #expect(put.parameters.first?.required == true)
        #expect(
            put.requestBody
                == RequestBody(
                    required: true, content: [MediaContent(mediaType: "application/json", type: .named("Thing"))]))
        #expect(put.responses.map(\.status) == ["200", "404", "default"])
        let ok = put.responses[0]
        #expect(ok.content == [MediaContent(mediaType: "application/json", type: .named("Thing"))])
        #expect(ok.headers == [ResponseHeader(name: "ETag", required: true, type: .primitive(.string, format: nil))])
        #expect(put.responses[1].content.isEmpty, "a 404 without content has no body")
        #expect(
            put.responses[2].content == [MediaContent(mediaType: "application/problem+json", type: .named("Problem"))])
    }

    @Test func securitySchemesAndRequirements() throws {
        let (document, diagnostics) = try IRFixtures.document("components.yaml")
        #expect(document.securitySchemes.map(\.name) == ["apiKey", "bearer", "oauth"])
        #expect(document.securitySchemes.map(\.kind) == [.apiKey, .http, .oauth2])
        #expect(document.securitySchemes[0].location == .header)
        #expect(document.securitySchemes[1].bearerFormat == "JWT")
        #expect(document.security == [["bearer": []]])
        #expect(document.operation("putThing")?.security == [["apiKey": []], ["oauth": ["read", "write"]]])
        #expect(diagnostics.containing("security scheme").isEmpty)
    }
}
