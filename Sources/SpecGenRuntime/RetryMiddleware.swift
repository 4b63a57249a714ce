import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Retries failed requests with jittered exponential backoff ("full jitter": a delay drawn uniformly
/// from 0 up to `min(maxDelay, baseDelay × 2^(attempt−1))`), a bounded number of times.
///
/// Retried: connection errors (the transport threw), 429, 5xx (but 501 and 505), and AWS's throttling
/// errors (`ThrottlingException` and kin, whatever the status). Everything else is returned as is.
///
/// Idempotency: GET, HEAD, PUT, DELETE and OPTIONS are retried. AWS JSON operations are all POST,
/// so a POST is retried only when `Policy.isIdempotent(operationID)` says so (by default: the
/// read operations, whose IDs start with `describe`, `list`, `get` or `batchGet`), or when
/// `retryNonIdempotent` is set. A write such as CreateRepository is not retried by default: the
/// first attempt may have reached the server, and a second would answer `RepositoryAlreadyExists`.
/// (AWS SDKs retry writes too, relying on server-side idempotency tokens where an API has them.)
///
/// Put it before a signer (`[retry, signer]`) so each attempt is signed with a fresh date.
public struct RetryMiddleware: ClientMiddleware {
    /// How many times to try, how long to wait, and which requests may be sent again.
    public struct Policy: Sendable {
        /// Attempts in all, the first included; 1 turns retries off.
        public var maxAttempts: Int
        /// The ceiling of the first retry's delay; it doubles with each retry.
        public var baseDelay: Duration
        /// The largest ceiling any delay may reach.
        public var maxDelay: Duration
        /// Retry POST (and PATCH) requests whatever the operation.
        public var retryNonIdempotent: Bool
        /// Which operations are safe to send twice although they are POST.
        public var isIdempotent: @Sendable (_ operationID: String) -> Bool

        /// A policy; `maxAttempts` below 1 counts as 1. By default: three attempts, 100 ms doubling up
        /// to 20 s, POST retried only for read operations.
        public init(
            maxAttempts: Int = 3, baseDelay: Duration = .milliseconds(100), maxDelay: Duration = .seconds(20),
            retryNonIdempotent: Bool = false,
            isIdempotent: @escaping @Sendable (_ operationID: String) -> Bool = Policy.isReadOperation
        ) {
            self.maxAttempts = max(1, maxAttempts)
            self.baseDelay = baseDelay
            self.maxDelay = maxDelay
            self.retryNonIdempotent = retryNonIdempotent
            self.isIdempotent = isIdempotent
        }

        /// No retries at all.
        public static var disabled: Policy { Policy(maxAttempts: 1) }

        /// `describeImages`, `listImages`, `getAuthorizationToken`, `batchGetImage`: reads, safe to repeat.
        public static let isReadOperation: @Sendable (String) -> Bool = { operationID in
            ["describe", "list", "get", "batchGet"].contains { prefix in
                operationID.hasPrefix(prefix) && operationID.dropFirst(prefix.count).first?.isUppercase == true
            }
        }

        /// The longest delay before the given retry (1 is the first retry).
        public func delayCeiling(beforeRetry retry: Int) -> Duration {
            let factor = Double(1 << min(retry - 1, 30))
            let ceiling = baseDelay * factor
            return ceiling < maxDelay ? ceiling : maxDelay
        }
    }

    /// Error names that mean "slow down", as AWS SDKs list them.
    public static let throttlingErrors: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    ]

    /// When and how often to retry.
    public var policy: Policy
    /// How to wait (a test passes one that records and returns at once).
    public var sleep: @Sendable (Duration) async throws -> Void
    /// A uniform random fraction in 0...1 (a test fixes it).
    public var random: @Sendable () -> Double
    /// Error bodies read to find a throttling error name.
    public var maxErrorBodyBytes: Int

    /// A retry middleware with `policy`; `sleep` and `random` are replaceable for tests.
    public init(
        policy: Policy = Policy(),
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0...1) },
        maxErrorBodyBytes: Int = 1 << 20
    ) {
        self.policy = policy
        self.sleep = sleep
        self.random = random
        self.maxErrorBodyBytes = maxErrorBodyBytes
    }

    public func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard policy.maxAttempts > 1, mayRetry(request.method, operationID: operationID) else {
            return try await next(request, body, baseURL)
        }
        // The body is sent again on each attempt, so it is read once.
        let bytes = try await body?.collectBytes(upTo: 64 << 20)
        var attempt = 1
        while true {
            let isLast = attempt >= policy.maxAttempts
            do {
                let (response, responseBody) = try await next(request, bytes.map { HTTPBody($0) }, baseURL)
                if isLast { return (response, responseBody) }
                let (retry, kept) = try await shouldRetry(response, body: responseBody)
                if !retry { return (response, kept) }
            } catch {
                if isLast || error is CancellationError || Task.isCancelled { throw error }
            }
            try await sleep(delay(beforeRetry: attempt))
            attempt += 1
        }
    }

    /// The delay before retry number `retry`: uniform in 0...ceiling.
    public func delay(beforeRetry retry: Int) -> Duration {
        policy.delayCeiling(beforeRetry: retry) * min(1, max(0, random()))
    }

    func mayRetry(_ method: HTTPRequest.Method, operationID: String) -> Bool {
        switch method {
        case .get, .head, .put, .delete, .options, .trace: return true
        // QUERY is safe and idempotent (RFC 10008); its static property is newer than the versions allowed.
        default: return method.rawValue == "QUERY" || policy.retryNonIdempotent || policy.isIdempotent(operationID)
        }
    }

    /// Whether to try again, and the response body to hand on when not (read if it had to be looked at).
    func shouldRetry(_ response: HTTPResponse, body: HTTPBody?) async throws -> (Bool, HTTPBody?) {
        let status = response.status.code
        if status == 429 || (500...599).contains(status) && status != 501 && status != 505 { return (true, body) }
        guard (400...499).contains(status) else { return (false, body) }
        if let header = HTTPField.Name("X-Amzn-ErrorType").flatMap({ response.headerFields[$0] }) {
            return (APIError.shapeName(header).map(Self.throttlingErrors.contains) ?? false, body)
        }
        let bytes = try await body?.collectBytes(upTo: maxErrorBodyBytes) ?? []
        let name = APIError(status: status, errorTypeHeader: nil, body: bytes).name
        return (name.map(Self.throttlingErrors.contains) ?? false, HTTPBody(bytes))
    }
}
