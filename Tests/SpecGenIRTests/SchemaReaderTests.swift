import SpecGenIR
import SpecGenYAML
import Testing

/// Schemas → types: nullability, const, `$ref` siblings, formats, enums, annotations.
@Suite struct SchemaReaderTests {
    @Test func nullableInOpenAPI30IsOptional() throws {
        let (document, diagnostics) = try IRFixtures.document("nullable-30.yaml")
        let pet = try document.object("Pet")
        #expect(pet.property("tag")?.type == .optional(.primitive(.string, format: nil)))
        #expect(pet.property("tag")?.required == true, "required and nullable: present, maybe null")
        #expect(pet.property("name")?.type == .primitive(.string, format: nil))
        #expect(pet.property("owner")?.type == .named("Owner"))
        #expect(pet.property("owner")?.description == "ignored in 3.0 but harmless")
        // Schema keywords beside $ref mean nothing before 3.1: warned, the ref wins.
        #expect(pet.property("legacy")?.type == .named("Owner"))
        let ignored = diagnostics.containing("keys beside '$ref' are ignored before OpenAPI 3.1: properties")
        #expect(ignored.count == 1 && ignored[0].mark.line == 17)
    }

    @Test func typeArraysConstAndRefSiblingsIn31() throws {
        let (document, _) = try IRFixtures.document("schema-31.yaml")
        let pet = try document.object("Pet")
        #expect(pet.property("nickname")?.type == .optional(.primitive(.string, format: nil)))
        #expect(pet.property("kind")?.type == .named("Pet.Kind"))
        #expect(
            document.type("Pet.Kind")?.kind
                == .enumeration(EnumType(rawType: .string, values: [.string("dog")], nullable: false, isConst: true)))
        #expect(document.type("Pet.Kind")?.parent == "Pet")
        #expect(pet.property("owner")?.type == .named("Owner"))
        #expect(pet.property("owner")?.description == "The owner, described beside the ref.")
        // A ref with schema keywords beside it is both: an allOf of the ref and the rest.
        #expect(pet.property("detailedOwner")?.type == .named("Pet.DetailedOwner"))
        let detailed = try document.object("Pet.DetailedOwner")
        #expect(detailed.composedOf == ["Owner"])
        #expect(detailed.properties.map(\.name) == ["id", "email"])
        #expect(detailed.property("email")?.required == true)
        #expect(pet.property("maybeOwner")?.type == .optional(.named("Owner")))
        #expect(pet.property("anything")?.type == .untypedJSON)
    }

    @Test func formatsEnumsAndAnnotations() throws {
        let (document, _) = try IRFixtures.document("formats.yaml")
        let sample = try document.object("Sample")
        let formats = [
            "i32": "int32", "i64": "int64", "f": "float", "d": "double", "at": "date-time", "day": "date",
            "bytes": "byte", "raw": "binary", "uuid": "uuid", "link": "uri",
        ]
        for (name, format) in formats {
            guard case .primitive(_, let written)? = sample.property(name)?.type else {
                Issue.record("\(name) is not a primitive")
                continue
            }
            #expect(written == format)
        }
        #expect(sample.property("i64")?.type == .primitive(.integer, format: "int64"))
        #expect(sample.property("d")?.type == .primitive(.number, format: "double"))
        #expect(
            document.type("Sample.Size")?.kind
                == .enumeration(
                    EnumType(
                        rawType: .string, values: [.string("small"), .string("large")], nullable: false, isConst: false)
                ))
        #expect(sample.property("size")?.defaultValue == .string("small"))
        #expect(
            document.type("Sample.Level")?.kind
                == .enumeration(
                    EnumType(rawType: .integer, values: [.int(1), .int(2), .int(3)], nullable: false, isConst: false)))
        #expect(sample.property("id")?.readOnly == true)
        #expect(sample.property("secret")?.writeOnly == true)
        #expect(sample.property("old")?.deprecated == true)
        #expect(sample.property("count")?.defaultValue == .int(10))
        #expect(sample.property("count")?.extensions == ["x-unit": .string("items")])
        #expect(document.type("Sample")?.extensions == ["x-internal": .bool(true)])
        let legacy = try #require(document.type("Legacy"))
        #expect(legacy.kind == .alias(.primitive(.string, format: nil)))
        #expect(legacy.deprecated == true)
        #expect(legacy.description == "Kept for old clients.")
        #expect(legacy.source == "#/components/schemas/Legacy")
    }

    @Test func allOfThatContainsItselfIsWarnedNotExpanded() throws {
        let result = try IRFixtures.readText(
            """
            openapi: 3.0.0
            info: {title: t, version: '1'}
            paths: {}
            components:
              schemas:
                Self:
                  allOf:
                  - $ref: '#/components/schemas/Self'
                  - properties:
                      name: {type: string}
            """)
        #expect(result.errors.isEmpty)
        #expect(result.warnings.containing("'allOf' part 'Self' contains the type being built").first?.mark.line == 8)
        #expect(try #require(result.document).object("Self").properties.map(\.name) == ["name"])
    }

    @Test func additionalPropertiesTrueFalseAndSchema() throws {
        let (document, _) = try IRFixtures.document("additional-properties.yaml")
        // Written `true`: the extra members are kept (as any JSON), not dropped.
        #expect(try document.object("Open").additionalProperties == .typed(.untypedJSON))
        #expect(try document.object("Closed").additionalProperties == .forbidden)
        #expect(try document.object("Typed").additionalProperties == .typed(.primitive(.integer, format: nil)))
        let holder = try document.object("Holder")
        #expect(holder.property("labels")?.type == .dictionary(.primitive(.string, format: nil)))
        #expect(holder.property("bag")?.type == .dictionary(.untypedJSON))
        // `additionalProperties: false` with no properties: an always-empty struct, not a map.
        #expect(holder.property("nothing")?.type == .named("Holder.Nothing"))
        #expect(try document.object("Holder.Nothing") == ObjectType(properties: [], additionalProperties: .forbidden))
    }

    @Test func allOfMergesAndUnionsKeepTheirDiscriminator() throws {
        let (document, _) = try IRFixtures.document("composition.yaml")
        let cat = try document.object("Cat")
        #expect(cat.composedOf == ["Base"])
        #expect(cat.properties.map(\.name) == ["id", "name", "purrs"])
        #expect(cat.property("name")?.required == true, "required by the second part")
        #expect(
            cat.property("name")?.description == "overridden",
            "a later part's property replaces the earlier one in place")
        #expect(cat.property("id")?.required == true)
        #expect(try document.object("Dog").properties.map(\.name) == ["id", "name", "barks"])
        guard case .union(let pet)? = document.type("Pet")?.kind else {
            Issue.record("Pet is not a union")
            return
        }
        #expect(pet.rule == .oneOf)
        #expect(pet.variants == [.named("Cat"), .named("Dog")])
        #expect(pet.discriminator == Discriminator(propertyName: "petType", mapping: ["kitty": "Cat", "doggo": "Dog"]))
        guard case .union(let contact)? = document.type("Contact")?.kind else {
            Issue.record("Contact is not a union")
            return
        }
        #expect(contact.rule == .anyOf)
        #expect(contact.variants == [.primitive(.string, format: nil), .named("Contact.Variant2")])
        #expect(contact.discriminator == nil)
    }
}
