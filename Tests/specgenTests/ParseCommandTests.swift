import Foundation
import Testing

@Suite("specgen parse")
struct ParseCommandTests {
    func jsonObject(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    @Test func readsTheECROpenAPISpec() throws {
        let result = try SpecGenBinary.run(["parse", "Specs/ecr-openapi.yaml"])
        #expect(result.status == 0, "\(result.stderr)")
        let root = try #require(try jsonObject(result.stdout) as? [String: Any])
        #expect(root["openapi"] as? String == "3.1.0")
        let paths = try #require(root["paths"] as? [String: Any])
        #expect(paths.keys.contains("/#DescribeRepositories"))
        // The seed's `email: [...]` is a one-item YAML list, and parse shows it as one.
        let contact = (root["info"] as? [String: Any])?["contact"] as? [String: Any]
        #expect((contact?["email"] as? [Any])?.count == 1)
    }

    @Test func readsTheECRSwaggerStream() throws {
        let first = try SpecGenBinary.run(["parse", "Specs/ecr-swagger.yaml"])
        #expect(first.status == 0, "\(first.stderr)")
        let root = try #require(try jsonObject(first.stdout) as? [String: Any])
        #expect(root["swagger"] as? String == "2.0")
        #expect((root["paths"] as? [String: Any])?.count == 3)

        let all = try SpecGenBinary.run(["parse", "--all-documents", "Specs/ecr-swagger.yaml"])
        let documents = try #require(try jsonObject(all.stdout) as? [Any])
        #expect(documents.count == 2)
        #expect(documents[1] is NSNull)
    }

    @Test func keysComeOutInDocumentOrder() throws {
        let result = try SpecGenBinary.run(["parse", "Specs/ecr-openapi.yaml"])
        let keys = ["\"openapi\"", "\"info\"", "\"servers\"", "\"paths\""].map {
            result.stdout.range(of: $0)?.lowerBound
        }
        #expect(keys.allSatisfy { $0 != nil })
        #expect(keys.compactMap { $0 } == keys.compactMap { $0 }.sorted())
    }

    @Test func marksOnRequest() throws {
        let result = try SpecGenBinary.run(["parse", "--marks", "Specs/ecr-swagger.yaml"])
        #expect(result.status == 0)
        let root = try #require(try jsonObject(result.stdout) as? [String: Any])
        #expect(root["line"] as? Int == 2)
        #expect(root["column"] as? Int == 1)
        #expect(root["mapping"] is [Any])
    }

    @Test func inputSizeLimitIsAFlag() throws {
        let result = try SpecGenBinary.run(["parse", "--max-input-size", "1000", "Specs/ecr-swagger.yaml"])
        #expect(result.status == 1)
        #expect(
            result.stderr.hasPrefix(
                "Specs/ecr-swagger.yaml:1:1: error: the input is 3942 bytes, over the limit of 1000 bytes"))
    }

    @Test func aMissingFileIsADiagnostic() throws {
        let result = try SpecGenBinary.run(["parse", "Specs/no-such-spec.yaml"])
        #expect(result.status == 1)
        #expect(!result.crashed)
        #expect(result.stderr == "Specs/no-such-spec.yaml:1:1: error: cannot read the file: no such file\n")
    }

    /// Every file of the loader's bad-input corpus ends in its diagnostic and exit status 1, never a signal.
    @Test func badInputCorpusEndsInDiagnosticsAndExitStatusOne() throws {
        let corpus = "Tests/SpecGenYAMLTests/BadInputs"
        let manifest = try String(
            contentsOf: SpecGenBinary.repository.appendingPathComponent("\(corpus)/expected.tsv"),
            encoding: .utf8)
        let rows = manifest.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: "\t") }
        #expect(rows.count >= 15)
        for row in rows {
            let path = "\(corpus)/\(row[0])"
            let result = try SpecGenBinary.run(["parse", path])
            #expect(!result.crashed, "\(path) crashed")
            #expect(result.status == 1, "\(path): status \(result.status)")
            #expect(result.stderr.hasPrefix("\(path):\(row[1]):\(row[2]): error: "), "\(path): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(path) printed a tree")
        }
    }
}
