import Foundation
import HTTPTypes
import SpecGenRuntime
import Testing

@testable import SpecGenAWS

/// The signer against AWS's published Signature Version 4 test suite (aws-sig-v4-test-suite, as
/// aws-c-auth ships it): example credentials AKIDEXAMPLE, 2015-08-30 12:36:00 UTC, us-east-1, service `service`.
@Suite struct SigV4TestSuiteTests {
    static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    static let amzDate = "20150830T123600Z"
    static let scope = SigV4.Scope(date: "20150830", region: "us-east-1", service: "service")
    static let baseHeaders: [(name: String, value: String)] = [
        ("Host", "example.amazonaws.com"), ("X-Amz-Date", amzDate),
    ]

    @Test func getVanilla() {
        let message = SigV4.Message(
            method: "GET", path: "/", headers: Self.baseHeaders, payloadHash: SigV4.emptyPayloadHash)
        let canonical = SigV4.canonicalRequest(message)
        #expect(
            canonical.text == """
                GET
                /

                host:example.amazonaws.com
                x-amz-date:20150830T123600Z

                host;x-amz-date
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                """)
        let stringToSign = SigV4.stringToSign(
            canonicalRequest: canonical.text, amzDate: Self.amzDate, scope: Self.scope)
        #expect(
            stringToSign == """
                AWS4-HMAC-SHA256
                20150830T123600Z
                20150830/us-east-1/service/aws4_request
                bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63
                """)
        let signature = SigV4.signature(
            stringToSign: stringToSign, signingKey: SigV4.signingKey(secretAccessKey: Self.secret, scope: Self.scope))
        #expect(signature == "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
        #expect(
            SigV4.authorization(
                accessKeyID: "AKIDEXAMPLE", scope: Self.scope, signedHeaders: canonical.signedHeaders,
                signature: signature)
                == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"
        )
    }

    @Test func getVanillaQueryOrderKeyCase() {
        let message = SigV4.Message(
            method: "GET", pathAndQuery: "/?Param2=value2&Param1=value1", headers: Self.baseHeaders,
            payloadHash: SigV4.emptyPayloadHash)
        #expect(
            SigV4.canonicalRequest(message).text.split(separator: "\n", omittingEmptySubsequences: false)[2]
                == "Param1=value1&Param2=value2")
        let result = SigV4.sign(message, secretAccessKey: Self.secret, amzDate: Self.amzDate, scope: Self.scope)
        #expect(result.signature == "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")
    }

    @Test func getUTF8() {
        #expect(SigV4.canonicalURI("/ሴ") == "/%E1%88%B4")
        // The suite's request line is `GET /ሴ HTTP/1.1`: the canonical URI encodes it once, to /%E1%88%B4.
        let message = SigV4.Message(
            method: "GET", path: "/ሴ", headers: Self.baseHeaders, payloadHash: SigV4.emptyPayloadHash)
        #expect(
            SigV4.sign(message, secretAccessKey: Self.secret, amzDate: Self.amzDate, scope: Self.scope).signature
                == "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85")
    }

    @Test func postVanilla() {
        let message = SigV4.Message(
            method: "POST", path: "/", headers: Self.baseHeaders, payloadHash: SigV4.emptyPayloadHash)
        #expect(
            SigV4.sign(message, secretAccessKey: Self.secret, amzDate: Self.amzDate, scope: Self.scope).signature
                == "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b")
    }

    @Test func postXWWWFormURLEncoded() {
        let bodyHash = SigV4.hexSHA256(Array("Param1=value1".utf8))
        #expect(bodyHash == "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e")
        let message = SigV4.Message(
            method: "POST", path: "/",
            headers: [
                ("Content-Type", "application/x-www-form-urlencoded"), ("Host", "example.amazonaws.com"),
                ("Content-Length", "13"),
                ("x-amz-content-sha256", bodyHash), ("X-Amz-Date", Self.amzDate),
            ], payloadHash: bodyHash)
        let canonical = SigV4.canonicalRequest(message)
        #expect(
            canonical.text == """
                POST
                /

                content-length:13
                content-type:application/x-www-form-urlencoded
                host:example.amazonaws.com
                x-amz-content-sha256:9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e
                x-amz-date:20150830T123600Z

                content-length;content-type;host;x-amz-content-sha256;x-amz-date
                9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e
                """)
        #expect(
            SigV4.sign(message, secretAccessKey: Self.secret, amzDate: Self.amzDate, scope: Self.scope).signature
                == "d3875051da38690788ef43de4db0d8f280229d82040bfac253562e56c3f20e0b")
    }

    @Test func canonicalPartsFollowTheRules() {
        #expect(SigV4.canonicalURI("") == "/")
        #expect(SigV4.canonicalURI("/a%20b/c") == "/a%2520b/c")
        #expect(SigV4.canonicalQuery("b=2&a=x%20y&a=1&c") == "a=1&a=x%20y&b=2&c=")
        #expect(SigV4.canonicalHeaderValue("  a   b \t c  ") == "a b c")
        let repeated = SigV4.Message(
            method: "GET", path: "/", headers: [("X-B", "2"), ("x-a", "1"), ("x-b", "3")], payloadHash: "h")
        #expect(SigV4.canonicalRequest(repeated).text.contains("x-a:1\nx-b:2,3\n\nx-a;x-b\n"))
    }

    @Test func amzDatesRoundTrip() throws {
        let date = Date(timeIntervalSince1970: 1_440_938_160)
        #expect(SigV4.amzDate(date) == "20150830T123600Z")
        #expect(SigV4.parseAmzDate("20150830T123600Z") == date)
        #expect(SigV4.parseAmzDate("20150830T123600") == nil)
        #expect(SigV4.parseAmzDate("20151330T123600Z") == nil)
    }

    @Test func credentialsFromTheEnvironment() {
        #expect(AWSCredentials.fromEnvironment([:]) == nil)
        #expect(AWSCredentials.fromEnvironment(["AWS_ACCESS_KEY_ID": "a", "AWS_SECRET_ACCESS_KEY": ""]) == nil)
        #expect(
            AWSCredentials.fromEnvironment([
                "AWS_ACCESS_KEY_ID": "a", "AWS_SECRET_ACCESS_KEY": "s", "AWS_SESSION_TOKEN": "t",
            ])
                == AWSCredentials(accessKeyID: "a", secretAccessKey: "s", sessionToken: "t"))
    }
}
