import Foundation
import HTTPTypes
import OpenAPIRuntime

/// A transport that answers nothing: enough to show the generated `Client` is there and typed.
/// Use `URLSessionTransport` or `AsyncHTTPClientTransport` to talk to ECR for real.
struct OfflineTransport: ClientTransport {
    struct Offline: Error {}

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (
        HTTPResponse, HTTPBody?
    ) {
        throw Offline()
    }
}

// `Client`, `CreateRepositoryRequest` and `Repository` come from openapi.yaml through the build plugin.
let client = Client(serverURL: URL(string: "http://127.0.0.1:4566")!, transport: OfflineTransport())
let request = CreateRepositoryRequest(repositoryName: "web")
let repository = Repository(repositoryName: request.repositoryName)
print("generated client ready: \(type(of: client)), repository \(repository.repositoryName ?? "")")
