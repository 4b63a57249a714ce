import SpecGenIR
import SpecGenYAML
import Testing

/// The facts issue 3 asks of the two ECR seeds in `Specs/`.
@Suite struct ECRSpecTests {
    static let operationNames = [
        "CreateRepository", "DescribeRepositories", "DeleteRepository", "PutImage", "BatchGetImage", "ListImages",
    ]

    @Test func openAPISeedReadsWithWarningsOnly() throws {
        let result = IRFixtures.read(IRFixtures.spec("ecr-openapi.yaml"))
        #expect(result.errors.isEmpty, "\(result.errors)")
        let document = try #require(result.document)
        #expect(document.specVersion == SpecVersion(family: .openAPI31, written: "3.1.0"))
        #expect(document.operations.map(\.id) == Self.operationNames.map { $0.prefix(1).lowercased() + $0.dropFirst() })
        for (operation, name) in zip(document.operations, Self.operationNames) {
            #expect(operation.route.path == "/")
            #expect(operation.route.method == .post)
            #expect(
                operation.route.constantHeaders == [
                    RouteConstant(name: "X-Amz-Target", value: "AmazonEC2ContainerRegistry_V20150921.\(name)")
                ])
            #expect(operation.route.constantQuery.isEmpty)
            #expect(!operation.parameters.contains { $0.name == "X-Amz-Target" }, "the route constant is not an input")
        }
        #expect(
            document.protocol
                == APIProtocol(kind: .awsJSON, version: "1.1", targetPrefix: "AmazonEC2ContainerRegistry_V20150921"))
    }

    @Test func openAPISeedWarnsAtEachKnownFlaw() throws {
        let warnings = IRFixtures.read(IRFixtures.spec("ecr-openapi.yaml")).warnings
        // `email: [...]` is a flow sequence: warned at its own line.
        let email = try #require(warnings.containing("'email' should be a string").first)
        #expect((email.mark.line, email.mark.column) == (8, 12))
        // `repository: example-string` for an object.
        #expect(
            warnings.containing("example is a string, but its schema expects an object").contains { $0.mark.line == 93 }
        )
        // 200 responses without content.
        for id in ["putImage", "batchGetImage", "listImages"] {
            #expect(warnings.containing("response 200 of '\(id)' declares no content").count == 1)
        }
    }

    @Test func successWithoutContentIsAnUntypedJSONPayload() throws {
        let document = try #require(IRFixtures.read(IRFixtures.spec("ecr-openapi.yaml")).document)
        let listImages = try #require(document.operation("listImages"))
        let ok = try #require(listImages.responses.first)
        #expect(ok.status == "200")
        #expect(ok.content == [MediaContent(mediaType: "application/json", type: .untypedJSON, assumed: true)])
        let created = try #require(document.operation("createRepository")?.responses.first)
        // The seed's example is kept as written (stubs check it against the type before using it).
        var expected = MediaContent(mediaType: "application/json", type: .named("CreateRepositoryResponse"))
        expected.example = .object(["repository": .string("example-string")])
        #expect(created.content == [expected])
    }

    @Test func swaggerSeedReadsWithActionQueryConstants() throws {
        let result = IRFixtures.read(IRFixtures.spec("ecr-swagger.yaml"))
        #expect(result.errors.isEmpty, "\(result.errors)")
        let document = try #require(result.document)
        #expect(document.specVersion.family == .swagger2)
        #expect(document.operations.map(\.id) == ["describeImages", "listImages", "putImage"])
        for (operation, action) in zip(document.operations, ["DescribeImages", "ListImages", "PutImage"]) {
            #expect(
                operation.route
                    == WireRoute(method: .get, path: "/", constantQuery: [RouteConstant(name: "Action", value: action)])
            )
        }
        #expect(document.protocol.kind == .rest)
        // `200:` is an integer key; it still reads as status "200".
        #expect(document.operations.allSatisfy { $0.responses.map(\.status) == ["200"] })
    }

    /// listImages and putImage exist in both seeds; the Swagger one passes a subset of the same
    /// inputs (as query items rather than JSON body fields).
    @Test func sharedOperationsHaveComparableInputs() throws {
        let openAPI = try #require(IRFixtures.read(IRFixtures.spec("ecr-openapi.yaml")).document)
        let swagger = try #require(IRFixtures.read(IRFixtures.spec("ecr-swagger.yaml")).document)
        for id in ["listImages", "putImage"] {
            let bodyInputs = try inputNames(try #require(openAPI.operation(id)), in: openAPI)
            let queryInputs = try inputNames(try #require(swagger.operation(id)), in: swagger)
            #expect(!queryInputs.isEmpty)
            #expect(
                queryInputs.isSubset(of: bodyInputs), "\(id): \(queryInputs.subtracting(bodyInputs)) only in Swagger")
        }
        #expect(
            try inputNames(try #require(swagger.operation("listImages")), in: swagger)
                == ["filter", "maxResults", "nextToken", "registryId", "repositoryName"])
    }

    /// Parameter names plus the top-level properties of the JSON request body.
    private func inputNames(_ operation: SpecGenIR.Operation, in document: APIDocument) throws -> Set<String> {
        var names = Set(operation.parameters.map(\.name))
        if case .named(let id)? = operation.requestBody?.content.first?.type {
            names.formUnion(try document.object(id).properties.map(\.name))
        }
        return names
    }
}
