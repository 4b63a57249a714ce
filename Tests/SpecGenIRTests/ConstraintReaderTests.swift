import SpecGenIR
import SpecGenYAML
import Testing

/// The IR keeps every JSON Schema validation keyword of a schema, property, parameter and body,
/// in 3.0, 3.1 and Swagger 2.0 spellings (issue 21).
@Suite("Reader: constraints")
struct ConstraintReaderTests {
    @Test func everyKeywordOfAPropertyIsKept() throws {
        let text = """
            openapi: 3.1.0
            info: {title: t, version: '1'}
            paths: {}
            components:
              schemas:
                Pet:
                  type: object
                  properties:
                    name: {type: string, minLength: 1, maxLength: 10, pattern: '^[A-Z]'}
                    price: {type: number, exclusiveMinimum: 0, maximum: 100, multipleOf: 0.5}
                    tags:
                      type: array
                      minItems: 1
                      maxItems: 5
                      uniqueItems: true
                      items: {type: string, maxLength: 3}
                    labels:
                      type: object
                      minProperties: 1
                      maxProperties: 2
                      additionalProperties: {type: integer, minimum: 0}
            """
        let document = try #require(try IRFixtures.readText(text).document)
        let properties = try document.object("Pet").properties
        var name = ValueConstraints()
        (name.minLength, name.maxLength, name.pattern) = (1, 10, "^[A-Z]")
        var price = ValueConstraints()
        (price.minimum, price.exclusiveMinimum, price.maximum, price.multipleOf) = (0, true, 100, 0.5)
        var item = ValueConstraints()
        item.maxLength = 3
        var tags = ValueConstraints()
        (tags.minItems, tags.maxItems, tags.uniqueItems, tags.items) = (1, 5, true, .init(item))
        var value = ValueConstraints()
        value.minimum = 0
        var labels = ValueConstraints()
        (labels.minProperties, labels.maxProperties, labels.values) = (1, 2, .init(value))
        #expect(properties.map(\.constraints) == [name, price, tags, labels])
    }

    @Test func parametersAndBodiesKeepTheirConstraints() throws {
        let text = """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths:
              /a:
                post:
                  operationId: a
                  parameters:
                    - {name: limit, in: query, schema: {type: integer, minimum: 1, exclusiveMaximum: true, maximum: 9}}
                  requestBody:
                    content:
                      application/json:
                        schema: {type: array, maxItems: 3, items: {type: string}}
                  responses: {'204': {description: ok}}
            """
        let document = try #require(try IRFixtures.readText(text).document)
        let operation = try #require(document.operation("a"))
        var limit = ValueConstraints()
        (limit.minimum, limit.maximum, limit.exclusiveMaximum) = (1, 9, true)
        #expect(operation.parameters.first?.constraints == limit)
        #expect(operation.requestBody?.content.first?.constraints?.maxItems == 3)
    }

    @Test func swaggerParametersAreTheirOwnSchema() throws {
        let text = """
            swagger: '2.0'
            info: {title: t, version: '1'}
            paths:
              /a:
                get:
                  operationId: a
                  parameters:
                    - {name: q, in: query, type: string, maxLength: 4, pattern: '[a-z]+'}
                    - {name: ids, in: query, type: array, maxItems: 2, items: {type: integer, maximum: 7}}
                  responses: {'200': {description: ok}}
            """
        let document = try #require(try IRFixtures.readText(text).document)
        let parameters = try #require(document.operation("a")).parameters
        #expect(parameters.first?.constraints?.maxLength == 4)
        #expect(parameters.first?.constraints?.pattern == "[a-z]+")
        #expect(parameters.last?.constraints?.maxItems == 2)
        #expect(parameters.last?.constraints?.items?.constraints.maximum == 7)
    }

    @Test func aPatternTheEngineCannotCompileIsOneLocatedWarning() throws {
        let text = """
            openapi: 3.1.0
            info: {title: t, version: '1'}
            paths: {}
            components:
              schemas:
                Code: {type: string, maxLength: 3, pattern: '(unclosed'}
            """
        let result = try IRFixtures.readText(text)
        #expect(
            result.diagnostics.map(\.description) == [
                "\(IRFixtures.fixture("inline.yaml")):6:49: warning: pattern '(unclosed' is no regular expression SpecGen can check (ICU, "
                    + "close to ECMA-262); values are not checked against it"
            ])
        #expect(result.document?.type("Code")?.constraints?.pattern == nil)
        #expect(result.document?.type("Code")?.constraints?.maxLength == 3)
    }
}
