import Foundation
import SpecGenIR
import Testing

@testable import SpecGenEmit

@Suite("APISurface and APIDiff")
struct APIDiffTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures/Diff"
    ).path
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    private func surface(_ path: String, options: EmitOptions = EmitOptions()) throws -> APISurface {
        let result = SpecReader().read(path: path)
        let document = try #require(result.document, "\(result.diagnostics)")
        return APISurface(document: document, options: options)
    }

    private func diff(_ old: String, _ new: String) throws -> APIDiff {
        APIDiff(old: try surface(Self.folder + "/" + old), new: try surface(Self.folder + "/" + new))
    }

    private func change(_ diff: APIDiff, _ subject: String) throws -> APIDiff.Change {
        let matches = diff.changes.filter { $0.subject == subject }
        #expect(matches.count == 1, "\(subject): \(matches)")
        return try #require(matches.first, "no change for \(subject) in \(diff.changes.map(\.subject))")
    }

    @Test func surfaceUsesTheGeneratedNamesAndSides() throws {
        let api = try surface(Self.folder + "/pets-v1.yaml")
        #expect(api.operations.map(\.name) == ["createPet", "deletePet", "listPets"])
        let list = try #require(api.operations.first { $0.name == "listPets" })
        #expect(list.input == "ListPetsInput" && list.output == "[Pet]")
        let pet = try #require(api.types.first { $0.name == "Pet" })
        #expect(pet.usage == .response)
        #expect(
            pet.properties.first { $0.name == "id" }
                == APISurface.Property(name: "id", type: "String", needsArgument: true))
        #expect(
            pet.properties.first { $0.name == "age" }
                == APISurface.Property(name: "age", type: "Int?", needsArgument: false))
        #expect(api.types.first { $0.name == "NewPet" }?.usage == .request)
        #expect(api.types.first { $0.name == "Status" }?.cases.map(\.value) == ["\"available\"", "\"sold\""])
        #expect(api.types.first { $0.name == "Toy" }?.cases.map(\.name) == ["ball", "rope"])
    }

    @Test func surfaceFollowsNameOverridesAndFilters() throws {
        var options = EmitOptions()
        options.nameOverrides = ["Pet": "Animal"]
        options.operationFilter = ["listPets"]
        let api = try surface(Self.folder + "/pets-v1.yaml", options: options)
        #expect(api.operations.map(\.name) == ["listPets"])
        #expect(api.operations.first?.output == "[Animal]")
        #expect(api.types.contains { $0.name == "Animal" } && !api.types.contains { $0.name == "Pet" })
    }

    @Test func sameSpecHasNoChanges() throws {
        let diff = try diff("pets-v1.yaml", "pets-v1.yaml")
        #expect(diff.changes.isEmpty)
        #expect(APIDiffReport.text(diff) == "no changes to the generated API\n")
    }

    @Test func compatibleChangesBreakNothing() throws {
        let diff = try diff("pets-v1.yaml", "pets-v1-compatible.yaml")
        #expect(diff.changes.map(\.kind) == [.propertyAdded, .enumCaseAdded])
        #expect(!diff.breaksClients && !diff.breaksServers)
        #expect(try change(diff, "Status.retired").note?.contains(".undocumented") == true)
    }

    @Test func everyRuleOfTheTable() throws {
        let diff = try diff("pets-v1.yaml", "pets-v2.yaml")
        func expect(
            _ subject: String, _ kind: APIDiff.Change.Kind, client: Bool, server: Bool,
            sourceLocation: SourceLocation = #_sourceLocation
        ) throws {
            let found = try change(diff, subject)
            #expect(found.kind == kind, sourceLocation: sourceLocation)
            #expect(found.breaksClients == client, "client", sourceLocation: sourceLocation)
            #expect(found.breaksServers == server, "server", sourceLocation: sourceLocation)
        }
        try expect("adoptPet", .operationAdded, client: false, server: true)
        try expect("deletePet", .operationRemoved, client: true, server: false)
        try expect("DeletePetInput", .typeRemoved, client: true, server: true)
        try expect("AdoptPetInput", .typeAdded, client: false, server: false)
        // A new required parameter is a required member of the input struct: callers must pass it.
        try expect("ListPetsInput.owner", .propertyAdded, client: true, server: false)
        try expect("NewPet.species", .propertyAdded, client: true, server: false)
        try expect("NewPet.tag", .propertyBecameOptional, client: false, server: true)
        try expect("Pet.age", .propertyBecameRequired, client: false, server: true)
        try expect("Pet.name", .propertyBecameOptional, client: true, server: false)
        try expect("Pet.nickname", .propertyRemoved, client: true, server: true)
        try expect("Pet.weight", .propertyTypeChanged, client: true, server: true)
        try expect("Pet.color", .propertyAdded, client: false, server: false)
        try expect("Status.sold", .enumCaseRemoved, client: true, server: true)
        try expect("Status.retired", .enumCaseAdded, client: false, server: false)
        try expect("Toy.stick", .unionCaseAdded, client: true, server: false)
        #expect(try change(diff, "Pet.weight").detail == "Int? → Double?")
        #expect(diff.changes.count == 16)
        // Operations come first.
        #expect(diff.changes.prefix(2).map(\.subject) == ["adoptPet", "deletePet"])
    }

    @Test func reportListsBreakingChangesFirstWithASummary() throws {
        let text = APIDiffReport.text(try diff("pets-v1.yaml", "pets-v2.yaml"))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(
            lines.first
                == "BREAKS SERVERS          operation added          adoptPet: adoptPet(_ input: AdoptPetInput) -> Pet")
        #expect(lines.last == "16 changes: 9 break clients, 7 break servers")
        let firstCompatible = try #require(lines.firstIndex { $0.hasPrefix("compatible") })
        #expect(lines[firstCompatible...].dropLast().allSatisfy { $0.hasPrefix("compatible") })
    }

    /// The two ECR seeds describe the same service two ways: AWS JSON bodies (3.1) and query
    /// items (2.0, only three operations). The diff must say exactly that.
    @Test func ecrOpenAPIAgainstSwagger() throws {
        let diff = APIDiff(
            old: try surface(Self.repository + "/Specs/ecr-openapi.yaml"),
            new: try surface(Self.repository + "/Specs/ecr-swagger.yaml"))
        let operations = diff.changes.filter { $0.kind.rawValue.hasPrefix("operation") }
        #expect(
            operations.map { "\($0.kind.rawValue) \($0.subject)" } == [
                "operationRemoved batchGetImage", "operationRemoved createRepository",
                "operationRemoved deleteRepository",
                "operationAdded describeImages", "operationRemoved describeRepositories",
                "operationInputChanged listImages", "operationInputChanged putImage",
            ])
        #expect(try change(diff, "listImages").detail == "ListImagesRequest → ListImagesInput")
        #expect(try change(diff, "Repository").kind == .typeRemoved)
        #expect(try change(diff, "PutImageInput").kind == .typeAdded)
        // Outputs are untyped JSON in both where both have the operation: no output change.
        #expect(!diff.changes.contains { $0.kind == .operationOutputChanged })
        #expect(diff.breaksClients && diff.breaksServers)
        // And back: what was removed is added.
        let back = APIDiff(
            old: try surface(Self.repository + "/Specs/ecr-swagger.yaml"),
            new: try surface(Self.repository + "/Specs/ecr-openapi.yaml"))
        #expect(try change(back, "createRepository").kind == .operationAdded)
        #expect(try change(back, "describeImages").kind == .operationRemoved)
    }
}
