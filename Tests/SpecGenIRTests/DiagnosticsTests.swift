import SpecGenIR
import SpecGenYAML
import Testing

/// Versions, required fields, and the warnings for what works but is wrong.
@Suite struct DiagnosticsTests {
    @Test(arguments: [
        ("openapi: 2.5.0\ninfo: {title: t, version: '1'}\npaths: {}\n", "unknown OpenAPI version '2.5.0'", 1, 10),
        ("swagger: '1.2'\ninfo: {title: t, version: '1'}\npaths: {}\n", "unknown Swagger version '1.2'", 1, 10),
        ("info: {title: t, version: '1'}\npaths: {}\n", "neither an OpenAPI 3 document", 1, 1),
        ("- just\n- a list\n", "a spec should be a mapping", 1, 1),
    ])
    func unknownDocumentsAreErrorsAtTheOffendingNode(text: String, message: String, line: Int, column: Int) throws {
        let result = try IRFixtures.readText(text)
        #expect(result.document == nil)
        let error = try #require(result.errors.first)
        #expect(error.message.contains(message), "\(error)")
        #expect((error.mark.line, error.mark.column) == (line, column))
    }

    @Test func missingRequiredFieldsAreErrors() throws {
        let result = try IRFixtures.readText(
            """
            openapi: 3.0.0
            info:
              description: no title, no version
            paths:
              /a:
                get:
                  operationId: a
            """)
        #expect(
            result.errors.map(\.message) == [
                "'info' has no 'title'", "'info' has no 'version'",
                "operation 'a' has no 'responses' (OpenAPI 3.0 requires them; 3.1 does not)",
            ])
        #expect(result.errors.map(\.mark.line) == [3, 3, 6])
        let noPaths = try IRFixtures.readText("openapi: 3.0.1\ninfo: {title: t, version: '1'}\n")
        #expect(noPaths.errors.map(\.message) == ["an OpenAPI 3.0 document has no 'paths'"])
        let noPaths31 = try IRFixtures.readText("openapi: 3.1.0\ninfo: {title: t, version: '1'}\n")
        #expect(noPaths31.errors.isEmpty, "3.1 documents may have only webhooks or components")
    }

    /// A problem details schema that requires a member the server cannot fill for its own errors
    /// is said once, at the first response declaring it; one asking only for `title` is not.
    @Test func aProblemSchemaTheServerCannotFillIsWarnedOnceAtItsResponse() throws {
        let result = try IRFixtures.readText(
            """
            openapi: 3.1.0
            info: {title: t, version: '1'}
            paths:
              /a:
                get:
                  operationId: a
                  responses:
                    '200': {description: ok}
                    '400':
                      description: bad
                      content: {application/problem+json: {schema: {$ref: '#/components/schemas/Coded'}}}
                    default:
                      description: other
                      content: {application/problem+json: {schema: {$ref: '#/components/schemas/Titled'}}}
              /b:
                get:
                  operationId: b
                  responses:
                    '200': {description: ok}
                    '404':
                      description: bad
                      content: {application/problem+json: {schema: {$ref: '#/components/schemas/Coded'}}}
            components:
              schemas:
                Coded:
                  type: object
                  required: [title, code]
                  properties: {title: {type: string}, code: {type: integer}}
                Titled:
                  type: object
                  required: [title]
                  properties: {title: {type: string}}
            """)
        let warnings = result.diagnostics.filter { $0.message.contains("problem details") }
        #expect(
            warnings.map { "\($0.mark.line):\($0.mark.column): \($0.message)" } == [
                "9:9: the 400 response's problem details schema requires 'code', which the server's own errors "
                    + "(a malformed request, a missing credential, an unknown path, …) cannot fill: they are written "
                    + "as application/json {\"error\": …} instead"
            ])
    }

    @Test func unusedComponentsAreWarnedAtTheirName() throws {
        let (_, diagnostics) = try IRFixtures.document("components.yaml")
        let unused = diagnostics.containing("is never referenced")
        // Component schemas are generated whether used or not: only the other kinds are reported.
        #expect(unused.map(\.message) == ["parameter 'UnusedParameter' is never referenced"])
        #expect(unused.map(\.mark.line) == [47])
        #expect(unused.allSatisfy { $0.severity == .warning })
    }

    @Test func undeclaredSecuritySchemesAreWarnedWhereTheRequirementNamesThem() throws {
        let result = try IRFixtures.readText(
            """
            openapi: 3.0.0
            info: {title: t, version: '1'}
            security: [{token: []}]
            components:
              securitySchemes:
                token: {type: http, scheme: bearer}
            paths:
              /a:
                get:
                  operationId: a
                  security:
                  - missing: []
                  responses: {'200': {description: ok}}
            """)
        let warnings = result.diagnostics.filter { $0.message.contains("no security scheme declares") }
        #expect(
            warnings.map(\.message) == [
                "security requirement names 'missing', which no security scheme declares; generated routes do not check it"
            ])
        #expect(warnings.map(\.mark.line) == [12])
        #expect(warnings.allSatisfy { $0.severity == .warning })
    }

    @Test func requiredSchemesGeneratedCodeCannotApplyAreWarnedOnceWhereDeclared() throws {
        let result = try IRFixtures.readText(
            """
            openapi: 3.0.0
            info: {title: t, version: '1'}
            components:
              securitySchemes:
                noScheme: {type: http}
                digest: {type: http, scheme: Digest}
                inPath: {type: apiKey, in: path, name: id}
                emptyName: {type: apiKey, in: header, name: ''}
                tls: {type: mutualTLS}
                unusedTLS: {type: mutualTLS}
                sigv4: {type: apiKey, in: header, name: Authorization, x-amazon-apigateway-authtype: awsSigv4}
                badHeader: {type: apiKey, in: header, name: 'X Key'}
            paths:
              /a:
                get:
                  operationId: a
                  security:
                  - {noScheme: [], digest: [], inPath: []}
                  - {emptyName: [], tls: [], sigv4: [], badHeader: []}
                  responses: {'200': {description: ok}}
            """)
        let warnings = result.diagnostics.filter { $0.message.contains("security scheme") }
        #expect(
            warnings.map(\.message) == [
                "apiKey security scheme 'badHeader' names header 'X Key', which is not a valid header name (an HTTP token): no request can carry it, so a requirement naming it is never met (401)",
                "apiKey security scheme 'emptyName' has an empty 'name'; generated code does not apply it",
                "apiKey security scheme 'inPath' is not in a header, the query or a cookie; generated code does not apply it",
                "http security scheme 'noScheme' has no 'scheme'; generated code does not apply it",
                "security scheme 'tls' is mutualTLS, which generated code cannot see (it happens in the TLS layer): routes do not check it; the server's transport must require and verify client certificates, and the client's must present one",
                "security scheme 'unusedTLS' is not required by the document or any operation",
            ])
        #expect(warnings.map(\.mark.line) == [12, 8, 7, 5, 9, 10])
        #expect(warnings.allSatisfy { $0.severity == .warning })
    }

    @Test func anEncodingNamingNoPropertyIsOneWarningWhereItIs() throws {
        let result = try IRFixtures.readText(
            """
            openapi: 3.0.0
            info: {title: t, version: '1'}
            paths:
              /a:
                post:
                  operationId: a
                  requestBody:
                    content:
                      multipart/form-data:
                        schema:
                          type: object
                          properties:
                            file: {type: string, format: binary}
                        encoding:
                          file: {headers: {X-Sum: {schema: {type: string}}}}
                          fiel: {contentType: image/png}
                  responses: {'200': {description: ok}}
            """)
        let warnings = result.diagnostics.containing("'encoding' names")
        #expect(
            warnings.map(\.message) == [
                "'encoding' names 'fiel', which is not a property of the body's schema; it is ignored"
            ])
        #expect(warnings.map(\.mark.line) == [16])
        #expect(warnings.allSatisfy { $0.severity == .warning })
        #expect(result.document?.operations.first?.requestBody?.content.first?.partHeaders?["file"]?.count == 1)
    }

    @Test func examplesContradictingSchemasAreWarnings() throws {
        let result = try IRFixtures.readText(
            """
            openapi: 3.0.0
            info: {title: t, version: '1'}
            paths: {}
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    count: {type: integer, example: many}
                    size: {type: string, enum: [S, M], example: XL}
                  example:
                    count: 3
                    size: [S]
            """)
        #expect(result.errors.isEmpty)
        #expect(
            result.warnings.map(\.message) == [
                "example is a sequence, but its schema expects a string",
                "example is a string, but its schema expects an integer",
                "example value 'XL' is not one of the schema's enum values",
            ])
        #expect(result.warnings.prefix(3).map(\.mark.line) == [13, 9, 10])
    }
}
