import Foundation
import HTTPTypes
import Testing

@testable import SpecGenRuntime

/// Array headers and path parameters travel in OpenAPI's `simple` style (`a,b,c`) and read back
/// as the same values on the server.
@Suite struct ParameterListTests {
    enum Mode: String, ParameterText, Equatable { case fast, slow }

    @Test func arrayHeadersAndPathsRoundTripFromClientToServer() throws {
        var request = ClientRequest(operationID: "putItems", method: .put, path: "/items/{ids}")
        request.path("ids", [1, 22, 333])
        request.header("X-Tags", ["red", "green blue"])
        request.header("X-Modes", [Mode.fast, Mode.slow])
        request.header("X-None", [String]?.none)
        #expect(request.pathAndQuery == "/items/1%2C22%2C333")
        #expect(request.headerFields[HTTPField.Name("X-Tags")!] == "red,green blue")
        #expect(request.headerFields[HTTPField.Name("X-None")!] == nil)

        // The server sees the path segment as a router hands it over: still percent-encoded.
        let head = HTTPRequest(
            method: .put, scheme: nil, authority: nil, path: request.pathAndQuery,
            headerFields: request.headerFields)
        let server = ServerRequest(head: head, body: [], pathParameters: ["ids": "1%2C22%2C333"], profile: .rest)
        #expect(try server.path("ids", as: [Int].self) == [1, 22, 333])
        #expect(try server.header("X-Tags", as: [String].self) == ["red", "green blue"])
        #expect(try server.header("X-Modes", as: [Mode].self) == [.fast, .slow])
        #expect(try server.header("X-None", as: [String].self) == nil)
    }

    @Test func malformedElementsAreRefusedAndHeaderSpacesTrimmed() throws {
        var fields = HTTPFields()
        fields[HTTPField.Name("X-Ids")!] = "1, 2 ,3"
        fields[HTTPField.Name("X-Bad")!] = "1,two"
        let head = HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/", headerFields: fields)
        let server = ServerRequest(head: head, body: [], pathParameters: ["ids": "1,x"], profile: .rest)
        #expect(try server.header("X-Ids", as: [Int].self) == [1, 2, 3])
        #expect(throws: RequestError.self) { try server.header("X-Bad", as: [Int].self) }
        #expect(throws: RequestError.self) { try server.path("ids", as: [Int].self) }
    }

    @Test func aNullableOptionalBodyTellsAbsentFromNull() throws {
        let head = HTTPRequest(method: .patch, scheme: nil, authority: nil, path: "/", headerFields: [:])
        func read(_ body: String) throws -> Nullable<[String: Int]>? {
            try ServerRequest(head: head, body: Array(body.utf8), pathParameters: [:], profile: .rest)
                .decodeNullableBody([String: Int].self)
        }
        #expect(try read("") == nil)
        #expect(try read("null") == .null)
        #expect(try read("{\"a\":1}") == .value(["a": 1]))
    }
}
