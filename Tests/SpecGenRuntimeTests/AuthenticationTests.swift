import Foundation
import HTTPTypes
import OpenAPIRuntime
import Testing

@testable import SpecGenRuntime

@Suite struct AuthenticationTests {
    /// A route that answers with the credential it extracted, as the handler would receive it.
    static func server(_ schemes: [SecurityScheme]) -> InProcessServer {
        InProcessServer([
            ServerRoute("whoami", .get, "/me") { request in
                let description: String
                switch try request.credential(anyOf: schemes) {
                case .bearer(let token): description = "bearer \(token.token)"
                case .basic(let credentials): description = "basic \(credentials.username) \(credentials.password)"
                case .apiKey(let key): description = "key \(key.value)"
                case .http(let value): description = "http \(value.scheme) \(value.credentials)"
                }
                return try ServerResponse(status: 200, body: .text(description))
            }
        ])
    }

    static func call(_ server: InProcessServer, _ middleware: AuthenticationMiddleware?) async throws
        -> ReceivedResponse
    {
        try await server.client(middleware.map { [$0] } ?? []).perform(
            ClientRequest(operationID: "whoami", method: .get, path: "/me"))
    }

    @Test func oneLineOnTheClientATypedCredentialOnTheServer() async throws {
        let cases: [(SecurityScheme, AuthenticationMiddleware, String, String)] = [
            (.httpBearer, .bearer("t0k3n"), "Authorization", "Bearer t0k3n"),
            (.oauth2, .bearer(tokenProvider: { "fresh" }), "Authorization", "Bearer fresh"),
            (.httpBasic, .basic(username: "ann", password: "p:w"), "Authorization", "Basic YW5uOnA6dw=="),
            (.apiKey(name: "X-API-Key", in: .header), .apiKey("k1", name: "X-API-Key", in: .header), "X-API-Key", "k1"),
            (
                .apiKey(name: "session", in: .cookie), .apiKey("a b", name: "session", in: .cookie), "Cookie",
                "session=a%20b"
            ),
            (
                .http(scheme: "Digest"), .authorization(scheme: "Digest", "nonce=\"1\""), "Authorization",
                "Digest nonce=\"1\""
            ),
        ]
        for (scheme, middleware, field, wire) in cases {
            let server = Self.server([scheme])
            let response = try await Self.call(server, middleware)
            #expect(server.lastRequest?.headerFields[HTTPField.Name(field)!] == wire)
            #expect(response.status == 200)
        }
        let query = Self.server([.apiKey(name: "api_key", in: .query)])
        let response = try await Self.call(query, .apiKey("q&1", name: "api_key", in: .query))
        #expect(query.lastRequest?.path == "/me?api_key=q%261")
        #expect(try await response.text() == "key q&1")
        #expect(
            try await Self.call(Self.server([.httpBasic]), .basic(username: "ann", password: "p:w")).text()
                == "basic ann p:w")
        let digest = Self.server([.httpBearer, .http(scheme: "Digest")])
        #expect(
            try await Self.call(digest, .authorization(scheme: "Digest", credentialsProvider: { "r=2" })).text()
                == "http Digest r=2")
    }

    @Test func aMissingCredentialIs401WithAChallenge() async throws {
        let server = Self.server([.httpBearer, .httpBasic, .apiKey(name: "X-API-Key", in: .header)])
        let response = try await Self.call(server, nil)
        #expect(response.status == 401)
        #expect(response.headerFields[values: .wwwAuthenticate] == ["Bearer", "Basic"])
        #expect(await response.undeclaredError().name == "UnauthorizedException")
        // The wrong scheme is no credential either.
        #expect(try await Self.call(Self.server([.httpBearer]), .basic(username: "a", password: "b")).status == 401)
    }

    @Test func credentialsApplyOnlyToTheOperationsNamed() async throws {
        let server = Self.server([.httpBearer])
        #expect(try await Self.call(server, .bearer("t", operations: ["other"])).status == 401)
        #expect(try await Self.call(server, .bearer("t", operations: ["whoami"])).status == 200)
    }

    /// `authenticate(anyOf:)`: alternatives OR'd, schemes within one AND'd, `[]` means optional.
    @Test func requirementsAreAlternativesOfSchemeSets() async throws {
        let key = SecurityScheme.apiKey(name: "X-API-Key", in: .header)
        let cookie = SecurityScheme.apiKey(name: "session", in: .cookie)
        func status(_ alternatives: [[SecurityScheme]], _ headers: HTTPFields) async throws -> Int {
            let server = InProcessServer([
                ServerRoute("whoami", .get, "/me") { request in
                    try request.authenticate(anyOf: alternatives)
                    return try ServerResponse(status: 200, body: .text("ok"))
                }
            ])
            var request = ClientRequest(operationID: "whoami", method: .get, path: "/me")
            request.headerFields = headers
            return try await server.client([]).perform(request).status
        }
        let both: HTTPFields = [HTTPField.Name("X-API-Key")!: "k", .cookie: "session=s"]
        let keyOnly: HTTPFields = [HTTPField.Name("X-API-Key")!: "k"]
        #expect(try await status([[key, cookie]], both) == 200)
        #expect(try await status([[key, cookie]], keyOnly) == 401)
        #expect(try await status([[key, cookie], [.httpBearer]], [.authorization: "Bearer t"]) == 200)
        #expect(try await status([[.httpBearer], [.httpBasic]], [.authorization: "Basic YTpi"]) == 200)
        #expect(try await status([[], [.httpBearer]], [:]) == 200)
        #expect(try await status([[.httpBearer]], [:]) == 401)
    }
}
