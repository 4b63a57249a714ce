import Foundation
import Testing

@testable import SpecGenEmit

private struct FileContext {
    var header: String
    var access: String
    var imports: [String]
    var types: [TypeContext]
    var unused: [TypeContext]
}

private struct TypeContext {
    var name: String
    var doc: String?
}

/// Rendering a file's lists in chunks on every core (`TemplateSet.renderSplit`) gives the bytes of
/// rendering it whole, and renders it whole when the template's shape does not allow splitting.
@Suite struct SplitRenderTests {
    private static let types = (0..<23).map { TypeContext(name: "Type\($0)", doc: $0 % 3 == 0 ? "doc \($0)" : nil) }
    private static let imports = ["Foundation", "OpenAPIRuntime", "SpecGenRuntime"]
    private static var canSplit: Bool { ProcessInfo.processInfo.activeProcessorCount > 1 }

    /// The template rendered whole and split; the split result, checked to be the same bytes.
    private func render(_ main: String, partials: [String: String] = [:]) throws -> SplitRenderResult {
        var sources = ["Main": (file: "Main.mustache", text: main)]
        for (name, text) in partials { sources[name] = (file: "\(name).mustache", text: text) }
        let templates = try TemplateSet(templates: sources)
        let whole = FileContext(
            header: "// header", access: "public ", imports: Self.imports, types: Self.types, unused: Self.types)
        let expected = try templates.render("Main", context: whole)
        var emptied = whole
        (emptied.imports, emptied.types, emptied.unused) = ([], [], [])
        let result = try templates.renderSplit(
            "Main", context: emptied,
            splitting: [
                SplitList(key: "imports", elements: Self.imports), SplitList(key: "types", elements: Self.types),
                SplitList(key: "unused", elements: Self.types),
            ])
        #expect(Array(result.text.utf8) == Array(expected.utf8))
        #expect(!expected.isEmpty)
        return result
    }

    @Test func splitsSectionsAndPartials() throws {
        let result = try render(
            """
            {{header}}
            {{#imports}}
            import {{.}}
            {{/imports}}
            {{#types}}

            {{> Type}}
            {{/types}}
            // end {{access}}

            """,
            partials: ["Type": "{{#doc}}/// {{.}}\n{{/doc}}{{access}}struct {{name}} {}\n"])
        #expect(result.split == Self.canSplit)
    }

    @Test func splitsInsideAnIndentedPartialWhenNothingFollowsTheSection() throws {
        let result = try render(
            "enum Namespace {\n    {{> Body}}\n}\n", partials: ["Body": "{{#types}}\nstruct {{name}} {}\n{{/types}}"])
        #expect(result.split == Self.canSplit)
    }

    @Test func rendersWholeWhenTextFollowsTheSectionInAnIndentedPartial() throws {
        // Whether `let after` is indented depends on how the section's output ends: the two frames differ.
        let result = try render(
            "enum Namespace {\n    {{> Body}}\n}\n",
            partials: ["Body": "{{#types}}\nstruct {{name}} {}\n{{/types}}\nlet after = 1\n"])
        #expect(!result.split)
    }

    @Test func rendersWholeWhenAListIsInsideItsOwnSection() throws {
        let result = try render(
            "{{#types}}{{> Row}}{{/types}}", partials: ["Row": "{{name}}:{{#types}} {{name}}{{/types}}\n"])
        #expect(!result.split)
    }

    @Test func rendersWholeWhenAListIsTransformed() throws {
        let result = try render("{{#types}}{{name}} of {{count(types)}}\n{{/types}}")
        #expect(!result.split)
    }

    @Test func rendersWholeWhenTextFollowsAnUnfinishedLineInAnIndentedPartial() throws {
        // The section's output ends without a newline: swift-mustache doesn't indent `x`; with the
        // frame's marker ending in one it would. The two frames differ, so the file is rendered whole.
        let result = try render("enum E {\n  {{> Body}}\n}\n", partials: ["Body": "{{#types}}{{name}}{{/types}}x\ny\n"])
        #expect(!result.split)
    }

    @Test func rendersWholeWithSequenceTransforms() throws {
        let result = try render("{{#types}}{{^first()}}, {{/first()}}{{name}}{{/types}}\n")
        #expect(!result.split)
    }

    @Test func rendersWholeWhenAListIsUsedTwice() throws {
        let result = try render("{{#types}}{{name}}\n{{/types}}{{#types}}{{name}}\n{{/types}}")
        #expect(!result.split)
    }

    @Test func rendersWholeWhenASectionUsesAnotherList() throws {
        let result = try render("{{#types}}{{name}}: {{#imports}}{{.}} {{/imports}}\n{{/types}}")
        #expect(!result.split)
    }

    @Test func rendersWholeWhenAListIsPrinted() throws {
        let result = try render("{{imports}}\n")
        #expect(!result.split)
    }

    /// `last()` inside a section on an element's own list counts that list's elements, not the
    /// chunk's: it does not stop a split. At the section's top level, or inside a flag's section
    /// (which keeps the context), it would count the chunk, and does.
    @Test func onlyTheSplitListsOwnPositionTransformsStopASplit() {
        let nested = "{{#schemes}}{{name}}{{^last()}}, {{/last()}}{{/schemes}}"
        #expect(!SplitSectionText.usesSequenceTransforms(nested, nestedContexts: ["schemes"]))
        #expect(SplitSectionText.usesSequenceTransforms(nested, nestedContexts: []))
        let inFlag = "{{#isTyped}}{{^last()}}, {{/last()}}{{/isTyped}}"
        #expect(SplitSectionText.usesSequenceTransforms(inFlag, nestedContexts: ["schemes"]))
        #expect(
            SplitSectionText.usesSequenceTransforms("{{^schemes}}{{index()}}{{/schemes}}", nestedContexts: ["schemes"]))
        #expect(SplitSectionText.usesSequenceTransforms("a{{#first()}}b{{/first()}}"))
        #expect(!SplitSectionText.usesSequenceTransforms("request.body() {{name}}"))
    }

    @Test func aListInAnInvertedSectionOnlyIsSplitAsUnused() throws {
        let result = try render("{{^types}}none{{/types}}{{#imports}}import {{.}}\n{{/imports}}")
        #expect(result.split == Self.canSplit)
    }

    /// The default templates with their example contexts, each list three times over: split (when
    /// there are cores to split for), and the same bytes as whole. A template change that stops a
    /// file splitting makes generation slower, not wrong; this says so.
    @Test func theDefaultTemplatesSplit() throws {
        let templates = try TemplateSet.load(overridesDirectory: nil)
        func thrice<Element>(_ list: [Element]) -> [Element] { list + list + list }
        func check(_ name: String, whole: Any, emptied: Any, _ lists: [SplitList]) throws {
            let expected = try templates.render(name, context: whole)
            let result = try templates.renderSplit(name, context: emptied, splitting: lists)
            #expect(Array(result.text.utf8) == Array(expected.utf8), "\(name)")
            #expect(result.split == Self.canSplit, "\(name)")
        }
        var models = ModelsFileContext.example
        (models.types, models.bodyTypes, models.responseTypes) =
            (thrice(models.types), thrice(models.bodyTypes), thrice(models.responseTypes))
        var emptiedModels = models
        (emptiedModels.types, emptiedModels.bodyTypes, emptiedModels.responseTypes) = ([], [], [])
        try check(
            "Models", whole: models, emptied: emptiedModels,
            [
                SplitList(key: "types", elements: models.types),
                SplitList(key: "bodyTypes", elements: models.bodyTypes),
                SplitList(key: "responseTypes", elements: models.responseTypes),
            ])
        var operations = OperationsFileContext.example
        (operations.operations, operations.allOperations) = (
            thrice(operations.operations), thrice(operations.allOperations)
        )
        var emptiedOperations = operations
        (emptiedOperations.operations, emptiedOperations.allOperations) = ([], [])
        for name in ["Client", "Server"] {
            try check(
                name, whole: operations, emptied: emptiedOperations,
                [
                    SplitList(key: "allOperations", elements: operations.allOperations),
                    SplitList(key: "operations", elements: operations.operations),
                ])
        }
        var stubs = StubsFileContext.example
        stubs.operations = thrice(stubs.operations)
        var emptiedStubs = stubs
        emptiedStubs.operations = []
        try check(
            "Stubs", whole: stubs, emptied: emptiedStubs, [SplitList(key: "operations", elements: stubs.operations)])
    }
}
