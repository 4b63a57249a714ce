#if SigV4  // the package trait that brings swift-crypto (see Package.swift)
import Foundation
import SpecGenRuntime
import HTTPTypes
import OpenAPIRuntime

/// Why a request's signature was refused, with the status and error name AWS answers.
public struct SigV4Rejection: ServiceError, Sendable, Hashable {
    /// 403, or 400 for a malformed `Authorization` header, as AWS answers.
    public var httpStatus: Int
    /// AWS's error name, e.g. `InvalidSignatureException`.
    public var errorName: String
    /// What was wrong, in AWS's words where it has them.
    public var errorMessage: String?

    static let missingToken = SigV4Rejection(
        httpStatus: 403, errorName: "MissingAuthenticationTokenException",
        errorMessage: "Missing Authentication Token")
    static func unrecognized(_ message: String) -> SigV4Rejection {
        SigV4Rejection(httpStatus: 403, errorName: "UnrecognizedClientException", errorMessage: message)
    }
    static func invalid(_ message: String) -> SigV4Rejection {
        SigV4Rejection(httpStatus: 403, errorName: "InvalidSignatureException", errorMessage: message)
    }
    static func incomplete(_ message: String) -> SigV4Rejection {
        SigV4Rejection(httpStatus: 400, errorName: "IncompleteSignatureException", errorMessage: message)
    }
}

/// Checks a request's SigV4 `Authorization` header against known credentials, as an AWS endpoint does:
/// - no `Authorization` header → 403 `MissingAuthenticationTokenException` ("Missing Authentication Token");
/// - an unknown access key (or session token) → 403 `UnrecognizedClientException`;
/// - a header that is not SigV4 or lacks a part, or no `X-Amz-Date` → 400 `IncompleteSignatureException`;
/// - a wrong signature, a scope for another service or day, or a date more than 15 minutes
///   from the server's clock → 403 `InvalidSignatureException`.
public struct SigV4Verifier: Sendable {
    /// Known credentials by access key ID. A session token, when set, must be sent too.
    public var credentials: [String: AWSCredentials]
    /// The service the scope must name (`ecr`); nil accepts any.
    public var service: String?
    /// How far `X-Amz-Date` may be from the server's clock, either way (AWS: 15 minutes).
    public var maxClockSkew: TimeInterval
    /// The server's clock (a test fixes it).
    public var now: @Sendable () -> Date

    /// A verifier that knows `credentials`; two with one access key ID keep the first.
    public init(
        credentials: [AWSCredentials], service: String?, maxClockSkew: TimeInterval = 15 * 60,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.credentials = Dictionary(credentials.map { ($0.accessKeyID, $0) }, uniquingKeysWith: { first, _ in first })
        self.service = service
        self.maxClockSkew = maxClockSkew
        self.now = now
    }

    /// The parts of `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`.
    struct Authorization {
        var accessKeyID: String
        var scope: SigV4.Scope
        var signedHeaders: [String]
        var signature: String

        init?(_ header: String) {
            guard header.hasPrefix(SigV4.algorithm + " ") else { return nil }
            var parts: [String: String] = [:]
            for item in header.dropFirst(SigV4.algorithm.count + 1).split(separator: ",") {
                let pair = item.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                if pair.count == 2 { parts[String(pair[0])] = String(pair[1]) }
            }
            guard let credential = parts["Credential"], let signed = parts["SignedHeaders"],
                let signature = parts["Signature"]
            else { return nil }
            let pieces = credential.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard pieces.count == 5, pieces[4] == "aws4_request", !signed.isEmpty else { return nil }
            accessKeyID = pieces[0]
            scope = SigV4.Scope(date: pieces[1], region: pieces[2], service: pieces[3])
            signedHeaders = signed.split(separator: ";").map(String.init)
            self.signature = signature
        }
    }

    /// nil when the request is signed by known credentials; otherwise why not.
    public func verify(_ request: HTTPRequest, body: [UInt8]) -> SigV4Rejection? {
        guard let header = request.headerFields[.authorization] else {
            return .missingToken
        }
        guard let authorization = Authorization(header) else {
            return .incomplete(
                "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters (AWS4-HMAC-SHA256)"
            )
        }
        guard let known = credentials[authorization.accessKeyID] else {
            return .unrecognized("The security token included in the request is invalid.")
        }
        if let token = known.sessionToken, request.headerFields[SigV4Middleware.securityTokenField] != token {
            return .unrecognized("The security token included in the request is invalid.")
        }
        guard let amzDate = request.headerFields[SigV4Middleware.amzDateField], let date = SigV4.parseAmzDate(amzDate)
        else {
            return .incomplete("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.")
        }
        let current = now()
        if date < current.addingTimeInterval(-maxClockSkew) {
            return .invalid(
                "Signature expired: \(amzDate) is now earlier than \(SigV4.amzDate(current.addingTimeInterval(-maxClockSkew))) (\(SigV4.amzDate(current)) - \(Int(maxClockSkew / 60)) min.)"
            )
        }
        if date > current.addingTimeInterval(maxClockSkew) {
            return .invalid(
                "Signature not yet current: \(amzDate) is still later than \(SigV4.amzDate(current.addingTimeInterval(maxClockSkew))) (\(SigV4.amzDate(current)) + \(Int(maxClockSkew / 60)) min.)"
            )
        }
        if authorization.scope.date != String(amzDate.prefix(8)) {
            return .invalid(
                "Credential should be scoped to a valid date: '\(authorization.scope.date)' != '\(amzDate.prefix(8))'.")
        }
        if let service, authorization.scope.service != service {
            return .invalid("Credential should be scoped to correct service: '\(service)'.")
        }
        let signedNames = authorization.signedHeaders.map { $0.lowercased() }
        guard signedNames.contains("host") else {
            return .invalid("'Host' must be a signed header.")
        }
        var headers: [(name: String, value: String)] = []
        if let host = request.authority ?? HTTPField.Name("Host").flatMap({ request.headerFields[$0] }) {
            headers.append(("host", host))
        }
        for field in request.headerFields
        where field.name.canonicalName != "host" && signedNames.contains(field.name.canonicalName) {
            headers.append((field.name.canonicalName, field.value))
        }
        let message = SigV4.Message(
            method: request.method.rawValue, pathAndQuery: request.path ?? "/", headers: headers,
            payloadHash: SigV4.hexSHA256(body))
        let expected = SigV4.sign(
            message, secretAccessKey: known.secretAccessKey, amzDate: amzDate, scope: authorization.scope,
            signedHeaderNames: signedNames)
        guard Self.constantTimeEqual(expected.signature, authorization.signature) else {
            return .invalid(
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method."
            )
        }
        return nil
    }

    static func constantTimeEqual(_ left: String, _ right: String) -> Bool {
        let a = Array(left.utf8)
        let b = Array(right.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// A `ServerMiddleware` that answers requests the verifier refuses with AWS's error body and status,
/// and passes the others on (the body is read once, bounded, and handed on).
public struct SigV4ServerMiddleware: ServerMiddleware {
    /// Decides, for each request, whether its signature holds.
    public var verifier: SigV4Verifier
    /// How the error body of a refused request is written (AWS JSON's `__type`, or REST's `error`).
    public var profile: WireProfile
    /// The body is read whole to be hashed; a larger one answers 413 before the signature is checked.
    public var maxBodyBytes: Int

    /// A middleware that checks every request with `verifier`.
    public init(verifier: SigV4Verifier, profile: WireProfile = .awsJSON(version: "1.1"), maxBodyBytes: Int = 8 << 20) {
        self.verifier = verifier
        self.profile = profile
        self.maxBodyBytes = maxBodyBytes
    }

    public func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let bytes: [UInt8]
        do {
            bytes = try await body?.collectBytes(upTo: maxBodyBytes) ?? []
        } catch is BodyTooLargeError {
            return ServerResponse.error(
                status: 413, name: "RequestEntityTooLargeException",
                message: "the request body is larger than \(maxBodyBytes) bytes", profile: profile
            ).httpParts
        }
        if let rejection = verifier.verify(request, body: bytes) {
            return ServerResponse.error(
                status: rejection.httpStatus, name: rejection.errorName, message: rejection.errorMessage,
                profile: profile
            ).httpParts
        }
        return try await next(request, HTTPBody(bytes), metadata)
    }
}

extension ServerResponse {
    /// The response as a swift-openapi-runtime transport sends it.
    public var httpParts: (HTTPResponse, HTTPBody?) {
        var head = HTTPResponse(status: .init(code: status), headerFields: headerFields)
        if let contentType { head.headerFields[.contentType] = contentType }
        return (head, HTTPBody(body))
    }
}
#endif
