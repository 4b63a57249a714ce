import Foundation
import HTTPTypes
import OpenAPIRuntime
import Testing

@testable import SpecGenRuntime

/// Two operations on one wire route (Box's `/oauth2/token` and `/oauth2/token#refresh`): the
/// reader warns, both are generated, and the route table serves the first in document order.
@Suite struct RouteTableTests {
    @Test func twinRoutesAreServedByTheFirstInDocumentOrder() async throws {
        let routes = ["requestAccessToken", "refreshAccessToken"].map { operation in
            ServerRoute(operation, .post, "/oauth2/token") { _ in try .json(["served": operation], profile: .rest) }
        }
        let table = RouteTable(profile: .rest, routes: routes)
        #expect(table.groups.count == 1)
        let request = HTTPRequest(method: .post, scheme: "http", authority: "localhost", path: "/oauth2/token")
        let (head, body) = try await table.dispatch(
            request, body: nil, metadata: ServerRequestMetadata(), candidates: table.groups[0].routes)
        #expect(head.status.code == 200)
        let responseBody = try #require(body)
        let bytes = try await [UInt8](collecting: responseBody, upTo: 1 << 16)
        #expect(String(decoding: bytes, as: UTF8.self).contains("requestAccessToken"))
    }

    @Test(arguments: [
        ("https://api.example.com/v1", "/v1"), ("https://api.example.com/v1/", "/v1"),
        ("https://api.example.com/a/b", "/a/b"), ("https://api.example.com", ""), ("https://api.example.com/", ""),
        ("/v2", "/v2"),
    ])
    func routesMountUnderTheServerURLsPath(url: String, base: String) throws {
        #expect(RouteTable.basePath(of: URL(string: url)) == base)
    }

    @Test func withoutAServerURLRoutesMountAtTheRoot() {
        #expect(RouteTable.basePath(of: nil) == "")
    }

    @Test(arguments: [
        ("application/jsonl", true), ("application/*", true), ("*/*", true), ("text/event-stream", false),
        ("text/event-stream, application/jsonl;q=0.5", true), ("application/jsonl;q=0", false),
        ("*/*, application/jsonl;q=0", false), ("application/*;q=0, application/jsonl", true),
        ("Application/JSONL", true), ("", false),
    ])
    func acceptTakesAMediaTypeByItsMostSpecificRange(accept: String, takesJSONLines: Bool) {
        #expect(MediaRange.accepts(accept, "application/jsonl") == takesJSONLines)
    }

    @Test func aRouteAnswers406WhenAcceptTakesNoneOfItsMediaTypes() async throws {
        let route = ServerRoute("listNotes", .get, "/notes", produces: ["application/jsonl"]) { _ in
            ServerResponse(status: 200)
        }
        let table = RouteTable(profile: .rest, routes: [route])
        for (accept, status) in [("text/event-stream", 406), ("application/jsonl", 200), ("*/*", 200)] {
            var request = HTTPRequest(method: .get, scheme: "http", authority: "localhost", path: "/notes")
            request.headerFields[.accept] = accept
            let (head, _) = try await table.dispatch(
                request, body: nil, metadata: ServerRequestMetadata(), candidates: [route])
            #expect(head.status.code == status, "Accept: \(accept)")
        }
    }
}
