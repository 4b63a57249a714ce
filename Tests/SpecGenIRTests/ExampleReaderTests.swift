import SpecGenIR
import SpecGenYAML
import Testing

/// What stubs answer with: the examples a spec gives, and the bounds a built value must honour.
@Suite struct ExampleReaderTests {
    static let spec = """
        openapi: 3.1.0
        info: {title: t, version: '1'}
        paths:
          /a:
            get:
              operationId: a
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Pet'}
                      example: {name: Rex}
                    text/plain:
                      schema: {type: string, example: inline}
          /b:
            get:
              operationId: b
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {type: array, items: {type: integer}}
                      examples:
                        first: {$ref: '#/components/examples/Numbers'}
                        second: {value: [9]}
        components:
          examples:
            Numbers: {value: [1, 2]}
          schemas:
            Pet:
              type: object
              examples: [{name: Tom}, {name: Jerry}]
              required: [name]
              properties:
                name: {type: string, minLength: 2, maxLength: 8, example: Rex}
                age: {type: integer, exclusiveMinimum: 0, maximum: 30}
                tags: {type: array, minItems: 1, items: {type: string}}
            Code:
              type: string
              minLength: 3
              example: abc
        """

    @Test func mediaTypeSchemaAndPropertyExamplesAreKept() throws {
        let document = try #require(try IRFixtures.readText(Self.spec).document)
        let a = try #require(document.operation("a")?.responses.first)
        #expect(a.content.map(\.example) == [.object(["name": .string("Rex")]), .string("inline")])
        // `examples: {name: {$ref}}`: the first, followed to components/examples.
        let b = try #require(document.operation("b")?.responses.first)
        #expect(b.content.first?.example == .array([.int(1), .int(2)]))
        let pet = try #require(document.type("Pet"))
        #expect(pet.example == .object(["name": .string("Tom")]))  // 3.1 `examples`: the first
        let object = try document.object("Pet")
        #expect(object.properties.map(\.example) == [.string("Rex"), nil, nil])
        #expect(document.type("Code")?.example == .string("abc"))
    }

    @Test func boundsAreKeptIn30And31Spellings() throws {
        let document = try #require(try IRFixtures.readText(Self.spec).document)
        let properties = try document.object("Pet").properties
        var name = ValueConstraints()
        (name.minLength, name.maxLength) = (2, 8)
        var age = ValueConstraints()
        (age.minimum, age.exclusiveMinimum, age.maximum) = (0, true, 30)
        var tags = ValueConstraints()
        tags.minItems = 1
        #expect(properties.map(\.constraints) == [name, age, tags])
        #expect(document.type("Code")?.constraints?.minLength == 3)

        let node = try YAMLLoader().loadDocument(Array("{minimum: 5, exclusiveMinimum: true}".utf8), file: "s.yaml")
        var flagged = ValueConstraints()
        (flagged.minimum, flagged.exclusiveMinimum) = (5, true)
        #expect(ValueConstraints(node) == flagged)
        #expect(ValueConstraints(try YAMLLoader().loadDocument(Array("{type: string}".utf8), file: "s.yaml")) == nil)
    }

    @Test func swaggerResponseExamplesByMediaType() throws {
        let text = """
            swagger: '2.0'
            info: {title: t, version: '1'}
            produces: [application/json]
            paths:
              /a:
                get:
                  operationId: a
                  responses:
                    '200':
                      description: ok
                      schema: {type: object, properties: {id: {type: integer}}}
                      examples:
                        application/json: {id: 7}
            """
        let document = try #require(try IRFixtures.readText(text).document)
        #expect(document.operation("a")?.responses.first?.content.first?.example == .object(["id": .int(7)]))
    }
}
