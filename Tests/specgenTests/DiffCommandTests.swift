import Foundation
import Testing

@Suite("specgen diff")
struct DiffCommandTests {
    static let fixtures = "Tests/SpecGenEmitTests/Fixtures/Diff"

    @Test func breakingChangesExitOneWithAReport() throws {
        let result = try SpecGenBinary.run(["diff", "\(Self.fixtures)/pets-v1.yaml", "\(Self.fixtures)/pets-v2.yaml"])
        #expect(result.status == 1)
        #expect(!result.crashed)
        #expect(
            result.stdout.contains(
                "BREAKS CLIENTS          operation removed        deletePet: deletePet(_ input: DeletePetInput) -> NoContent\n"
            ))
        #expect(result.stdout.hasSuffix("16 changes: 9 break clients, 7 break servers\n"))
    }

    @Test func compatibleChangesExitZero() throws {
        let result = try SpecGenBinary.run([
            "diff", "\(Self.fixtures)/pets-v1.yaml", "\(Self.fixtures)/pets-v1-compatible.yaml",
        ])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("compatible              enum case added          Status.retired"))
    }

    @Test func failOnPicksTheSide() throws {
        // ECR 3.1 → 2.0 breaks both; adding an operation alone breaks only servers.
        let never = try SpecGenBinary.run([
            "diff", "--fail-on", "never", "Specs/ecr-openapi.yaml", "Specs/ecr-swagger.yaml",
        ])
        #expect(never.status == 0)
        let client = try SpecGenBinary.run([
            "diff", "--fail-on", "client", "Specs/ecr-openapi.yaml", "Specs/ecr-swagger.yaml",
        ])
        #expect(client.status == 1)
        #expect(client.stderr.contains("Specs/ecr-openapi.yaml:8:12: warning:"), "spec warnings still go to stderr")
    }

    @Test func jsonForTools() throws {
        let result = try SpecGenBinary.run([
            "diff", "--format", "json", "Specs/ecr-openapi.yaml", "Specs/ecr-swagger.yaml",
        ])
        #expect(result.status == 1)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(root["breaksClients"] as? Bool == true && root["breaksServers"] as? Bool == true)
        let changes = try #require(root["changes"] as? [[String: Any]])
        let listImages = try #require(changes.first { $0["subject"] as? String == "listImages" })
        #expect(listImages["kind"] as? String == "operationInputChanged")
        #expect(listImages["detail"] as? String == "ListImagesRequest → ListImagesInput")
    }

    @Test func unreadableSpecExitsTwoWithItsMark() throws {
        let result = try SpecGenBinary.run([
            "diff", "Tests/SpecGenIRTests/Fixtures/refs-bad.yaml", "Specs/ecr-openapi.yaml",
        ])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("Tests/SpecGenIRTests/Fixtures/refs-bad.yaml:21:30: error:"))
    }
}
