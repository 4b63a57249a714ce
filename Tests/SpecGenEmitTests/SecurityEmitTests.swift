import SpecGenEmit
import SpecGenIR
import SpecGenYAML
import Testing

/// Security helpers from Swagger 2.0 `securityDefinitions`, and what is deliberately left alone
/// (SigV4, unknown schemes). The 3.x shapes are in Specs/security.yaml (golden + round trips).
@Suite("Security scheme emission")
struct SecurityEmitTests {
    static func generate(_ yaml: String) throws -> [String: String] {
        let path = "/nonexistent-specgen-security/spec.yaml"
        let result = SpecGenPipeline.generate(Array(yaml.utf8), path: path, options: PipelineOptions())
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.templateError == nil)
        let files = result.files
        return Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.contents) })
    }

    @Test func swagger2DefinitionsGetHelpersAndHandlerArguments() throws {
        let files = try Self.generate(
            """
            swagger: '2.0'
            info: {title: t, version: '1'}
            security: [{api_key: []}]
            securityDefinitions:
              basic: {type: basic}
              api_key: {type: apiKey, name: api_key, in: header}
              petstore_auth:
                type: oauth2
                flow: implicit
                authorizationUrl: https://example.com/oauth
                scopes: {'write:pets': modify}
            paths:
              /pets:
                get:
                  operationId: listPets
                  responses: {'200': {description: ok}}
                post:
                  operationId: addPet
                  security: [{petstore_auth: ['write:pets']}, {basic: []}]
                  responses: {'200': {description: ok}}
              /open:
                get:
                  operationId: openDoor
                  security: []
                  responses: {'200': {description: ok}}
            """)
        let security = try #require(files["Client.swift"])
        #expect(security.contains(#".apiKey(key, name: "api_key", in: .header, operations: ["listPets"])"#))
        #expect(security.contains(#".basic(username: username, password: password, operations: ["addPet"])"#))
        #expect(security.contains(#".bearer(token, operations: ["addPet"])"#))
        let server = try #require(files["Server.swift"])
        #expect(server.contains("func listPets(\n        apiKey: APIKey,\n    ) async throws"))
        #expect(
            server.contains(
                "func addPet(\n        basic: BasicCredentials?,\n        petstoreAuth: BearerToken?,\n    ) async throws"
            ))
        #expect(server.contains("func openDoor() async throws"))
        #expect(
            server.contains(
                "try request.authenticate(anyOf: [\n                    [.oauth2],\n                    [.httpBasic],\n"
            ))
    }

    @Test func sigV4AndUnknownSchemesGenerateNothingAndAreNotEnforced() throws {
        let files = try Self.generate(
            """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            security: [{aws_sigv4: []}]
            components:
              securitySchemes:
                aws_sigv4: {type: apiKey, name: Authorization, in: header, x-amz-auth: sigv4}
                tls: {type: mutualTLS}
                spaced: {type: http, scheme: "not a token"}
            paths:
              /a:
                get:
                  operationId: a
                  responses: {'200': {description: ok}}
              /b:
                get:
                  operationId: b
                  security: [{tls: []}, {spaced: []}, {undeclared: []}]
                  responses: {'200': {description: ok}}
            """)
        #expect(try #require(files["Client.swift"]).contains("AuthenticationMiddleware") == false)
        let server = try #require(files["Server.swift"])
        #expect(!server.contains("authenticate"))
        #expect(server.contains("func a() async throws"))
    }

    /// `specgen diff`: a changed requirement changes the handler's parameters, which breaks servers only.
    @Test func changedRequirementsBreakServersNotClients() throws {
        func surface(_ security: String) throws -> APISurface {
            let yaml = """
                openapi: 3.0.3
                info: {title: t, version: '1'}
                components:
                  securitySchemes:
                    token: {type: http, scheme: bearer}
                    key: {type: apiKey, in: query, name: key}
                paths:
                  /a:
                    get:
                      operationId: a
                      security: \(security)
                      responses: {'200': {description: ok}}
                """
            let root = try YAMLLoader().loadDocument(Array(yaml.utf8), file: "/nonexistent/spec.yaml")
            return APISurface(document: try #require(SpecReader().read(root, path: "/nonexistent/spec.yaml").document))
        }
        let diff = APIDiff(old: try surface("[{token: []}]"), new: try surface("[{token: []}, {key: []}]"))
        let change = try #require(diff.changes.first)
        #expect(diff.changes.count == 1)
        #expect(change.kind == .operationCredentialsChanged)
        #expect(change.detail == "(token: BearerToken) → (key: APIKey?, token: BearerToken?)")
        #expect(change.breaksServers && !change.breaksClients)
        #expect(APIDiff(old: try surface("[{token: []}]"), new: try surface("[{token: []}]")).changes.isEmpty)
    }

    /// The document's default requirement is for calls to the API, not for webhooks it sends.
    @Test func webhooksDoNotInheritTheDocumentDefault() throws {
        let files = try Self.generate(
            """
            openapi: 3.1.0
            info: {title: t, version: '1'}
            security: [{token: []}]
            components:
              securitySchemes:
                token: {type: http, scheme: bearer}
            paths:
              /a:
                get:
                  operationId: a
                  responses: {'204': {description: ok}}
            webhooks:
              petAdded:
                post:
                  operationId: petAdded
                  responses: {'204': {description: ok}}
            """)
        let server = try #require(files["Server.swift"])
        #expect(server.contains("func a(\n        token: BearerToken,\n    ) async throws"))
        #expect(
            server.contains("try request.authenticate(anyOf: [\n                    [.httpBearer],\n                ])")
        )
        let client = try #require(files["Client.swift"])
        #expect(client.contains("func petAdded() async throws"))
        #expect(!client.contains("authenticate("))
    }
}
