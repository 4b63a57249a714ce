import Foundation
import HTTPTypes
import OpenAPIRuntime
import Testing

@testable import SpecGenRuntime

struct Signup: Codable, Hashable {
    var name: String
    var age: Int
    var tags: [String]
    var referrer: String?
}

@Suite struct FormBodyTests {
    let signup = Signup(name: "Jane Doe & co", age: 42, tags: ["a", "b/c"], referrer: nil)

    @Test func encodesAsHTMLFormsDo() async throws {
        let body = try OutgoingBody.form(signup)
        #expect(body.contentType == "application/x-www-form-urlencoded")
        #expect(try await body.body.string() == "age=42&name=Jane+Doe+%26+co&tags=a&tags=b%2Fc")
    }

    @Test func decodesWhatBrowsersSend() async throws {
        let wire = "tags=x&name=Jane+Doe%21&age=7&referrer=ad%20banner"
        let decoded = try await HTTPBody(wire).form(Signup.self, upTo: 1024)
        #expect(decoded == Signup(name: "Jane Doe!", age: 7, tags: ["x"], referrer: "ad banner"))
    }

    @Test func roundTripsThroughAServer() async throws {
        let server = InProcessServer([
            ServerRoute("signup", .post, "/signup") { request in
                let input = try await request.decodeForm(Signup.self)
                return try ServerResponse(status: 200, body: .form(input))
            }
        ])
        let response = try await server.client().perform(
            ClientRequest(operationID: "signup", method: .post, path: "/signup"), body: .form(signup))
        #expect(server.lastRequest?.headerFields[.contentType] == "application/x-www-form-urlencoded")
        #expect(response.status == 200)
        #expect(try await response.form(Signup.self) == signup)
    }

    @Test func aBadFormIsA400() async throws {
        let server = InProcessServer([
            ServerRoute("signup", .post, "/signup") { request in
                _ = try await request.decodeForm(Signup.self)
                return ServerResponse(status: 204)
            }
        ])
        let body = OutgoingBody(HTTPBody("name=x&age=old"), contentType: "application/x-www-form-urlencoded")
        let response = try await server.client().perform(
            ClientRequest(operationID: "signup", method: .post, path: "/signup"), body: body)
        #expect(response.status == 400)
        #expect(await response.undeclaredError().name == "SerializationException")
    }
}

@Suite struct TextAndBinaryBodyTests {
    @Test func textRoundTripsAndInvalidUTF8IsRefused() async throws {
        let server = InProcessServer([
            ServerRoute("echo", .post, "/echo") { request in
                try ServerResponse(status: 200, body: .text(try await request.decodeText().uppercased()))
            }
        ])
        let client = server.client()
        let request = ClientRequest(operationID: "echo", method: .post, path: "/echo")
        let ok = try await client.perform(request, body: .text("héllo"))
        #expect(ok.contentType == "text/plain; charset=utf-8")
        #expect(try await ok.text() == "HÉLLO")
        let bad = try await client.perform(
            request, body: OutgoingBody(HTTPBody([0xC3, 0x28]), contentType: "text/plain"))
        #expect(bad.status == 400)
        #expect(await bad.undeclaredError().message == "the body is not UTF-8 text")
    }

    /// An upload streams through to the handler and back without being collected by the runtime:
    /// the handler sees the chunks the client sent, one by one.
    @Test func binaryBodiesStreamBothWays() async throws {
        var route = ServerRoute("upload", .put, "/blobs/{id}") { request in
            var sizes: [Int] = []
            for try await chunk in request.requestBody { sizes.append(chunk.count) }
            let echo = HTTPBody.chunks(sizes.map { String(repeating: "x", count: $0) })
            return try ServerResponse(status: 201, body: .binary(echo, contentType: "application/octet-stream"))
        }
        route.streamsRequestBody = true
        let server = InProcessServer([route])
        var request = ClientRequest(operationID: "upload", method: .put, path: "/blobs/{id}")
        try request.path("id", "b1", .pathDefault)
        let response = try await server.client().perform(request, body: .binary(.chunks(["abc", "de", "f"])))
        #expect(server.lastRequest?.headerFields[.contentType] == "application/octet-stream")
        #expect(response.status == 201)
        var chunks: [Int] = []
        for try await chunk in response.body { chunks.append(chunk.count) }
        #expect(chunks == [3, 2, 1])
    }

    @Test func aResponseLargerThanTheLimitIsRefusedWhenCollected() async throws {
        let big = HTTPBody(String(repeating: "a", count: 100))
        await #expect(throws: BodyTooLargeError.self) { try await big.text(upTo: 10) }
    }
}
