import Foundation
import GoldenECRFull
import HTTPTypes
import OpenAPIRuntime
import SpecGenRuntime
import Testing

/// A small handler: enough ECR to see the generated server route, decode and answer.
struct TinyRegistry: APIHandler {
    func createRepository(_ input: CreateRepositoryRequest) async throws -> CreateRepositoryResponse {
        if input.repositoryName == "taken" {
            throw APIError(status: 400, name: "RepositoryAlreadyExistsException", message: "it exists")
        }
        return CreateRepositoryResponse(
            repository: Repository(
                repositoryName: input.repositoryName,
                createdAt: Date(timeIntervalSince1970: 1_700_000_000)))
    }
    func describeRepositories(_ input: DescribeRepositoriesRequest) async throws -> DescribeRepositoriesResponse {
        .init()
    }
    func deleteRepository(_ input: DeleteRepositoryRequest) async throws -> DeleteRepositoryResponse { .init() }
    func putImage(_ input: PutImageRequest) async throws -> PutImageResponse { .init() }
    func batchGetImage(_ input: BatchGetImageRequest) async throws -> BatchGetImageResponse { .init() }
    func listImages(_ input: ListImagesRequest) async throws -> ListImagesResponse { .init() }
    func describeImages(_ input: DescribeImagesRequest) async throws -> DescribeImagesResponse {
        struct Broken: Error {}
        throw Broken()
    }
}

@Suite("Generated ECR server")
struct ECRServerTests {
    func server() throws -> InMemoryServer {
        let server = InMemoryServer()
        try TinyRegistry().registerHandlers(on: server)
        return server
    }

    func post(_ server: InMemoryServer, target: String?, body: String) async throws -> (
        HTTPResponse, [String: JSONValue]
    ) {
        var request = HTTPRequest(method: .post, scheme: nil, authority: nil, path: "/")
        if let target { request.headerFields[HTTPField.Name("X-Amz-Target")!] = target }
        let (response, responseBody) = try await server.send(
            request, body: HTTPBody(body), baseURL: URL(string: "/")!, operationID: "")
        let bytes = try await responseBody?.collectBytes(upTo: 1 << 20) ?? []
        let json = (try? JSONDecoder().decode([String: JSONValue].self, from: Data(bytes))) ?? [:]
        return (response, json)
    }

    @Test func sevenOperationsShareOneRegisteredRoute() throws {
        #expect(try server().registrations == ["POST /"])
        #expect(TinyRegistry().routeTable.routes.count == 7)
    }

    @Test func dispatchesByTargetAndAnswersAWSJSON() async throws {
        let (response, json) = try await post(
            server(), target: "AmazonEC2ContainerRegistry_V20150921.CreateRepository",
            body: #"{"repositoryName": "web"}"#)
        #expect(response.status.code == 200)
        #expect(response.headerFields[.contentType] == "application/x-amz-json-1.1")
        #expect(json["repository"]?["repositoryName"] == .string("web"))
        #expect(json["repository"]?["createdAt"] == .number(1_700_000_000))
    }

    /// AWS JSON treats a member sent as `null` as one left out (Smithy's protocols); only REST
    /// servers refuse it (ValidationRoundTripTests).
    @Test func aNullMemberIsTakenAsLeftOut() async throws {
        let (response, json) = try await post(
            server(), target: "AmazonEC2ContainerRegistry_V20150921.CreateRepository",
            body: #"{"repositoryName": "web", "registryId": null}"#)
        #expect(response.status.code == 200)
        #expect(json["repository"]?["repositoryName"] == .string("web"))
    }

    @Test func unknownTargetIs400UnknownOperation() async throws {
        let (response, json) = try await post(server(), target: "AmazonEC2ContainerRegistry_V20150921.Nope", body: "{}")
        #expect(response.status.code == 400)
        #expect(json["__type"] == .string("UnknownOperationException"))
        let (missing, _) = try await post(server(), target: nil, body: "{}")
        #expect(missing.status.code == 400)
    }

    /// Refuses requests without `Authorization`, as AWS does, and notes the operation IDs it saw.
    final class RequireAuthorization: ServerMiddleware, @unchecked Sendable {
        private let lock = NSLock()
        private var seen: [String] = []
        var operationIDs: [String] { lock.withLock { seen } }

        func intercept(
            _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
            next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
        )
            async throws -> (HTTPResponse, HTTPBody?)
        {
            lock.withLock { seen.append(operationID) }
            guard request.headerFields[.authorization] != nil else {
                return (
                    HTTPResponse(status: .forbidden), HTTPBody(#"{"__type":"MissingAuthenticationTokenException"}"#)
                )
            }
            return try await next(request, body, metadata)
        }
    }

    @Test func middlewaresAnswerBeforeTheOperationIsLookedUp() async throws {
        let server = InMemoryServer()
        let auth = RequireAuthorization()
        try TinyRegistry().registerHandlers(on: server, middlewares: [auth])
        // Unsigned, for an unknown target: AWS answers 403 (authentication first), not 400 UnknownOperationException.
        let (unknown, unknownJSON) = try await post(
            server, target: "AmazonEC2ContainerRegistry_V20150921.Nope", body: "{}")
        #expect(unknown.status.code == 403)
        #expect(unknownJSON["__type"] == .string("MissingAuthenticationTokenException"))
        let (known, _) = try await post(
            server, target: "AmazonEC2ContainerRegistry_V20150921.CreateRepository",
            body: #"{"repositoryName": "web"}"#)
        #expect(known.status.code == 403)
        #expect(auth.operationIDs == ["", "createRepository"])
        // Signed (as far as this middleware cares), an unknown target still reaches the protocol's 400.
        var request = HTTPRequest(method: .post, scheme: nil, authority: nil, path: "/")
        request.headerFields[HTTPField.Name("X-Amz-Target")!] = "AmazonEC2ContainerRegistry_V20150921.Nope"
        request.headerFields[.authorization] = "AWS4-HMAC-SHA256 …"
        let (signed, _) = try await server.send(
            request, body: HTTPBody("{}"), baseURL: URL(string: "/")!, operationID: "")
        #expect(signed.status.code == 400)
    }

    @Test func badBodyIs400SerializationWithTheReason() async throws {
        let (response, json) = try await post(
            server(), target: "AmazonEC2ContainerRegistry_V20150921.CreateRepository", body: #"{"tags": 5}"#)
        #expect(response.status.code == 400)
        #expect(json["__type"] == .string("SerializationException"))
        #expect(json["message"]?.stringValue?.contains("repositoryName") == true)
        let (garbage, garbageJSON) = try await post(
            server(), target: "AmazonEC2ContainerRegistry_V20150921.CreateRepository", body: "{not json")
        #expect(garbage.status.code == 400)
        #expect(garbageJSON["__type"] == .string("SerializationException"))
    }

    @Test func typedErrorsAnswerTheirOwnStatusAndType() async throws {
        let (response, json) = try await post(
            server(), target: "AmazonEC2ContainerRegistry_V20150921.CreateRepository",
            body: #"{"repositoryName": "taken"}"#)
        #expect(response.status.code == 400)
        #expect(response.headerFields[HTTPField.Name("X-Amzn-ErrorType")!] == "RepositoryAlreadyExistsException")
        #expect(json["__type"] == .string("RepositoryAlreadyExistsException"))
        #expect(json["message"] == .string("it exists"))
    }

    /// ECR declares `InvalidParameterException` (not `ValidationException`) for bad input, and
    /// answers constraint violations with it, as AWS's ECR does.
    @Test func aRequestBreakingTheSpecsConstraintsIsTheDeclaredErrorInAWSWords() async throws {
        let (response, json) = try await post(
            server(), target: "AmazonEC2ContainerRegistry_V20150921.CreateRepository",
            body: #"{"repositoryName": "a", "registryId": "12"}"#)
        #expect(response.status.code == 400)
        #expect(response.headerFields[HTTPField.Name("X-Amzn-ErrorType")!] == "InvalidParameterException")
        #expect(json["__type"] == .string("InvalidParameterException"))
        #expect(
            json["message"]
                == .string(
                    "2 validation errors detected: Value at 'registryId' failed to satisfy constraint: Member must "
                        + "satisfy regular expression pattern: [0-9]{12}; Value at 'repositoryName' failed to "
                        + "satisfy constraint: Member must have length greater than or equal to 2"))
    }

    @Test func otherFailuresAre500WithoutDetails() async throws {
        let (response, json) = try await post(
            server(), target: "AmazonEC2ContainerRegistry_V20150921.DescribeImages",
            body: #"{"repositoryName": "repo"}"#)
        #expect(response.status.code == 500)
        #expect(json["__type"] == .string("InternalFailure"))
    }

    @Test func clientAndServerRoundTrip() async throws {
        let server = try server()
        let client = Client(serverURL: URL(string: "http://127.0.0.1:1")!, transport: server)
        let output = try await client.createRepository(CreateRepositoryRequest(repositoryName: "round"))
        #expect(output.repository?.repositoryName == "round")
        #expect(output.repository?.createdAt == Date(timeIntervalSince1970: 1_700_000_000))
        await #expect(throws: APIError.self) { _ = try await client.createRepository(.init(repositoryName: "taken")) }
    }
}
