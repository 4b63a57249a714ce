import SpecGenIR
import SpecGenYAML
import Testing

/// Shapes public specs use that the letter of OpenAPI does not always allow, or that earlier
/// versions refused or reported wrongly (issue 10: DigitalOcean, Box, GitHub, the OAI examples).
@Suite("Real-world spec shapes")
struct RealWorldShapesTests {
    /// DigitalOcean writes `get: {$ref: 'resources/…/x.yml'}` for every operation, refs whole path
    /// items, and others ref a parameter list or a responses map: each is followed, relative to
    /// the file it is written in.
    @Test func operationsPathItemsParameterListsAndResponsesMapsByRef() throws {
        let result = IRFixtures.read(IRFixtures.fixture("refs-operations/openapi.yaml"))
        let document = try #require(result.document)
        #expect(
            document.operations.map(\.id) == [
                "droplets_list", "droplets_create", "droplets_get", "sizes_list", "broken_one", "broken_two",
            ])
        let list = document.operations[0]
        #expect(list.summary == "List all droplets")
        #expect(list.parameters.map(\.name) == ["per_page", "tag_name"])
        #expect(list.responses.map(\.status) == ["200"])
        #expect(document.operations[1].requestBody != nil)
        let get = document.operations[2]
        #expect(get.specPath == "/v2/droplets/{droplet_id}")
        #expect(get.parameters.map(\.name) == ["droplet_id"])
        let sizes = document.operations[3]
        #expect(sizes.parameters.map(\.name) == ["per_page", "page"])
        #expect(sizes.responses.map(\.status) == ["200"])
        #expect(sizes.responses.first?.content.first?.type == .array(.primitive(.string, format: nil)))
    }

    /// A security scheme may be a `$ref` like every other component (to another file of a
    /// multi-file spec, or to a scheme beside it); it was "security scheme '$ref' has no 'type'".
    @Test func securitySchemesByRefAreFollowed() throws {
        let result = IRFixtures.read(IRFixtures.fixture("refs-security/openapi.yaml"))
        // Only the scheme `key` points at is reported: no operation names it itself.
        #expect(
            result.diagnostics.map(\.message) == [
                "security scheme 'localKey' is not required by the document or any operation"
            ])
        let schemes = try #require(result.document?.securitySchemes)
        #expect(schemes.map(\.name) == ["bearer", "key", "localKey"])
        #expect(schemes.map(\.kind) == [.http, .apiKey, .apiKey])
        #expect(schemes[0].bearerFormat == "JWT")
        #expect(schemes[1].parameterName == "X-Key" && schemes[1].location == .header)
    }

    /// A REST success without content has no body (the generated code says `NoContent`), in 3.x
    /// and Swagger 2.0 alike; it was "declares no content; an untyped JSON payload is assumed".
    @Test func aContentlessRESTSuccessIsNoBodyWithoutAWarning() throws {
        let openAPI = try IRFixtures.readText(
            """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths:
              /jobs:
                post:
                  operationId: startJob
                  responses: {'202': {description: Started.}, '200': {description: Done.}}
            """)
        let swagger = try IRFixtures.readText(
            """
            swagger: '2.0'
            info: {title: t, version: '1'}
            produces: [application/json]
            paths:
              /jobs:
                post:
                  operationId: startJob
                  responses: {'202': {description: Started.}}
            """)
        for result in [openAPI, swagger] {
            #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
            let responses = try #require(result.document?.operation("startJob")?.responses)
            #expect(responses.allSatisfy { $0.content.isEmpty })
        }
    }

    /// A broken `$ref` inside a file two operations share is one problem at one place.
    @Test func aBrokenRefInASharedFileIsReportedOnceAtTheRef() throws {
        let result = IRFixtures.read(IRFixtures.fixture("refs-operations/openapi.yaml"))
        let broken = result.errors.filter { $0.message.contains("regions.yml") }
        #expect(broken.count == 1, "\(result.errors.map(\.description))")
        #expect(broken.first?.mark.file.hasSuffix("Fixtures/refs-operations/shared/bad_param.yml") == true)
        #expect(broken.first?.mark.line == 4)
        #expect(result.errors.count == 1, "\(result.errors.map(\.description))")
    }

    @Test func responsesAreOptionalIn31AndRequiredIn30() throws {
        let operation = "paths:\n  /users:\n    get:\n      operationId: getUsers\n"
        let v31 = try IRFixtures.readText("openapi: 3.1.0\ninfo: {title: t, version: '1'}\n" + operation)
        #expect(v31.errors.isEmpty, "\(v31.errors.map(\.description))")
        #expect(v31.document?.operations.first?.responses.isEmpty == true)
        let v30 = try IRFixtures.readText("openapi: 3.0.3\ninfo: {title: t, version: '1'}\n" + operation)
        #expect(
            v30.errors.map(\.message) == [
                "operation 'getUsers' has no 'responses' (OpenAPI 3.0 requires them; 3.1 does not)"
            ])
        #expect(v30.errors.first?.mark.line == 5)
    }

    @Test func unusedRequestBodiesAreNamedInTheSingular() throws {
        let result = try IRFixtures.readText(
            """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths: {}
            components:
              requestBodies:
                Upload: {content: {application/json: {schema: {type: string}}}}
            """)
        #expect(result.warnings.map(\.message) == ["request body 'Upload' is never referenced"])
    }

    @Test func wrongKindsTakeTheRightArticle() throws {
        let result = try IRFixtures.readText(
            """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths:
              /a:
                get:
                  operationId: a
                  deprecated: 1
                  responses:
                    '204': {description: Done., x-flag: true}
            """)
        #expect(
            result.warnings.map(\.message) == ["'deprecated' should be true or false, not an integer; it is ignored"])
    }

    /// `required` in one `allOf` part may name a property another part declares (the OAI's
    /// petstore-separate `NewPet`); and a `oneOf`/`anyOf` variant's may name the enclosing
    /// schema's (GitHub's check runs). Only a name no part declares is worth a warning.
    @Test func requiredNamesDeclaredBySiblingPartsAreNotWarned() throws {
        let result = try IRFixtures.readText(
            """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths: {}
            components:
              schemas:
                Pet:
                  type: object
                  properties: {name: {type: string}, id: {type: integer}}
                NewPet:
                  allOf:
                    - $ref: '#/components/schemas/Pet'
                    - required: [name, nickname]
                      properties: {description: {type: string}}
                CheckRun:
                  type: object
                  properties: {status: {type: string}, conclusion: {type: string}}
                  anyOf:
                    - properties: {status: {enum: [completed]}}
                      required: [conclusion]
                    - properties: {status: {enum: [queued]}}
            """)
        #expect(
            result.warnings.map(\.message) == [
                "'required' names 'nickname', which is not a property of any 'allOf' part"
            ])
        #expect(result.warnings.first?.mark.line == 12)
        let newPet = try #require(result.document).object("NewPet")
        #expect(newPet.property("name")?.required == true)
    }
}

@Suite("Response keys")
struct ResponseKeyTests {
    /// TomTom's spec has `'404/596'`; extensions may sit among the responses.
    @Test func onlyStatusCodesRangesAndDefaultAreResponses() throws {
        let result = try IRFixtures.readText(
            """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths:
              /a:
                get:
                  operationId: a
                  responses:
                    200: {description: OK., content: {application/json: {schema: {type: string}}}}
                    '4xx': {description: Client error.}
                    '404/596': {description: Not found.}
                    x-note: {anything: here}
                    default: {description: Other.}
            """)
        #expect(result.errors.isEmpty)
        #expect(result.document?.operations.first?.responses.map(\.status) == ["200", "4xx", "default"])
        #expect(
            result.warnings.map(\.message) == [
                "response key '404/596' is not a status code (100–599), a range such as 4XX, or 'default'; the response is ignored"
            ])
        #expect(result.warnings.first?.mark.line == 10)
    }
}
