import Foundation
import Testing

@testable import SpecGenYAML

/// One case of the bad-input corpus: a file and the diagnostic it must produce.
struct BadInputCase: CustomTestStringConvertible, Sendable {
    var file: String
    var line: Int
    var column: Int
    var fragment: String

    var testDescription: String { file }

    /// Reads `BadInputs/expected.tsv`: file, line, column, message fragment (`{dir}` = the corpus folder).
    static func all() -> [BadInputCase] {
        let manifest = FixturePaths.badInput("expected.tsv")
        let text = (try? String(contentsOfFile: manifest, encoding: .utf8)) ?? ""
        let directory = FixturePaths.folder.appendingPathComponent("BadInputs").path
        return text.split(separator: "\n").compactMap { row in
            guard !row.hasPrefix("#") else { return nil }
            let fields = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4, let line = Int(fields[1]), let column = Int(fields[2]) else { return nil }
            let fragment = fields[3].replacingOccurrences(of: "{dir}", with: directory)
            return BadInputCase(file: fields[0], line: line, column: column, fragment: fragment)
        }
    }
}

@Suite("The bad-input corpus")
struct BadInputCorpusTests {
    @Test func theCorpusIsComplete() throws {
        let cases = BadInputCase.all()
        #expect(cases.count >= 15)
        let files = try FileManager.default.contentsOfDirectory(atPath: FixturePaths.badInput(""))
            .filter { $0 != "expected.tsv" }
        #expect(Set(files) == Set(cases.map(\.file)), "every corpus file has an expectation, and the reverse")
    }

    @Test(arguments: BadInputCase.all())
    func endsInItsDiagnostic(_ input: BadInputCase) {
        let path = FixturePaths.badInput(input.file)
        do {
            let node = try YAMLLoader().loadDocument(atPath: path)
            Issue.record("loaded without error: \(node.kindDescription)")
        } catch {
            #expect(error.mark.file == path)
            #expect(error.mark.line == input.line)
            #expect(error.mark.column == input.column)
            #expect(error.message.contains(input.fragment), "message: \(error.message)")
            #expect(error.description.hasPrefix("\(path):\(input.line):\(input.column): error: "))
        }
    }
}
