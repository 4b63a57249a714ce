import SpecGenEmit
import Testing

/// OpenAPI 3.2's documentation fields, in the generated code's doc comments.
@Suite("OpenAPI 3.2 emission")
struct OpenAPI32EmitTests {
    static func generate(_ yaml: String) throws -> [String: String] {
        let result = SpecGenPipeline.generate(
            Array(yaml.utf8), path: "/nonexistent-specgen-oas32/spec.yaml", options: PipelineOptions())
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        return Dictionary(uniqueKeysWithValues: result.files.map { ($0.name, $0.contents) })
    }

    @Test func aResponsesSummaryLeadsItsCasesDoc() throws {
        let files = try Self.generate(
            """
            openapi: 3.2.0
            info: {title: t, version: '1'}
            paths:
              /pets:
                get:
                  operationId: getPet
                  responses:
                    '200': {description: The pet.}
                    '404':
                      summary: No such pet
                      description: Nothing has that id.
            """)
        let models = try #require(files["Models.swift"])
        #expect(models.contains("    /// No such pet\n    ///\n    /// Nothing has that id.\n    case notFound("))
    }

    /// Filtering by a tag keeps the operations of the tags nested in it (`parent`), and only those.
    @Test func aTagFilterKeepsTheOperationsOfItsNestedTags() throws {
        let yaml = """
            openapi: 3.2.0
            info: {title: t, version: '1'}
            tags:
              - {name: pets}
              - {name: cats, parent: pets}
              - {name: stores}
            paths:
              /cats:
                get: {operationId: listCats, tags: [cats], responses: {'204': {description: none}}}
              /stores:
                get: {operationId: listStores, tags: [stores], responses: {'204': {description: none}}}
            """
        var options = PipelineOptions()
        options.emit.tagFilter = ["pets"]
        let result = SpecGenPipeline.generate(
            Array(yaml.utf8), path: "/nonexistent-specgen-oas32/spec.yaml", options: options)
        let client = try #require(result.files.first { $0.name == "Client.swift" }?.contents)
        #expect(client.contains("func listCats("))
        #expect(!client.contains("func listStores("))
    }

    @Test func anOAuth2MetadataURLIsNamedInTheHelpersDoc() throws {
        let files = try Self.generate(
            """
            openapi: 3.2.0
            info: {title: t, version: '1'}
            security: [{device: []}]
            paths:
              /pets:
                get:
                  operationId: listPets
                  responses: {'204': {description: none}}
            components:
              securitySchemes:
                device:
                  type: oauth2
                  oauth2MetadataUrl: https://auth.example.com/.well-known/oauth-authorization-server
                  flows:
                    deviceAuthorization:
                      deviceAuthorizationUrl: https://auth.example.com/device
                      tokenUrl: https://auth.example.com/token
                      scopes: {}
            """)
        let client = try #require(files["Client.swift"])
        #expect(
            client.contains(
                "/// The authorization server's metadata: "
                    + "`https://auth.example.com/.well-known/oauth-authorization-server`."))
    }
}
