import Foundation
import GoldenECRFull
import HTTPTypes
import SpecGenRuntime
import Testing

@Suite("Generated ECR client")
struct ECRClientTests {
    let url = URL(string: "http://127.0.0.1:1")!

    @Test func sendsTheWireRouteItself() async throws {
        let transport = CannedTransport(body: #"{"repository": {"repositoryName": "web", "createdAt": 1700000000.5}}"#)
        let client = Client(serverURL: url, transport: transport)
        let output = try await client.createRepository(CreateRepositoryRequest(repositoryName: "web"))
        let (request, body) = try #require(transport.requests.first)
        #expect(request.method == .post)
        #expect(request.path == "/")
        #expect(
            request.headerFields[HTTPField.Name("X-Amz-Target")!]
                == "AmazonEC2ContainerRegistry_V20150921.CreateRepository")
        #expect(request.headerFields[.contentType] == "application/x-amz-json-1.1")
        #expect(String(decoding: body, as: UTF8.self) == #"{"repositoryName":"web"}"#)
        // Timestamps arrive as epoch seconds (fractional here), whatever the spec's `date-time` says.
        #expect(output.repository?.createdAt == Date(timeIntervalSince1970: 1_700_000_000.5))
        #expect(output.repository?.repositoryName == "web")
    }

    @Test func datesDecodeFromISO8601Too() async throws {
        let transport = CannedTransport(body: #"{"repository": {"createdAt": "2024-05-01T12:00:00Z"}}"#)
        let output = try await Client(serverURL: url, transport: transport).createRepository(.init(repositoryName: "x"))
        #expect(output.repository?.createdAt == Date(timeIntervalSince1970: 1_714_564_800))
    }

    @Test func errorsCarryStatusNameAndMessage() async throws {
        let transport = CannedTransport(
            status: 400,
            body: #"{"__type": "com.amazonaws.ecr#RepositoryNotFoundException", "message": "no such repository"}"#)
        await #expect(
            throws: APIError(
                status: 400, name: "RepositoryNotFoundException", message: "no such repository",
                body: Array(transport.body.utf8))
        ) {
            _ = try await Client(serverURL: url, transport: transport).deleteRepository(.init(repositoryName: "gone"))
        }
    }

    @Test func errorNameFromHeaderAndCapitalMessage() async throws {
        var headers = HTTPFields()
        headers[HTTPField.Name("X-Amzn-Errortype")!] = "ThrottlingException:http://internal.amazon.com/"
        let transport = CannedTransport(status: 429, headers: headers, body: #"{"Message": "slow down"}"#)
        do {
            _ = try await Client(serverURL: url, transport: transport).listImages(.init(repositoryName: "r"))
            Issue.record("no error thrown")
        } catch let error as APIError {
            #expect(error.status == 429)
            #expect(error.name == "ThrottlingException")
            #expect(error.message == "slow down")
        }
    }

    @Test func unknownEnumValuesDecodeIntoTheUndocumentedCase() async throws {
        let transport = CannedTransport(body: #"{"repository": {"imageTagMutability": "SOMETIMES"}}"#)
        let output = try await Client(serverURL: url, transport: transport).createRepository(.init(repositoryName: "x"))
        #expect(output.repository?.imageTagMutability == .undocumented("SOMETIMES"))
        #expect(output.repository?.imageTagMutability?.rawValue == "SOMETIMES")
    }
}
