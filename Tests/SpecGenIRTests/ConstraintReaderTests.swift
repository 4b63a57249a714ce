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
                      propertyNames: {maxLength: 64, pattern: '^[a-z]'}
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
        var key = ValueConstraints()
        (key.maxLength, key.pattern) = (64, "^[a-z]")
        (labels.minProperties, labels.maxProperties, labels.values, labels.propertyNames) =
            (1, 2, .init(value), .init(key))
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

    /// OpenAI's `ImageRefParam`: "exactly one of `image_url` or `file_id`" as `anyOf` of
    /// `required` lists beside `not: {required: [both]}`. The lists choose no type: the object keeps
    /// its properties (it used to become a union of two untyped values) and the rules are kept.
    @Test func requiredListsInAnyOfOneOfAndNotAreRulesOnTheObjectsKeys() throws {
        let text = """
            openapi: 3.1.0
            info: {title: t, version: '1'}
            paths: {}
            components:
              schemas:
                ImageRef:
                  type: object
                  properties:
                    image_url: {type: string}
                    file_id: {type: string}
                  anyOf:
                    - required: [image_url]
                    - required: [file_id]
                  oneOf:
                    - {required: [image_url], description: by URL}
                    - required: [file_id]
                  not:
                    required: [image_url, file_id]
                  dependentRequired:
                    image_url: [file_id]
            """
        let result = try IRFixtures.readText(text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let object = try #require(try result.document?.object("ImageRef"))
        #expect(object.properties.map(\.name) == ["image_url", "file_id"])
        #expect(
            object.presence == [
                .anyOf([["image_url"], ["file_id"]]), .oneOf([["image_url"], ["file_id"]]),
                .notAll(["image_url", "file_id"]), .dependentRequired(key: "image_url", requires: ["file_id"]),
            ])
    }

    /// An `allOf` part that is only a choice of `required` lists is a rule on the merged object.
    @Test func anAllOfPartOfRequiredListsIsARuleOnTheMergedObject() throws {
        let text = """
            openapi: 3.1.0
            info: {title: t, version: '1'}
            paths: {}
            components:
              schemas:
                Base:
                  type: object
                  properties:
                    a: {type: string}
                    b: {type: string}
                Either:
                  allOf:
                    - $ref: '#/components/schemas/Base'
                    - oneOf:
                        - required: [a]
                        - required: [b]
            """
        let result = try IRFixtures.readText(text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let object = try #require(try result.document?.object("Either"))
        #expect(object.properties.map(\.name) == ["a", "b"])
        #expect(object.presence == [.oneOf([["a"], ["b"]])])
    }

    /// A rule naming a key the object cannot hold, a rule on a map's keys, and the keywords no
    /// generated code checks: each one located warning, never a silent drop.
    @Test func presenceRulesAndKeywordsNothingChecksAreLocatedWarnings() throws {
        let text = """
            openapi: 3.1.0
            info: {title: t, version: '1'}
            paths: {}
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    a: {type: string}
                    labels:
                      type: object
                      additionalProperties: {type: string}
                      not: {required: [x, y]}
                  dependentRequired: {a: [ghost]}
                Tuple:
                  type: array
                  prefixItems: [{type: string}]
                  contains: {type: integer}
                Odd:
                  type: string
                  not: {enum: [a]}
                  if: {minLength: 1}
            """
        let result = try IRFixtures.readText(text)
        let file = IRFixtures.fixture("inline.yaml")
        let unchecked = "is not checked by generated validation; values are accepted as if it were absent"
        #expect(
            result.diagnostics.map(\.description) == [
                "\(file):13:16: warning: a map's keys are not checked against 'dependentRequired' or "
                    + "'not: {required}'; declare the keys as properties to have them checked",
                "\(file):14:30: warning: 'ghost' is not a property, so a decoded value never holds it; "
                    + "this rule is not checked",
                "\(file):17:7: warning: 'prefixItems' \(unchecked)",
                "\(file):18:7: warning: 'contains' \(unchecked)",
                "\(file):21:7: warning: 'not' (other than 'not: {required: [...]}') \(unchecked)",
                "\(file):22:7: warning: 'if'/'then'/'else' \(unchecked)",
            ])
        #expect(try result.document?.object("Thing").presence == nil)
    }
}
