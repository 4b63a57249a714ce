import SpecGenIR
import SpecGenYAML
import Testing

/// Inline schemas get stable, collision-free names from where they appear.
@Suite struct NamingTests {
    @Test func inlineSchemasAreNamedFromTheirContext() throws {
        let (document, _) = try IRFixtures.document("naming.yaml")
        let create = try #require(document.operation("createThing"))
        // `CreateThingRequest` is a component, so the inline request body takes the next free name.
        #expect(create.requestBody?.content.first?.type == .named("CreateThingRequest2"))
        #expect(try document.object("CreateThingRequest").property("written") != nil)
        let request = try document.object("CreateThingRequest2")
        #expect(request.property("settings")?.type == .named("CreateThingRequest2.Settings"))
        #expect(
            try document.object("CreateThingRequest2.Settings").property("mode")?.type
                == .named("CreateThingRequest2.Settings.Mode"))
        #expect(request.property("tags")?.type == .array(.named("CreateThingRequest2.TagsItem")))
        let nested = try #require(document.type("CreateThingRequest2.Settings"))
        #expect((nested.name, nested.parent) == ("Settings", "CreateThingRequest2"))
        #expect(
            create.responses.map(\.content.first?.type) == [
                .named("CreateThingResponse"), .named("CreateThingResponse400"),
            ])
    }

    @Test func nestedNamesCollidingWithinAParentGetASuffix() throws {
        let (document, _) = try IRFixtures.document("naming.yaml")
        let thing = try document.object("Thing")
        #expect(thing.property("settings")?.type == .named("Thing.Settings"))
        #expect(thing.property("Settings")?.type == .named("Thing.Settings2"))
    }

    @Test func operationWithoutIDGetsOneFromMethodAndPath() throws {
        let (document, diagnostics) = try IRFixtures.document("naming.yaml")
        let derived = try #require(document.operations.last)
        #expect(derived.id == "getThingsByThingIdParts")
        #expect(derived.idIsDerived == true)
        #expect(derived.parameters.last?.type == .named("GetThingsByThingIdPartsSortOrder"))
        let warning = try #require(diagnostics.containing("GET /things/{thingId}/parts has no operationId").first)
        #expect((warning.severity, warning.mark.line) == (.warning, 41))
    }

    @Test func theSameSpecGivesTheSameIR() throws {
        let first = IRFixtures.read(IRFixtures.fixture("naming.yaml")).document
        let second = IRFixtures.read(IRFixtures.fixture("naming.yaml")).document
        #expect(first != nil && first == second)
        #expect(first?.types.map(\.id) == first?.types.map(\.id).sorted())
    }
}
