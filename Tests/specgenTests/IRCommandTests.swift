import Foundation
import Testing

@Suite("specgen ir")
struct IRCommandTests {
    @Test func printsTheECRIRAsSortedJSONWithWarningsOnStderr() throws {
        let result = try SpecGenBinary.run(["ir", "Specs/ecr-openapi.yaml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Specs/ecr-openapi.yaml:8:12: warning: 'email' should be a string"))
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let operations = try #require(root["operations"] as? [[String: Any]])
        #expect(operations.count == 6)
        let route = try #require(operations.first?["route"] as? [String: Any])
        #expect(route["path"] as? String == "/")
        // Sorted keys: "info" before "operations" before "protocol" before "types".
        let positions = ["\"info\"", "\"operations\"", "\"protocol\"", "\"types\""].compactMap {
            result.stdout.range(of: $0)?.lowerBound
        }
        #expect(positions.count == 4 && positions == positions.sorted())
        #expect(!result.stdout.contains("\\/"), "slashes are not escaped")
    }

    @Test func outputIsTheSameEveryRun() throws {
        let first = try SpecGenBinary.run(["ir", "Specs/ecr-swagger.yaml"])
        let second = try SpecGenBinary.run(["ir", "Specs/ecr-swagger.yaml"])
        #expect(first.status == 0)
        #expect(!first.stdout.isEmpty && first.stdout == second.stdout)
    }

    @Test func warningsAsErrorsFails() throws {
        let result = try SpecGenBinary.run(["ir", "--warnings-as-errors", "Specs/ecr-swagger.yaml"])
        #expect(result.status == 1)
        #expect(!result.crashed)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr.contains(
                "warning: response 200 of 'listImages' declares no content; an AWS Query API (routed by 'Action')"
                    + " answers with a document"))
    }

    @Test func errorsFailWithTheirMark() throws {
        let result = try SpecGenBinary.run(["ir", "Tests/SpecGenIRTests/Fixtures/refs-bad.yaml"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr.contains(
                "Tests/SpecGenIRTests/Fixtures/refs-bad.yaml:21:30: error: '$ref: #/components/schemas/Nope' points at nothing"
            ))
    }
}
