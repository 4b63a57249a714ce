import Foundation
import GoldenSecurity
import HTTPTypes
import OpenAPIRuntime
import SpecGenRuntime
import Testing

/// A handler over Specs/security.yaml that answers with the credentials the generated route gave it.
struct SecurityEcho: APIHandler {
    func getMe(bearerAuth: BearerToken) async throws -> Seen { Seen(credentials: ["bearer=\(bearerAuth.token)"]) }
    func health() async throws -> Seen { Seen(credentials: []) }
    func listItems(_ input: ListItemsInput, apiKeyHeader: APIKey?, apiKeyQuery: APIKey?) async throws -> Seen {
        Seen(credentials: ["header=\(apiKeyHeader?.value ?? "nil")", "query=\(apiKeyQuery?.value ?? "nil")"])
    }
    func createItem(_ input: Seen, apiKeyHeader: APIKey, appCookie: APIKey) async throws -> Seen {
        Seen(credentials: ["header=\(apiKeyHeader.value)", "cookie=\(appCookie.value)"] + (input.credentials ?? []))
    }
    func resetAll(basicAuth: BasicCredentials) async throws -> Seen {
        Seen(credentials: ["basic=\(basicAuth.username):\(basicAuth.password)"])
    }
    func listPets(openId: BearerToken?, petstoreAuth: BearerToken?) async throws -> Seen {
        // The scopes the operation requires come with the token; a token granting only `write:pets` passes
        // neither `[read:pets]` nor `[admin:pets, write:pets]`: 403, as a handler checking its introspection would.
        if let petstoreAuth, petstoreAuth.token == "write-only",
            !petstoreAuth.isAuthorized(grantedScopes: ["write:pets"])
        {
            throw APIError(status: 403, name: "Forbidden", message: "missing scope")
        }
        let scopes = (petstoreAuth?.requiredScopes ?? []).map { $0.joined(separator: "+") }.joined(separator: "|")
        return Seen(credentials: [
            "oauth=\(petstoreAuth?.token ?? "nil")", "oidc=\(openId?.token ?? "nil")", "scopes=\(scopes)",
            "oidcScopes=\(openId?.requiredScopes.count ?? -1)",
        ])
    }
    func maybeSignedIn(bearerAuth: BearerToken?) async throws -> Seen {
        Seen(credentials: ["bearer=\(bearerAuth?.token ?? "nil")"])
    }
    func mutualTLSOnly() async throws -> Seen { Seen(credentials: ["unchecked"]) }
    func digestOnly(digestAuth: HTTPAuthorization) async throws -> Seen {
        Seen(credentials: ["scheme=\(digestAuth.scheme)", "credentials=\(digestAuth.credentials)"])
    }
    func unusableHTTPScheme() async throws -> Seen { Seen(credentials: ["unchecked"]) }
    func hostileNames(getMe: BearerToken, input2: APIKey, xExit1: APIKey) async throws -> Seen {
        Seen(credentials: [getMe.token, input2.value, xExit1.value])
    }
}

/// A transport in front of the in-memory server that records each request as the client sent it.
final class RecordingTransport: ClientTransport, @unchecked Sendable {
    let server: InMemoryServer
    private let lock = NSLock()
    private var recorded: [HTTPRequest] = []
    var requests: [HTTPRequest] { lock.withLock { recorded } }

    init(server: InMemoryServer) { self.server = server }

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (
        HTTPResponse, HTTPBody?
    ) {
        lock.withLock { recorded.append(request) }
        return try await server.send(request, body: body, baseURL: baseURL, operationID: operationID)
    }
}

@Suite("Generated security helpers: client one-liners and server credentials")
struct SecurityRoundTripTests {
    let url = URL(string: "http://127.0.0.1:1")!

    func serve() throws -> RecordingTransport {
        let server = InMemoryServer()
        try SecurityEcho().registerHandlers(on: server)
        return RecordingTransport(server: server)
    }

    @Test func bearerGoesOnlyToTheOperationsThatRequireIt() async throws {
        let transport = try serve()
        let client = Client(serverURL: url, transport: transport, middlewares: [Client.bearerAuth("t0k")])
        #expect(try await client.getMe().credentials == ["bearer=t0k"])
        #expect(try await client.health().credentials == [])
        // The document-wide default applies to getMe; `security: []` keeps health open and credential-free.
        let sent = transport.requests
        #expect(sent[0].headerFields[.authorization] == "Bearer t0k")
        #expect(sent[1].headerFields[.authorization] == nil)
    }

    @Test func tokenProviderIsAskedPerRequest() async throws {
        let transport = try serve()
        let counter = Counter()
        let client = Client(
            serverURL: url, transport: transport,
            middlewares: [Client.bearerAuth(tokenProvider: { "fresh\(counter.next())" })])
        #expect(try await client.getMe().credentials == ["bearer=fresh1"])
        #expect(try await client.getMe().credentials == ["bearer=fresh2"])
    }

    @Test func apiKeyAlternativesAreOrd() async throws {
        let transport = try serve()
        let byHeader = Client(serverURL: url, transport: transport, middlewares: [Client.apiKeyHeader("h1")])
        #expect(try await byHeader.listItems(ListItemsInput(limit: 2)).credentials == ["header=h1", "query=nil"])
        let byQuery = Client(serverURL: url, transport: transport, middlewares: [Client.apiKeyQuery("q 1&")])
        #expect(try await byQuery.listItems(ListItemsInput()).credentials == ["header=nil", "query=q 1&"])
        #expect(transport.requests[0].headerFields[HTTPField.Name("X-API-Key")!] == "h1")
        #expect(transport.requests[0].path == "/items?limit=2")
        #expect(transport.requests[1].path == "/items?api_key=q%201%26")
        #expect(transport.requests[1].headerFields[HTTPField.Name("X-API-Key")!] == nil)
    }

    @Test func schemesOfOneRequirementAreAndd() async throws {
        let transport = try serve()
        let both = Client(
            serverURL: url, transport: transport,
            middlewares: [Client.apiKeyHeader("h"), Client.appCookie("s=1")])
        #expect(
            try await both.createItem(Seen(credentials: ["body"])).credentials == ["header=h", "cookie=s=1", "body"])
        #expect(transport.requests[0].headerFields[.cookie] == "session=s%3D1")
        // The header alone is not enough: 401 before the handler runs.
        let headerOnly = Client(serverURL: url, transport: transport, middlewares: [Client.apiKeyHeader("h")])
        let error = await #expect(throws: APIError.self) { try await headerOnly.createItem(Seen()) }
        #expect(error?.status == 401)
    }

    @Test func basicCredentialsReachTheHandler() async throws {
        let transport = try serve()
        let client = Client(
            serverURL: url, transport: transport,
            middlewares: [Client.basicAuth(username: "ada", password: "p:w"), Client.bearerAuth("unused")])
        #expect(try await client.resetAll().credentials == ["basic=ada:p:w"])
        #expect(
            transport.requests[0].headerFields[.authorization] == "Basic " + Data("ada:p:w".utf8).base64EncodedString())
    }

    @Test func oauth2AndOpenIDConnectSendBearerTokens() async throws {
        let transport = try serve()
        let oauth = Client(serverURL: url, transport: transport, middlewares: [Client.petstoreAuth("o1")])
        // petstore_auth's scopes from both requirements naming it (OR'd lists); openId lists none.
        let expectedScopes = ["scopes=read:pets|admin:pets+write:pets", "oidcScopes=0"]
        #expect(try await oauth.listPets().credentials == ["oauth=o1", "oidc=o1"] + expectedScopes)
        let oidc = Client(serverURL: url, transport: transport, middlewares: [Client.openId(tokenProvider: { "i1" })])
        #expect(try await oidc.listPets().credentials == ["oauth=i1", "oidc=i1"] + expectedScopes)
        // Another scheme's middleware does not apply to listPets.
        let wrong = Client(serverURL: url, transport: transport, middlewares: [Client.bearerAuth("b")])
        let error = await #expect(throws: APIError.self) { try await wrong.listPets() }
        #expect(error?.status == 401)
    }

    @Test func requiredScopesLetTheHandlerRefuseATokenWithout() async throws {
        let transport = try serve()
        let client = Client(serverURL: url, transport: transport, middlewares: [Client.petstoreAuth("write-only")])
        let error = await #expect(throws: APIError.self) { try await client.listPets() }
        #expect(error?.status == 403)
        let token = BearerToken("t", requiredScopes: [["read:pets"], ["admin:pets", "write:pets"]])
        #expect(token.isAuthorized(grantedScopes: ["read:pets"]))
        #expect(token.isAuthorized(grantedScopes: ["write:pets", "admin:pets", "other"]))
        #expect(!token.isAuthorized(grantedScopes: ["admin:pets"]))
        #expect(BearerToken("t").isAuthorized(grantedScopes: []))
    }

    @Test func anotherHTTPSchemeIsSetInOneLineAndHandedOverRaw() async throws {
        let transport = try serve()
        let value = #"username="ada", realm="api", response="6629fae4""#
        let client = Client(serverURL: url, transport: transport, middlewares: [Client.digestAuth(value)])
        #expect(try await client.digestOnly().credentials == ["scheme=Digest", "credentials=\(value)"])
        #expect(transport.requests[0].headerFields[.authorization] == "Digest " + value)
        // Only on the operations that name the scheme.
        _ = try await client.health()
        #expect(transport.requests[1].headerFields[.authorization] == nil)
        let counter = Counter()
        let fresh = Client(
            serverURL: url, transport: transport,
            middlewares: [Client.digestAuth(credentialsProvider: { "nc=\(counter.next())" })])
        #expect(try await fresh.digestOnly().credentials == ["scheme=Digest", "credentials=nc=1"])
        #expect(try await fresh.digestOnly().credentials == ["scheme=Digest", "credentials=nc=2"])
        // Without it, or with another scheme's value: 401 with the scheme's challenge.
        let server = InMemoryServer()
        try SecurityEcho().registerHandlers(on: server)
        let (response, _) = try await server.send(
            HTTPRequest(
                method: .get, scheme: nil, authority: nil, path: "/digest", headerFields: [.authorization: "Bearer x"]),
            body: nil, baseURL: url, operationID: "digestOnly")
        #expect(response.status.code == 401)
        #expect(response.headerFields[.wwwAuthenticate] == "Digest")
        // The scheme compares case-insensitively; the handler sees it as sent.
        let (lower, body) = try await server.send(
            HTTPRequest(
                method: .get, scheme: nil, authority: nil, path: "/digest",
                headerFields: [.authorization: "digest nonce=1"]),
            body: nil, baseURL: url, operationID: "digestOnly")
        #expect(lower.status.code == 200)
        let text = try await String(collecting: try #require(body), upTo: 1 << 16)
        #expect(text.contains("scheme=digest"))
    }

    @Test func missingCredentialAnswers401WithAChallenge() async throws {
        let server = InMemoryServer()
        try SecurityEcho().registerHandlers(on: server)
        let (response, _) = try await server.send(
            HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/me"), body: nil, baseURL: url,
            operationID: "getMe")
        #expect(response.status.code == 401)
        #expect(response.headerFields[.wwwAuthenticate] == "Bearer")
        let (basic, _) = try await server.send(
            HTTPRequest(
                method: .delete, scheme: nil, authority: nil, path: "/admin",
                headerFields: [.authorization: "Bearer not-basic"]),
            body: nil, baseURL: url, operationID: "resetAll")
        #expect(basic.status.code == 401)
        #expect(basic.headerFields[.wwwAuthenticate] == "Basic")
        let (pets, _) = try await server.send(
            HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/pets"), body: nil, baseURL: url,
            operationID: "listPets")
        #expect(pets.status.code == 401)
    }

    @Test func optionalAndUncheckedOperationsStayOpen() async throws {
        let transport = try serve()
        let anonymous = Client(serverURL: url, transport: transport)
        #expect(try await anonymous.maybeSignedIn().credentials == ["bearer=nil"])
        #expect(try await anonymous.mutualTLSOnly().credentials == ["unchecked"])
        #expect(try await anonymous.unusableHTTPScheme().credentials == ["unchecked"])
        let signedIn = Client(serverURL: url, transport: transport, middlewares: [Client.bearerAuth("me")])
        #expect(try await signedIn.maybeSignedIn().credentials == ["bearer=me"])
    }

    @Test func hostileSchemeNamesStayData() async throws {
        let transport = try serve()
        let client = Client(
            serverURL: url, transport: transport, middlewares: [Client.getMe2("g"), Client.xExit1("x\"y")])
        // `X-Input"); exit(1); //` is no valid header name, so that requirement can never be met: 401, no crash.
        let error = await #expect(throws: APIError.self) { try await client.hostileNames() }
        #expect(error?.status == 401)
        #expect(transport.requests[0].headerFields[.authorization] == "Bearer g")
        #expect(transport.requests[0].headerFields[.cookie] == "c%22%5C%28exit%281%29%29=x%22y")
    }
}

/// A thread-safe counter for token providers.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int {
        lock.withLock {
            value += 1
            return value
        }
    }
}
