import Foundation

/// Paths of the small fixture files next to these tests.
enum FixturePaths {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    static func fixture(_ name: String) -> String {
        folder.appendingPathComponent("Fixtures").appendingPathComponent(name).path
    }

    static func badInput(_ name: String) -> String {
        folder.appendingPathComponent("BadInputs").appendingPathComponent(name).path
    }

    /// The repository's `Specs/` folder.
    static func spec(_ name: String) -> String {
        folder.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Specs").appendingPathComponent(name).path
    }
}
