import Foundation
import SpecGenIR
import SpecGenYAML
import Testing

/// `$ref`: pointers with escapes, other files (YAML and JSON) next to the spec, refused refs, cycles.
@Suite struct RefResolverTests {
    @Test func refsIntoOtherFilesAreLoadedOnceAndNamed() throws {
        let (document, _) = try IRFixtures.document("refs/main.yaml")
        let listPets = try #require(document.operation("listPets"))
        #expect(listPets.parameters.map(\.name) == ["limit"])
        #expect(listPets.parameters.first?.type == .primitive(.integer, format: "int32"))
        #expect(listPets.responses.first?.content.first?.type == .array(.named("Pet")))
        #expect(document.type("Pet")?.source == "pet.yaml#")
        // pet.yaml → shared.json → pet.yaml again: one declaration each, refs between them named.
        #expect(try document.object("Pet").property("owner")?.type == .named("Owner"))
        #expect(try document.object("Owner").property("pets")?.type == .array(.named("Pet")))
        #expect(document.operation("listOwners")?.responses.first?.content.first?.type == .named("Owner"))
        #expect(document.types.filter { $0.id.hasPrefix("Pet") || $0.id.hasPrefix("Owner") }.count == 2)
    }

    @Test func pointerEscapesAndPercentEncoding() throws {
        let (document, _) = try IRFixtures.document("refs/main.yaml")
        let odd = try #require(document.operation("odd")?.responses.first?.content.first?.type)
        #expect(odd == .named("OddResponse"))
        let response = try document.object("OddResponse")
        #expect(response.property("slash")?.type == .named("a/b"))
        #expect(response.property("tilde")?.type == .named("c~d"))
        #expect(response.property("spaced")?.type == .named("with space"))
        #expect(document.type("a/b")?.kind == .alias(.primitive(.string, format: nil)))
        #expect(document.type("c~d")?.kind == .alias(.primitive(.integer, format: nil)))
        #expect(response.property("again")?.type == .named("Pet"))
    }

    @Test func refsLeavingTheSpecFolderAreRefusedUnlessAllowed() throws {
        let path = IRFixtures.fixture("escape/spec.yaml")
        let refused = IRFixtures.read(path)
        let error = try #require(refused.errors.first)
        #expect(error.message.contains("'$ref: ../outside/secret.yaml' leaves the spec's folder"))
        #expect((error.mark.file, error.mark.line) == (path, 12))
        let allowed = IRFixtures.read(path, options: ReaderOptions(allowedRoot: IRFixtures.fixture("")))
        #expect(allowed.errors.isEmpty)
        #expect(allowed.document?.operation("getX")?.responses.first?.content.first?.type == .named("Secret"))
    }

    @Test func remoteMissingAndUnloadableRefsAreErrorsAtTheRef() throws {
        let result = IRFixtures.read(IRFixtures.fixture("refs-bad.yaml"))
        #expect(result.errors.count == 3)
        let remote = try #require(result.errors.containing("https://example.com/schemas/pet.yaml#/Pet").first)
        #expect(remote.message.contains("never fetches"))
        #expect(remote.mark.line == 12)
        let missing = try #require(
            result.errors.containing("'$ref: #/components/schemas/Nope' points at nothing").first)
        #expect((missing.mark.line, missing.mark.column) == (21, 30))
        let unloadable = try #require(result.errors.containing("absent.yaml#/Pet").first)
        #expect(unloadable.message.contains("no such file"))
        // Reading went on: every operation is still there, with untyped JSON where the ref failed.
        #expect(result.document?.operations.count == 3)
        #expect(result.document?.operation("missing")?.responses.first?.content.first?.type == .untypedJSON)
    }

    @Test func cyclesStayNamedReferences() throws {
        let result = IRFixtures.read(IRFixtures.fixture("cycles.yaml"))
        let document = try #require(result.document)
        #expect(try document.object("TreeNode").property("children")?.type == .array(.named("TreeNode")))
        #expect(try document.object("A").property("b")?.type == .named("B"))
        #expect(try document.object("B").property("a")?.type == .named("A"))
        #expect(try document.object("B.Inline").property("back")?.type == .named("A"))
        // Refs that only point at each other never reach a schema: an error, not a hang.
        #expect(result.errors.containing("chain of refs that never reaches a value").count == 2)
    }

    /// Past 16 entries a mapping is looked up through an index and each followed ref is
    /// remembered (issue 12): the answers must stay those of a scan, and a missing target is
    /// still one error at each ref that names it, never a remembered one.
    @Test func refsIntoLargeMappingsAreIndexedAndRememberedWithTheSameAnswers() throws {
        let names = (0..<40).map { "Schema\($0)" }
        var text = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        for name in names { text += "    \(name): {type: string}\n" }
        text += """
                Holder:
                  type: object
                  properties:
                    first: {$ref: '#/components/schemas/Schema0'}
                    last: {$ref: '#/components/schemas/Schema39'}
                    again: {$ref: '#/components/schemas/Schema39'}
                    gone: {$ref: '#/components/schemas/Schema40'}
                    goneAgain: {$ref: '#/components/schemas/Schema40'}

            """
        let result = try IRFixtures.readText(text)
        let holder = try #require(result.document).object("Holder")
        #expect(holder.property("first")?.type == .named("Schema0"))
        #expect(holder.property("last")?.type == .named("Schema39"))
        #expect(holder.property("again")?.type == .named("Schema39"))
        let missing = result.errors.containing("'$ref: #/components/schemas/Schema40' points at nothing")
        #expect(missing.map(\.mark.line) == [52, 53])
    }
}
