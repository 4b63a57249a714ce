import SpecGenIR
import SpecGenYAML
import Testing

@testable import SpecGenEmit

/// What `StubValues` picks for a stub: an example only when the generated type decodes it, else
/// the smallest value the schema allows, and nothing when no finite value exists.
@Suite struct StubValuesTests {
    static let spec = """
        openapi: 3.1.0
        info: {title: t, version: '1'}
        paths: {}
        components:
          schemas:
            Loop:
              type: object
              required: [next]
              properties:
                next: {$ref: '#/components/schemas/Loop'}
            Chain:
              type: object
              required: [value]
              properties:
                value: {type: integer, exclusiveMaximum: -3}
                next: {$ref: '#/components/schemas/Chain'}
                items: {type: array, items: {$ref: '#/components/schemas/Chain'}}
            Small: {type: integer, format: int32}
            When: {type: string, format: date-time}
            Photo: {type: string, format: byte}
            Shape:
              oneOf:
              - $ref: '#/components/schemas/Square'
              discriminator:
                propertyName: kind
                mapping: {sq: '#/components/schemas/Square'}
            Square:
              type: object
              required: [kind, side]
              properties:
                kind: {type: string}
                side: {type: number, minimum: 0.5}
        """

    static func values() throws -> StubValues {
        let node = try YAMLLoader().loadDocument(Array(spec.utf8), file: "stubs.yaml")
        let document = try #require(SpecReader().read(node, path: "stubs.yaml").document)
        return StubValues(document: document)
    }

    @Test func requiredSelfReferenceHasNoFiniteValue() throws {
        #expect(try Self.values().choice(for: MediaContent(mediaType: "application/json", type: .named("Loop"))) == nil)
    }

    /// Optional recursion is left out, arrays stay empty, bounds are honoured.
    @Test func recursionThroughOptionalsAndArraysEnds() throws {
        let choice = try Self.values().choice(for: MediaContent(mediaType: "application/json", type: .named("Chain")))
        #expect(choice == StubValues.Choice(preferred: nil, minimal: .object(["value": .int(-4)])))
    }

    @Test func discriminatedVariantCarriesItsTag() throws {
        let choice = try Self.values().choice(for: MediaContent(mediaType: "application/json", type: .named("Shape")))
        #expect(choice?.minimal == .object(["kind": .string("sq"), "side": .double(0.5)]))
    }

    @Test func examplesThatWouldNotDecodeAreRefused() throws {
        let values = try Self.values()
        #expect(!values.fits(.int(1 << 40), .named("Small")))
        #expect(values.fits(.int(7), .named("Small")))
        #expect(!values.fits(.string("yesterday"), .named("When")))
        #expect(values.fits(.string("2024-02-29T12:00:00Z"), .named("When")))
        #expect(!values.fits(.string("not base64!"), .named("Photo")))
        #expect(!values.fits(.object(["kind": .string("circle"), "side": .int(1)]), .named("Shape")))
        #expect(!values.fits(.object(["kind": .string("sq")]), .named("Square")))  // side is required

        var content = MediaContent(mediaType: "application/json", type: .named("Small"))
        content.example = .string("seven")
        #expect(values.choice(for: content) == StubValues.Choice(preferred: nil, minimal: .int(0)))
    }

    @Test func jsonTextIsDeterministicAndEscaped() {
        let value = JSONValue.object(["b": .array([.null, .bool(true)]), "a": .string("\"\\\n\u{1}")])
        #expect(value.jsonText == #"{"a":"\"\\\n\u0001","b":[null,true]}"#)
    }
}
