import Foundation
import HTTPTypes
import OpenAPIRuntime
import Testing

@testable import SpecGenRuntime

/// A server that fails on purpose: a generated-style route table whose handler answers from a script
/// (an error status, a throttling error, or success), reached in-process; `dropConnections` makes the
/// transport throw before the server sees the request, as a refused connection does.
final class FailingServer: ClientTransport, @unchecked Sendable {
    enum Answer {
        case ok
        case status(Int, String)
        case dropConnection
    }
    private let lock = NSLock()
    private var script: [Answer]
    private(set) var attempts = 0
    var table: RouteTable!

    init(_ script: [Answer]) {
        self.script = script
        let routes = ["getThing", "createThing"].map { operation in
            ServerRoute(operation, .post, "/", headers: [(name: "X-Target", value: operation)]) { [unowned self] _ in
                switch self.nextAnswer() {
                case .ok, .dropConnection: return try .json(["done": true], profile: .awsJSON(version: "1.1"))
                case .status(let status, let name):
                    throw APIError(status: status, name: name, message: "failing on purpose")
                }
            }
        }
        table = RouteTable(profile: .awsJSON(version: "1.1"), routes: routes)
    }

    private func nextAnswer() -> Answer {
        lock.withLock { script.isEmpty ? .ok : script.removeFirst() }
    }

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (
        HTTPResponse, HTTPBody?
    ) {
        let drop = lock.withLock { () -> Bool in
            attempts += 1
            if case .dropConnection? = script.first {
                script.removeFirst()
                return true
            }
            return false
        }
        if drop { throw URLError(.cannotConnectToHost) }
        return try await table.dispatch(
            request, body: body, metadata: ServerRequestMetadata(), candidates: table.routes)
    }
}

/// Records the delays asked for and returns at once, so the tests take no time.
final class RecordedSleeps: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Duration] = []
    var delays: [Duration] { lock.withLock { recorded } }
    func sleep(_ duration: Duration) { lock.withLock { recorded.append(duration) } }
}

@Suite struct RetryMiddlewareTests {
    struct Done: Decodable { var done: Bool }

    static func call(
        _ operation: String, server: FailingServer, policy: RetryMiddleware.Policy, sleeps: RecordedSleeps,
        random: Double = 1
    ) async throws -> Done {
        let retry = RetryMiddleware(policy: policy, sleep: { sleeps.sleep($0) }, random: { random })
        let client = APIClient(
            serverURL: URL(string: "http://127.0.0.1:1")!, transport: server, middlewares: [retry],
            profile: .awsJSON(version: "1.1"))
        let request = ClientRequest(
            operationID: operation, method: .post, path: "/", constantHeaders: ["X-Target": operation])
        return try await client.send(request, body: ["a": 1], as: Done.self)
    }

    @Test func retriesThrottlingServerErrorsAndDroppedConnections() async throws {
        let server = FailingServer([
            .status(503, "ServiceUnavailableException"), .status(400, "ThrottlingException"),
            .dropConnection, .status(429, "TooManyRequestsException"),
        ])
        let sleeps = RecordedSleeps()
        let policy = RetryMiddleware.Policy(maxAttempts: 5, baseDelay: .milliseconds(100), maxDelay: .milliseconds(300))
        let result = try await Self.call("getThing", server: server, policy: policy, sleeps: sleeps)
        #expect(result.done)
        #expect(server.attempts == 5)
        // random() = 1 gives each ceiling: 100, 200, then capped at 300 ms.
        #expect(sleeps.delays == [.milliseconds(100), .milliseconds(200), .milliseconds(300), .milliseconds(300)])
    }

    @Test func delaysAreJitteredWithinTheirCeiling() async throws {
        let server = FailingServer([.status(500, "InternalFailure"), .status(502, "BadGateway")])
        let sleeps = RecordedSleeps()
        _ = try await Self.call(
            "getThing", server: server, policy: .init(maxAttempts: 3, baseDelay: .milliseconds(100)), sleeps: sleeps,
            random: 0.25)
        #expect(sleeps.delays == [.milliseconds(25), .milliseconds(50)])
        let policy = RetryMiddleware.Policy(baseDelay: .milliseconds(100), maxDelay: .seconds(20))
        let middleware = RetryMiddleware(policy: policy)
        for retry in 1...40 {
            let delay = middleware.delay(beforeRetry: retry)
            #expect(delay >= .zero && delay <= policy.delayCeiling(beforeRetry: retry))
            #expect(policy.delayCeiling(beforeRetry: retry) <= .seconds(20))
        }
    }

    @Test func attemptsAreBounded() async throws {
        let server = FailingServer(Array(repeating: .status(503, "ServiceUnavailableException"), count: 10))
        let sleeps = RecordedSleeps()
        await #expect(throws: APIError.self) {
            _ = try await Self.call("getThing", server: server, policy: .init(maxAttempts: 3), sleeps: sleeps)
        }
        #expect(server.attempts == 3)
        #expect(sleeps.delays.count == 2)
        let dropping = FailingServer(Array(repeating: .dropConnection, count: 10))
        await #expect(throws: URLError.self) {
            _ = try await Self.call("getThing", server: dropping, policy: .init(maxAttempts: 4), sleeps: sleeps)
        }
        #expect(dropping.attempts == 4)
    }

    @Test func clientErrorsAreNotRetried() async throws {
        let server = FailingServer([.status(400, "RepositoryNotFoundException")])
        let sleeps = RecordedSleeps()
        let error = await #expect(throws: APIError.self) {
            _ = try await Self.call("getThing", server: server, policy: .init(maxAttempts: 3), sleeps: sleeps)
        }
        #expect(error?.name == "RepositoryNotFoundException")
        #expect(server.attempts == 1)
        #expect(sleeps.delays.isEmpty)
    }

    @Test func writesAreRetriedOnlyWhenAllowed() async throws {
        let sleeps = RecordedSleeps()
        let once = FailingServer([.status(503, "ServiceUnavailableException")])
        await #expect(throws: APIError.self) {
            _ = try await Self.call("createThing", server: once, policy: .init(maxAttempts: 3), sleeps: sleeps)
        }
        #expect(once.attempts == 1)

        let allowed = FailingServer([.status(503, "ServiceUnavailableException")])
        _ = try await Self.call(
            "createThing", server: allowed, policy: .init(maxAttempts: 3, retryNonIdempotent: true), sleeps: sleeps)
        #expect(allowed.attempts == 2)

        let listed = FailingServer([.dropConnection])
        _ = try await Self.call(
            "createThing", server: listed, policy: .init(maxAttempts: 3, isIdempotent: { $0 == "createThing" }),
            sleeps: sleeps)
        #expect(listed.attempts == 2)
    }

    @Test func disabledMeansOneAttempt() async throws {
        let server = FailingServer([.status(503, "ServiceUnavailableException")])
        let sleeps = RecordedSleeps()
        await #expect(throws: APIError.self) {
            _ = try await Self.call("getThing", server: server, policy: .disabled, sleeps: sleeps)
        }
        #expect(server.attempts == 1)
    }

    @Test func readOperationNames() {
        let isRead = RetryMiddleware.Policy.isReadOperation
        #expect(
            isRead("describeImages") && isRead("listImages") && isRead("batchGetImage")
                && isRead("getAuthorizationToken"))
        #expect(
            !isRead("createRepository") && !isRead("putImage") && !isRead("deleteRepository") && !isRead("listen")
                && !isRead("getaway"))
    }
}
