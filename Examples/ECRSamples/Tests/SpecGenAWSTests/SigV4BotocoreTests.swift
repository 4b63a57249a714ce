import Foundation
import HTTPTypes
import SpecGenRuntime
import Testing

@testable import SpecGenAWS

/// The signer and the verifier against botocore's own `SigV4Auth` (the signer boto3 and the AWS CLI
/// use), run in a Python process with its clock fixed: a real peer, not a copy of our code.
@Suite struct SigV4BotocoreTests {
    static let date = Date(timeIntervalSince1970: 1_440_938_160)  // 2015-08-30T12:36:00Z
    static let credentials = AWSCredentials(
        accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    static let baseURL = URL(string: "http://127.0.0.1:4566")!
    static let body = Array(#"{"repositoryName":"team/app"}"#.utf8)

    static func ecrRequest() -> HTTPRequest {
        var fields = HTTPFields()
        fields[.contentType] = "application/x-amz-json-1.1"
        fields[HTTPField.Name("X-Amz-Target")!] = "AmazonEC2ContainerRegistry_V20150921.CreateRepository"
        return HTTPRequest(method: .post, scheme: nil, authority: nil, path: "/", headerFields: fields)
    }

    @Test func signsAsBotocoreDoes() throws {
        for token in [nil, "session-token-value"] {
            var credentials = Self.credentials
            credentials.sessionToken = token
            let signer = SigV4Middleware(credentials: credentials, region: "us-east-1", service: "ecr")
            let ours = signer.sign(Self.ecrRequest(), body: Self.body, baseURL: Self.baseURL, date: Self.date)
            let theirs = try Botocore.sign(
                method: "POST", url: "http://127.0.0.1:4566/",
                headers: [
                    "Content-Type": "application/x-amz-json-1.1",
                    "X-Amz-Target": "AmazonEC2ContainerRegistry_V20150921.CreateRepository",
                ],
                body: Self.body, credentials: credentials, region: "us-east-1", service: "ecr",
                date: "2015-08-30T12:36:00")
            #expect(ours.headerFields[.authorization] == theirs["Authorization"])
            #expect(ours.headerFields[HTTPField.Name("X-Amz-Date")!] == theirs["X-Amz-Date"])
            #expect(ours.headerFields[HTTPField.Name("X-Amz-Security-Token")!] == theirs["X-Amz-Security-Token"])
        }
    }

    @Test func verifiesWhatBotocoreSigned() throws {
        let headers = try Botocore.sign(
            method: "POST", url: "http://127.0.0.1:4566/",
            headers: [
                "Content-Type": "application/x-amz-json-1.1",
                "X-Amz-Target": "AmazonEC2ContainerRegistry_V20150921.ListImages",
            ],
            body: Self.body, credentials: Self.credentials, region: "eu-west-1", service: "ecr",
            date: "2015-08-30T12:36:00")
        var fields = HTTPFields()
        for (name, value) in headers {
            if let field = HTTPField.Name(name) { fields.append(HTTPField(name: field, value: value)) }
        }
        let request = HTTPRequest(
            method: .post, scheme: "http", authority: "127.0.0.1:4566", path: "/", headerFields: fields)
        let verifier = SigV4Verifier(
            credentials: [Self.credentials], service: "ecr", now: { Self.date.addingTimeInterval(60) })
        #expect(verifier.verify(request, body: Self.body) == nil)
        #expect(verifier.verify(request, body: Self.body + [0x20])?.errorName == "InvalidSignatureException")
    }
}

/// Runs botocore's SigV4Auth on one request and returns the headers it set.
enum Botocore {
    static let script = """
        import datetime, json, sys
        from unittest import mock
        from botocore.auth import SigV4Auth
        from botocore.awsrequest import AWSRequest
        from botocore.credentials import Credentials
        spec = json.load(sys.stdin)
        request = AWSRequest(method=spec["method"], url=spec["url"], data=bytes(spec["body"]), headers=spec["headers"])
        credentials = Credentials(spec["key"], spec["secret"], spec.get("token"))
        when = datetime.datetime.fromisoformat(spec["date"])
        with mock.patch("botocore.auth.get_current_datetime", return_value=when):
            SigV4Auth(credentials, spec["service"], spec["region"]).add_auth(request)
        print(json.dumps(dict(request.headers.items())))
        """

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func sign(
        method: String, url: String, headers: [String: String], body: [UInt8], credentials: AWSCredentials,
        region: String, service: String, date: String
    ) throws -> [String: String] {
        var spec: [String: JSONValue] = [
            "method": .string(method), "url": .string(url), "body": .array(body.map { .number(Double($0)) }),
            "headers": .object(headers.mapValues { .string($0) }), "key": .string(credentials.accessKeyID),
            "secret": .string(credentials.secretAccessKey), "region": .string(region), "service": .string(service),
            "date": .string(date),
        ]
        if let token = credentials.sessionToken { spec["token"] = .string(token) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [ProcessInfo.processInfo.environment["PYTHON"] ?? "python3", "-c", script]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(try JSONEncoder().encode(spec))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(
                description: "botocore signer failed (is botocore installed? scripts/setup installs it): \(message)")
        }
        return try JSONDecoder().decode([String: String].self, from: data)
    }
}
