import Foundation
import Testing

@testable import SpecGenEmit

/// Every name the default templates use exists in the context they get (mustache would render
/// a misspelt name as nothing, silently).
@Suite("Default templates against their contexts")
struct TemplateContextTests {
    /// Models and its partials (Type, Struct, Enum, Union).
    @Test func modelTemplatesUseOnlyKnownNames() throws {
        let templates = try TemplateSet.load(overridesDirectory: nil)
        #expect(Set(["Models", "Type", "Struct", "Enum", "Union"]).isSubset(of: templates.names))
        try templates.validate("Models", example: ModelsFileContext.example)
    }

    @Test(arguments: ["Client", "Server"])
    func operationTemplatesUseOnlyKnownNames(_ name: String) throws {
        let templates = try TemplateSet.load(overridesDirectory: nil)
        try templates.validate(name, example: OperationsFileContext.example)
    }

    /// Contexts reach the templates through their `Encodable` conformance (`ContextEncoder`): for
    /// every context struct in the examples (which set every optional), the encoded fields must be
    /// exactly its stored properties, or a field would render as nothing.
    @Test func encodedContextsHoldEveryStoredProperty() throws {
        var checked: Set<String> = []
        func visit(_ value: Any, encoded: Any) {
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .optional {
                if let child = mirror.children.first { visit(child.value, encoded: encoded) }
                return
            }
            if mirror.displayStyle == .collection {
                let elements = encoded as? [Any] ?? []
                #expect(elements.count == mirror.children.count, "\(type(of: value))")
                for (child, element) in zip(mirror.children, elements) { visit(child.value, encoded: element) }
                return
            }
            guard mirror.displayStyle == .struct, !(value is String) else { return }
            let fields = (encoded as? RenderedObject)?.fields ?? [:]
            #expect(
                Set(fields.keys) == Set(mirror.children.compactMap(\.label)),
                "\(type(of: value)): \(fields.keys.sorted())")
            checked.insert("\(type(of: value))")
            for child in mirror.children {
                guard let label = child.label, let field = fields[label] else { continue }
                visit(child.value, encoded: field)
            }
        }
        let examples: [any Encodable] = [
            ModelsFileContext.example, OperationsFileContext.example, CallbackURLsFileContext.example,
            SecurityFileContext.example, StubsFileContext.example,
        ]
        for example in examples { visit(example, encoded: ContextEncoder.encode(existential: example)) }
        #expect(checked.count > 50, "\(checked.sorted())")
    }

    @Test func callbackURLsTemplateUsesOnlyKnownNames() throws {
        let templates = try TemplateSet.load(overridesDirectory: nil)
        try templates.validate("CallbackURLs", example: CallbackURLsFileContext.example)
    }

    @Test func aMisspeltNameInAnOverrideIsAnErrorWithItsLine() throws {
        let folder = FileManagerTemporary.folder()
        try "{{{header}}}\n{{#types}}\n{{nmae}}\n{{/types}}\n".write(
            toFile: folder + "/Models.mustache", atomically: true, encoding: .utf8)
        let templates = try TemplateSet.load(overridesDirectory: folder)
        #expect(throws: TemplateError.self) { try templates.render("Models", context: ModelsFileContext.example) }
        do {
            _ = try templates.render("Models", context: ModelsFileContext.example)
        } catch {
            #expect("\(error)".contains("Models.mustache:3:"))
            #expect("\(error)".contains("nmae"))
        }
    }
}

enum FileManagerTemporary {
    static func folder() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("specgen-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
