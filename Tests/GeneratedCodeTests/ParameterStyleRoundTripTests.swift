import Foundation
import GoldenFeatures
import HTTPTypes
import OpenAPIRuntime
import SpecGenRuntime
import Testing

/// A `ClientTransport` that routes each request through the generated server's `RouteTable` as a
/// server transport would: the route is found by method and path template, and the path
/// parameters are handed over as they were sent (still percent-encoded).
struct RoutingLoopback: ClientTransport {
    let table: RouteTable

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (
        HTTPResponse, HTTPBody?
    ) {
        let segments = (request.path ?? "/").prefix { $0 != "?" }.split(
            separator: "/", omittingEmptySubsequences: false)
        for route in table.routes where route.method == request.method {
            let template = route.path.split(separator: "/", omittingEmptySubsequences: false)
            guard template.count == segments.count,
                zip(template, segments).allSatisfy({ $0.hasPrefix("{") || $0 == $1 })
            else { continue }
            var parameters: [String: Substring] = [:]
            for (name, value) in zip(template, segments) where name.hasPrefix("{") {
                parameters[String(name.dropFirst().dropLast())] = value
            }
            return try await table.dispatch(
                request, body: body, metadata: ServerRequestMetadata(pathParameters: parameters),
                candidates: table.routes.filter { $0.method == route.method && $0.path == route.path })
        }
        return (HTTPResponse(status: .notFound), nil)
    }
}

/// Specs/features.yaml's `styledParameters`: every OpenAPI parameter style, from the generated
/// client's wire bytes to what the generated server reads back.
@Suite("Generated code: every parameter style")
struct ParameterStyleRoundTripTests {
    let url = URL(string: "http://127.0.0.1:1")!
    let input = StyledParametersInput(
        simple: ["a", "b"], label: ["c", "d"], matrix: ["e", "f"], exploded: [1, 2], commas: ["x", "y"],
        spaced: ["s", "t"], piped: ["p", "q"], filter: Filter(color: "red", size: 2), xTags: ["t1", "t2"],
        session: "abc", where_: Filter(color: "blue"))

    @Test func clientWritesEachStyle() async throws {
        let transport = CannedTransport(body: #"{"lines": []}"#)
        _ = try await Client(serverURL: url, transport: transport).styledParameters(input)
        let (request, _) = try #require(transport.requests.first)
        #expect(
            request.path
                == "/styles/a,b/.c,d/;matrix=e;matrix=f?exploded=1&exploded=2&commas=x,y&spaced=s%20t&piped=p%7Cq"
                + "&filter%5Bcolor%5D=red&filter%5Bsize%5D=2&where=%7B%22color%22%3A%22blue%22%7D")
        #expect(request.headerFields[HTTPField.Name("X-Tags")!] == "t1,t2")
        #expect(request.headerFields[.cookie] == "session=abc")
    }

    @Test func serverReadsWhatTheClientWrote() async throws {
        let client = Client(serverURL: url, transport: RoutingLoopback(table: PetStore().routeTable))
        let output = try await client.styledParameters(input)
        #expect(
            output.lines == [
                "simple=[\"a\", \"b\"]", "label=[\"c\", \"d\"]", "matrix=[\"e\", \"f\"]", "exploded=[1, 2]",
                "commas=[\"x\", \"y\"]", "spaced=[\"s\", \"t\"]", "piped=[\"p\", \"q\"]", "filter=red,2",
                "xTags=[\"t1\", \"t2\"]", "session=abc", "where=blue,-1",
            ])
    }

    @Test func absentOptionalsStayAbsent() async throws {
        let client = Client(serverURL: url, transport: RoutingLoopback(table: PetStore().routeTable))
        let output = try await client.styledParameters(
            StyledParametersInput(simple: ["1"], label: [], matrix: ["m"], session: "s"))
        #expect(output.lines.contains("filter=nil"))
        #expect(output.lines.contains("where=nil"))
        #expect(output.lines.contains("exploded=[]"))
    }

    @Test(arguments: [
        ("/styles/a/.c/;matrix=e?exploded=one", "session=s", "query parameter 'exploded' is malformed"),
        ("/styles/a/c/;matrix=e", "session=s", "path parameter 'label' is malformed"),
        ("/styles/a/.c/;matrix=e?where=%7Bnot-json", "session=s", "query parameter 'where' is malformed"),
        ("/styles/a/.c/;matrix=e?filter%5Bsize%5D=big", "session=s", "query parameter 'filter' is malformed"),
        ("/styles/a/.c/;matrix=e", "other=1", "cookie parameter 'session' is required"),
    ])
    func malformedOrMissingIs400NamingTheParameter(path: String, cookie: String, message: String) async throws {
        var fields = HTTPFields()
        fields[.cookie] = cookie
        let (response, body) = try await RoutingLoopback(table: PetStore().routeTable).send(
            HTTPRequest(method: .get, scheme: nil, authority: nil, path: path, headerFields: fields), body: nil,
            baseURL: url, operationID: "styledParameters")
        // The runtime writes deepObject keys as OpenAPI's examples do (`filter[size]`); escaped ones parse too.
        #expect(response.status.code == 400)
        let text = String(decoding: try await body?.collectBytes(upTo: 1 << 20) ?? [], as: UTF8.self)
        #expect(text.contains(message), "\(text)")
    }
}
