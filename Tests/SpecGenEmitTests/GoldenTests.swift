import Foundation
import SpecGenEmit
import SpecGenIR
import Testing

/// Every spec in `Specs/` generates, in all modes (stubs too), exactly the files under `Tests/Golden/<spec>/`.
///
/// To accept a change on purpose: `SPECGEN_RECORD_GOLDENS=1 swift test --filter GoldenTests`, then
/// review the diff like code. Recording still fails the run ("recorded new baseline"), so a
/// recording can never pass CI unnoticed.
@Suite("Golden files")
struct GoldenTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var specs: [String] {
        let folder = repository.appendingPathComponent("Specs")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }.sorted()
    }

    static func goldenFolder(_ spec: String) -> URL {
        repository.appendingPathComponent("Tests/Golden").appendingPathComponent(
            (spec as NSString).deletingPathExtension)
    }

    @Test func thereAreSpecsToCheck() {
        #expect(Self.specs.count >= 3)
    }

    @Test(arguments: GoldenTests.specs)
    func generatedCodeMatchesGolden(_ spec: String) throws {
        let path = Self.repository.appendingPathComponent("Specs").appendingPathComponent(spec).path
        let result = SpecGenPipeline.generate(
            specAt: path, options: PipelineOptions(emit: EmitOptions(modes: Set(EmitOptions.Mode.allCases))))
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.templateError == nil, "\(String(describing: result.templateError))")
        let files = result.files
        try #require(!files.isEmpty)
        let folder = Self.goldenFolder(spec)

        if ProcessInfo.processInfo.environment["SPECGEN_RECORD_GOLDENS"] == "1" {
            let report = try OutputWriter(directory: folder.path).write(files)
            Issue.record("recorded new baseline for \(spec): \(report.written) written; review and commit it")
            return
        }
        let stale = OutputWriter(directory: folder.path).staleFiles(files)
        for file in stale {
            let expected = folder.appendingPathComponent(file.name)
            let actual = files.first { $0.name == file.name }?.contents ?? ""
            Issue.record("\(spec): \(file)\n\(Self.unifiedDiff(expected: expected, actual: actual))")
        }
    }

    /// The golden folders are the paths of library targets, so `swift build` compiles them with
    /// warnings as errors; this checks each spec's folder is one, so none can drift out of the build.
    @Test func everyGoldenFolderIsACompiledTarget() throws {
        let manifest = try String(contentsOf: Self.repository.appendingPathComponent("Package.swift"), encoding: .utf8)
        for spec in Self.specs {
            let name = (spec as NSString).deletingPathExtension
            #expect(
                manifest.contains("path: \"Tests/Golden/\(name)\", swiftSettings: warningsAsErrors"),
                "Package.swift has no target building Tests/Golden/\(name)")
        }
    }

    /// `diff -u` between the golden file and what was generated.
    static func unifiedDiff(expected: URL, actual: String) -> String {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent(
            "specgen-golden-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: temporary) }
        guard (try? actual.write(to: temporary, atomically: true, encoding: .utf8)) != nil else { return "(no diff)" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/diff")
        process.arguments = ["-u", expected.path, temporary.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        guard (try? process.run()) != nil else { return "(diff not available)" }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output.prefix(20_000), as: UTF8.self)
    }
}
