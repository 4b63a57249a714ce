#if SigV4  // the package trait that brings swift-crypto (see Package.swift)
import Foundation
import SpecGenRuntime
import HTTPTypes
import OpenAPIRuntime

/// Signs every request with AWS Signature Version 4 (header form), as boto3 and the AWS CLI do:
/// `X-Amz-Date`, `X-Amz-Security-Token` when the credentials carry a session token, optionally
/// `X-Amz-Content-Sha256`, and `Authorization`. Every header the request has is signed, with the
/// host the transport will send (from the base URL).
///
/// Put it after a `RetryMiddleware` (`[retry, signer]`) so that each attempt is signed afresh.
public struct SigV4Middleware: ClientMiddleware {
    /// Who signs: the access key goes in `Authorization`, the secret derives the signing key.
    public var credentials: AWSCredentials
    /// The region the credential scope names (`us-east-1`).
    public var region: String
    /// The service the credential scope names (`ecr`, `dynamodb`), AWS's signing name.
    public var service: String
    /// Also send and sign `X-Amz-Content-Sha256` (S3 needs it; JSON services accept it).
    public var sendsContentHash: Bool
    /// Bodies are read whole to be hashed; larger ones are refused.
    public var maxBodyBytes: Int
    /// The clock (a test fixes it).
    public var now: @Sendable () -> Date

    /// Headers never signed: proxies and transports may change them (botocore leaves out the same).
    static let unsignedHeaders: Set<String> = [
        "authorization", "user-agent", "expect", "transfer-encoding", "x-amzn-trace-id", "connection",
    ]

    /// A signer for one region and service; the defaults suit AWS's JSON services.
    public init(
        credentials: AWSCredentials, region: String, service: String, sendsContentHash: Bool = false,
        maxBodyBytes: Int = 64 << 20, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.credentials = credentials
        self.region = region
        self.service = service
        self.sendsContentHash = sendsContentHash
        self.maxBodyBytes = maxBodyBytes
        self.now = now
    }

    public func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let bytes = try await body?.collectBytes(upTo: maxBodyBytes)
        let signed = sign(request, body: bytes ?? [], baseURL: baseURL, date: now())
        return try await next(signed, bytes.map { HTTPBody($0) }, baseURL)
    }

    /// The request with its signing headers added (any earlier `Authorization` replaced).
    public func sign(_ request: HTTPRequest, body: [UInt8], baseURL: URL, date: Date) -> HTTPRequest {
        var request = request
        let amzDate = SigV4.amzDate(date)
        let payloadHash = SigV4.hexSHA256(body)
        request.headerFields[.authorization] = nil
        request.headerFields[Self.amzDateField] = amzDate
        if let token = credentials.sessionToken { request.headerFields[Self.securityTokenField] = token }
        if sendsContentHash { request.headerFields[Self.contentHashField] = payloadHash }

        var headers: [(name: String, value: String)] = [("host", Self.host(of: baseURL, authority: request.authority))]
        for field in request.headerFields
        where !Self.unsignedHeaders.contains(field.name.canonicalName) && field.name.canonicalName != "host" {
            headers.append((field.name.canonicalName, field.value))
        }
        let message = SigV4.Message(
            method: request.method.rawValue, pathAndQuery: Self.wirePath(request.path ?? "/", baseURL: baseURL),
            headers: headers, payloadHash: payloadHash)
        let scope = SigV4.Scope(date: String(amzDate.prefix(8)), region: region, service: service)
        let result = SigV4.sign(message, secretAccessKey: credentials.secretAccessKey, amzDate: amzDate, scope: scope)
        request.headerFields[.authorization] = SigV4.authorization(
            accessKeyID: credentials.accessKeyID, scope: scope,
            signedHeaders: result.signedHeaders, signature: result.signature)
        return request
    }

    static let amzDateField = HTTPField.Name("X-Amz-Date")!
    static let securityTokenField = HTTPField.Name("X-Amz-Security-Token")!
    static let contentHashField = HTTPField.Name("X-Amz-Content-Sha256")!

    /// What a transport sends as `Host`: the base URL's host, with the port unless it is the scheme's default.
    static func host(of baseURL: URL, authority: String?) -> String {
        if let authority { return authority }
        let components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false)
        let host = components?.percentEncodedHost ?? baseURL.host ?? ""
        guard let port = components?.port else { return host }
        let scheme = components?.scheme?.lowercased()
        if (scheme == "http" && port == 80) || (scheme == "https" && port == 443) { return host }
        return "\(host):\(port)"
    }

    /// The path the transports put on the wire: the base URL's path followed by the request's.
    static func wirePath(_ requestPath: String, baseURL: URL) -> String {
        let basePath = URLComponents(url: baseURL, resolvingAgainstBaseURL: false)?.percentEncodedPath ?? ""
        return basePath + requestPath
    }
}
#endif
