import SpecGenIR
import Testing

@Suite("Parameter styles in the IR")
struct ParameterStyleReaderTests {
    @Test func openAPIStylesAreTypedAndContentIsRecorded() throws {
        let result = try IRFixtures.readText(
            """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths:
              /a/{id}:
                get:
                  operationId: op
                  parameters:
                  - {name: id, in: path, required: true, style: label, schema: {type: string}}
                  - {name: f, in: query, style: deepObject, explode: true, schema: {type: object}}
                  - {name: odd, in: query, style: sideways, schema: {type: string}}
                  - {name: X-Odd, in: header, style: deepObject, schema: {type: string}}
                  - name: where
                    in: query
                    content: {application/json: {schema: {type: integer}}}
                  responses: {'200': {description: ok}}
            """)
        let operation = try #require(result.document?.operation("op"))
        #expect(operation.parameters.map(\.style) == [.label, .deepObject, nil, nil, nil])
        #expect(operation.parameters.map(\.explode) == [nil, true, nil, nil, nil])
        #expect(operation.parameters.map(\.contentMediaType) == [nil, nil, nil, nil, "application/json"])
        #expect(operation.parameters[4].type == .primitive(.integer, format: nil))
        let unknown = try #require(result.diagnostics.containing("style 'sideways'").first)
        #expect(unknown.mark.line == 10)
        #expect(unknown.message.contains("in query OpenAPI allows form, spaceDelimited, pipeDelimited, deepObject"))
        let misplaced = try #require(result.diagnostics.containing("style 'deepObject'").first)
        #expect(misplaced.mark.line == 11)
    }

    @Test(arguments: [
        ("csv", Parameter.Style.form, false), ("ssv", .spaceDelimited, false), ("tsv", .tabDelimited, false),
        ("pipes", .pipeDelimited, false), ("multi", .form, true),
    ])
    func swaggerCollectionFormatsMapOntoStyles(format: String, style: Parameter.Style, explode: Bool) throws {
        let result = try IRFixtures.readText(
            """
            swagger: '2.0'
            info: {title: t, version: '1'}
            paths:
              /a:
                get:
                  operationId: op
                  parameters:
                  - {name: q, in: query, type: array, items: {type: string}, collectionFormat: \(format)}
                  - {name: h, in: header, type: array, items: {type: string}}
                  responses: {'200': {description: ok}}
            """)
        let parameters = try #require(result.document?.operation("op")?.parameters)
        #expect(
            (parameters[0].style, parameters[0].explode, parameters[0].collectionFormat) == (style, explode, format))
        // A header list without a format is Swagger's default `csv`: OpenAPI's `simple`.
        #expect((parameters[1].style, parameters[1].explode) == (.simple, false))
    }
}
