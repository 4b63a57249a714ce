import Foundation
import HTTPTypes
import OpenAPIRuntime
import Testing

@testable import SpecGenRuntime

@Suite("Callback URLs")
struct CallbackURLTests {
    /// `POST https://api.example/streams/7?callbackUrl=…` with a JSON body and headers.
    static let request: ServerRequest = {
        var head = HTTPRequest(
            method: .post, scheme: "https", authority: "api.example",
            path: "/streams/7?callbackUrl=https%3A%2F%2Fsub.example%2Fq&tenant=blue+team")
        head.headerFields[HTTPField.Name("X-Callback")!] = "https://sub.example/h"
        let body =
            #"{"hooks": {"url": "https://sub.example/b?x=1", "a/b": "s", "n": 3}, "list": ["https://sub.example/0"]}"#
        return ServerRequest(head: head, body: Array(body.utf8), pathParameters: ["id": "a%20b"], profile: .rest)
    }()

    @Test(arguments: [
        ("{$request.body#/hooks/url}", "https://sub.example/b?x=1"),
        ("{$request.body#/list/0}", "https://sub.example/0"),
        ("{$request.query.callbackUrl}/data", "https://sub.example/q/data"),
        ("{$request.header.x-callback}", "https://sub.example/h"),
        ("https://hooks.example/{$request.path.id}/{$request.body#/hooks/a~1b}", "https://hooks.example/a%20b/s"),
        (
            "https://hooks.example/?t={$request.query.tenant}&n={$request.body#/hooks/n}&m={$method}",
            "https://hooks.example/?t=blue%20team&n=3&m=POST"
        ),
        (
            "{$url}/done",
            "https://api.example/streams/7?callbackUrl=https%3A%2F%2Fsub.example%2Fq&tenant=blue+team/done"
        ),
        ("https://literal.example/hook", "https://literal.example/hook"),
    ])
    func evaluatesEachKindOfExpression(_ template: String, _ expected: String) throws {
        #expect(try CallbackURL(template).url(for: Self.request).absoluteString == expected)
    }

    @Test func aValueAfterLiteralTextCannotAddQueryItems() throws {
        var head = Self.request.head
        head.path = "/s?id=1%26admin%3Dtrue"
        let request = ServerRequest(head: head, body: [], pathParameters: [:], profile: .rest)
        #expect(
            try CallbackURL("https://hooks.example/x?id={$request.query.id}").url(for: request).absoluteString
                == "https://hooks.example/x?id=1%26admin%3Dtrue")
    }

    @Test func responseValuesNeedTheResponse() throws {
        let template = CallbackURL("{$response.header.Location}")
        #expect(
            throws: CallbackURLError(
                template: "{$response.header.Location}",
                reason: "{$response.header.Location}: the response is needed and was not given")
        ) { try template.url(for: Self.request) }
        var fields = HTTPFields()
        fields[.location] = "https://sub.example/from-response"
        let response = ServerResponse(status: 201, headerFields: fields)
        #expect(
            try template.url(for: Self.request, response: response).absoluteString
                == "https://sub.example/from-response")
    }

    @Test func missingValuesAndNonURLsAreTypedErrors() {
        #expect(throws: CallbackURLError.self) { try CallbackURL("{$request.body#/nothing}").url(for: Self.request) }
        #expect(throws: CallbackURLError.self) { try CallbackURL("{$request.query.none}").url(for: Self.request) }
        #expect(throws: CallbackURLError.self) { try CallbackURL("{$request.body#/hooks}").url(for: Self.request) }
        #expect(throws: CallbackURLError.self) { try CallbackURL("file:///etc/passwd").url(for: Self.request) }
        #expect(throws: CallbackURLError.self) { try CallbackURL("{$request.body#/hooks/a~1b}").url(for: Self.request) }
    }

    @Test func theRequestBeingServedIsCurrent() async throws {
        #expect(ServerRequest.current == nil)
        let url = try ServerRequest.currentOnTask.withValue(Self.request) {
            try CallbackURL("{$request.header.X-Callback}").url()
        }
        #expect(url.absoluteString == "https://sub.example/h")
    }

    @Test func aWholeURLRequestKeepsTheURLsPathAndQuery() throws {
        let split = try #require(APIClient.origin(of: URL(string: "https://sub.example:8443/a/b?t=1")!, query: "?r=2"))
        #expect(split.0.absoluteString == "https://sub.example:8443")
        #expect(split.1 == "/a/b?t=1&r=2")
        let bare = try #require(APIClient.origin(of: URL(string: "http://sub.example")!, query: ""))
        #expect(bare.1 == "/")
    }
}
