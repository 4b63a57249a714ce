import Foundation
import HTTPTypes
import OpenAPIRuntime
import SpecGenRuntime
import Testing

@testable import SpecGenAWS

@Suite struct SigV4VerifierTests {
    static let signedAt = Date(timeIntervalSince1970: 1_700_000_000)
    static let known = AWSCredentials(
        accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
    static let body = Array(#"{"repositoryName":"app"}"#.utf8)

    /// A request as our client signs it, as the server then sees it (authority from the Host header).
    static func signed(by credentials: AWSCredentials = known, service: String = "ecr", at date: Date = signedAt)
        -> HTTPRequest
    {
        var fields = HTTPFields()
        fields[.contentType] = "application/x-amz-json-1.1"
        fields[HTTPField.Name("X-Amz-Target")!] = "AmazonEC2ContainerRegistry_V20150921.CreateRepository"
        let request = HTTPRequest(method: .post, scheme: nil, authority: nil, path: "/", headerFields: fields)
        let signer = SigV4Middleware(credentials: credentials, region: "us-east-1", service: service)
        var sent = signer.sign(request, body: body, baseURL: URL(string: "http://127.0.0.1:8080")!, date: date)
        sent.authority = "127.0.0.1:8080"
        sent.scheme = "http"
        return sent
    }

    static func verifier(now: Date = signedAt.addingTimeInterval(30), credentials: [AWSCredentials] = [known])
        -> SigV4Verifier
    {
        SigV4Verifier(credentials: credentials, service: "ecr", now: { now })
    }

    @Test func acceptsAGoodSignature() {
        #expect(Self.verifier().verify(Self.signed(), body: Self.body) == nil)
        // 14 minutes late or early is still within AWS's 15.
        #expect(
            Self.verifier(now: Self.signedAt.addingTimeInterval(14 * 60)).verify(Self.signed(), body: Self.body) == nil)
        #expect(
            Self.verifier(now: Self.signedAt.addingTimeInterval(-14 * 60)).verify(Self.signed(), body: Self.body) == nil
        )
    }

    @Test func aMissingSignatureIsAMissingTokenAndUnknownCredentialsAreUnrecognized() {
        var unsigned = Self.signed()
        unsigned.headerFields[.authorization] = nil
        #expect(
            Self.verifier().verify(unsigned, body: Self.body)
                == SigV4Rejection(
                    httpStatus: 403, errorName: "MissingAuthenticationTokenException",
                    errorMessage: "Missing Authentication Token"))
        let stranger = AWSCredentials(accessKeyID: "AKIDSTRANGER", secretAccessKey: Self.known.secretAccessKey)
        #expect(
            Self.verifier().verify(Self.signed(by: stranger), body: Self.body)?.errorName
                == "UnrecognizedClientException")
    }

    @Test func wrongSignaturesAreInvalid() {
        let wrongSecret = AWSCredentials(accessKeyID: Self.known.accessKeyID, secretAccessKey: "not-the-secret")
        let rejection = Self.verifier().verify(Self.signed(by: wrongSecret), body: Self.body)
        #expect(
            rejection
                == SigV4Rejection(
                    httpStatus: 403, errorName: "InvalidSignatureException",
                    errorMessage:
                        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method."
                ))
        #expect(
            Self.verifier().verify(Self.signed(), body: Self.body + [0x20])?.errorName == "InvalidSignatureException")
        var retargeted = Self.signed()
        retargeted.headerFields[HTTPField.Name("X-Amz-Target")!] =
            "AmazonEC2ContainerRegistry_V20150921.DeleteRepository"
        #expect(Self.verifier().verify(retargeted, body: Self.body)?.errorName == "InvalidSignatureException")
        #expect(
            Self.verifier().verify(Self.signed(service: "s3"), body: Self.body)?.errorName
                == "InvalidSignatureException")
    }

    @Test func requestsOlderThanFifteenMinutesAreRefused() throws {
        let late = try #require(
            Self.verifier(now: Self.signedAt.addingTimeInterval(16 * 60)).verify(Self.signed(), body: Self.body))
        #expect(late.errorName == "InvalidSignatureException")
        #expect(late.httpStatus == 403)
        #expect(late.errorMessage?.hasPrefix("Signature expired: ") == true)
        let early = Self.verifier(now: Self.signedAt.addingTimeInterval(-16 * 60)).verify(
            Self.signed(), body: Self.body)
        #expect(early?.errorName == "InvalidSignatureException")
    }

    @Test func aSessionTokenMustMatch() {
        var temporary = Self.known
        temporary.sessionToken = "token-1"
        let verifier = Self.verifier(credentials: [temporary])
        #expect(verifier.verify(Self.signed(by: temporary), body: Self.body) == nil)
        #expect(verifier.verify(Self.signed(), body: Self.body)?.errorName == "UnrecognizedClientException")
        var other = temporary
        other.sessionToken = "token-2"
        #expect(verifier.verify(Self.signed(by: other), body: Self.body)?.errorName == "UnrecognizedClientException")
    }

    @Test func malformedAuthorizationIsIncomplete() {
        var request = Self.signed()
        request.headerFields[.authorization] =
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20231114/us-east-1/ecr/aws4_request"
        #expect(Self.verifier().verify(request, body: Self.body)?.errorName == "IncompleteSignatureException")
        request = Self.signed()
        request.headerFields[HTTPField.Name("X-Amz-Date")!] = nil
        #expect(Self.verifier().verify(request, body: Self.body)?.errorName == "IncompleteSignatureException")
    }

    /// The middleware on a route table: an unsigned request gets AWS's 403 error body; a signed one reaches the handler.
    @Test func serverMiddlewareAnswersAWSErrors() async throws {
        let table = RouteTable(
            profile: .awsJSON(version: "1.1"),
            routes: [
                ServerRoute(
                    "createRepository", .post, "/",
                    headers: [(name: "X-Amz-Target", value: "AmazonEC2ContainerRegistry_V20150921.CreateRepository")]
                ) { request in
                    ServerResponse(status: 200, body: request.body, contentType: "application/x-amz-json-1.1")
                }
            ])
        let middleware = SigV4ServerMiddleware(verifier: Self.verifier())
        let candidates = table.routes

        var unsigned = Self.signed()
        unsigned.headerFields[.authorization] = nil
        let (refused, refusedBody) = try await table.dispatch(
            unsigned, body: HTTPBody(Self.body), metadata: ServerRequestMetadata(),
            candidates: candidates, middlewares: [middleware])
        #expect(refused.status.code == 403)
        #expect(refused.headerFields[HTTPField.Name("X-Amzn-ErrorType")!] == "MissingAuthenticationTokenException")
        let error = APIError(
            status: 403, errorTypeHeader: nil, body: try await refusedBody?.collectBytes(upTo: 1 << 16) ?? [])
        #expect(error.name == "MissingAuthenticationTokenException")

        // Authentication comes before routing: an unsigned request for an unknown target is 403, as on AWS.
        var unknown = unsigned
        unknown.headerFields[HTTPField.Name("X-Amz-Target")!] = "AmazonEC2ContainerRegistry_V20150921.NoSuchOperation"
        let (unknownRefused, _) = try await table.dispatch(
            unknown, body: HTTPBody(Self.body), metadata: ServerRequestMetadata(),
            candidates: candidates, middlewares: [middleware])
        #expect(unknownRefused.status.code == 403)
        #expect(
            unknownRefused.headerFields[HTTPField.Name("X-Amzn-ErrorType")!] == "MissingAuthenticationTokenException")

        let (accepted, acceptedBody) = try await table.dispatch(
            Self.signed(), body: HTTPBody(Self.body), metadata: ServerRequestMetadata(),
            candidates: candidates, middlewares: [middleware])
        #expect(accepted.status.code == 200)
        #expect(try await acceptedBody?.collectBytes(upTo: 1 << 16) == Self.body)
    }
}
