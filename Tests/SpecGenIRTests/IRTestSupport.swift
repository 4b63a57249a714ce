import Foundation
import SpecGenIR
import SpecGenYAML
import Testing

/// Paths of the repository's specs and this target's fixtures, found from this file's place.
enum IRFixtures {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let packageRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ name: String) -> String { testsFolder.appendingPathComponent("Fixtures/\(name)").path }
    static func spec(_ name: String) -> String { packageRoot.appendingPathComponent("Specs/\(name)").path }

    /// Reads a fixture (or any path) and returns the result.
    static func read(_ path: String, options: ReaderOptions = ReaderOptions()) -> ReadResult {
        SpecReader(options: options).read(path: path)
    }

    /// Reads a fixture that must give a document without errors.
    static func document(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> (
        APIDocument, [Diagnostic]
    ) {
        let result = read(fixture(name))
        #expect(
            result.errors.isEmpty, "unexpected errors: \(result.errors.map(\.description))",
            sourceLocation: sourceLocation)
        return (try #require(result.document, sourceLocation: sourceLocation), result.diagnostics)
    }

    /// Reads YAML text given inline, as if it were a file named `inline.yaml` in the fixtures folder.
    static func readText(_ text: String) throws -> ReadResult {
        let path = fixture("inline.yaml")
        let node = try YAMLLoader().loadDocument(Array(text.utf8), file: path)
        return SpecReader().read(node, path: path)
    }
}

extension APIDocument {
    /// The object declaration with this id, or a test failure.
    func object(_ id: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> ObjectType {
        let decl = try #require(type(id), "no type '\(id)' in \(types.map(\.id))", sourceLocation: sourceLocation)
        guard case .object(let object) = decl.kind else {
            Issue.record("'\(id)' is \(decl.kind), not an object", sourceLocation: sourceLocation)
            return ObjectType(properties: [], additionalProperties: .allowed)
        }
        return object
    }
}

extension ObjectType {
    func property(_ name: String) -> Property? { properties.first { $0.name == name } }
}

extension [Diagnostic] {
    /// Diagnostics whose message contains `text`.
    func containing(_ text: String) -> [Diagnostic] { filter { $0.message.contains(text) } }
}

extension IRFixtures {
    /// Reads a spec of the repository's `Specs/` that must give a document without errors.
    static func specDocument(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> (
        APIDocument, [Diagnostic]
    ) {
        let result = read(spec(name))
        #expect(
            result.errors.isEmpty, "unexpected errors: \(result.errors.map(\.description))",
            sourceLocation: sourceLocation)
        return (try #require(result.document, sourceLocation: sourceLocation), result.diagnostics)
    }
}
