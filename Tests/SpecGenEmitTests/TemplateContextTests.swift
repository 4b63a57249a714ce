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

    /// The model contexts list their fields by hand for rendering (no `Mirror`, issue 12): every
    /// list must name exactly the stored properties, in order, or a field would render as nothing.
    @Test func listedFieldsAreExactlyTheStoredProperties() throws {
        var checked: Set<String> = []
        func visit(_ value: Any) {
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .optional || mirror.displayStyle == .collection {
                for child in mirror.children { visit(child.value) }
                return
            }
            guard mirror.displayStyle == .struct else { return }
            if let listed = value as? any RenderedFields {
                let reflected = mirror.children.compactMap(\.label)
                #expect(listed.renderedFields.map(\.0) == reflected, "\(type(of: value))")
                checked.insert("\(type(of: value))")
            }
            for child in mirror.children { visit(child.value) }
        }
        visit(ModelsFileContext.example)
        #expect(checked.count == 22, "\(checked.sorted())")
    }

    /// A nil field of a listed model context renders as NSNull, which stops mustache's lookup at
    /// that level: only the same as a missing key while no other context of the models file (listed
    /// or reflected) has a field of that name.
    @Test func optionalFieldNamesBelongToOneModelContext() throws {
        var optionalOwners: [String: Set<String>] = [:]
        var allOwners: [String: Set<String>] = [:]
        func visit(_ value: Any) {
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .optional || mirror.displayStyle == .collection {
                for child in mirror.children { visit(child.value) }
                return
            }
            guard mirror.displayStyle == .struct else { return }
            for child in mirror.children {
                guard let label = child.label else { continue }
                allOwners[label, default: []].insert("\(type(of: value))")
                if value is any RenderedFields, Mirror(reflecting: child.value).displayStyle == .optional {
                    optionalOwners[label, default: []].insert("\(type(of: value))")
                }
                visit(child.value)
            }
        }
        visit(ModelsFileContext.example)
        #expect(optionalOwners.count == 16, "\(optionalOwners.keys.sorted())")
        for label in optionalOwners.keys {
            #expect(allOwners[label]?.count == 1, "'\(label)' is a field of \(allOwners[label] ?? [])")
        }
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
