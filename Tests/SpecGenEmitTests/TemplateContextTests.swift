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
