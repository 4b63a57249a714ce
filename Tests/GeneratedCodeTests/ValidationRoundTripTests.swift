import Foundation
import GoldenValidation
import HTTPTypes
import OpenAPIRuntime
import SpecGenRuntime
import Testing

/// A handler over Specs/validation.yaml that records what reached it.
final class PetShelter: APIHandler, @unchecked Sendable {
    private let lock = NSLock()
    private(set) var calls = 0
    /// What `getPet` answers.
    var found = Pet(name: "Rex")

    func createPet(_ input: CreatePetInput) async throws -> Pet {
        lock.withLock { calls += 1 }
        var pet = input.body
        pet.id = 7
        return pet
    }
    func getPet(_ input: GetPetInput) async throws -> Pet {
        lock.withLock { calls += 1 }
        return found
    }
    func putTags(_ input: [String]) async throws -> NoContent {
        lock.withLock { calls += 1 }
        return NoContent()
    }
    func recordVaccination(_ input: Vaccination) async throws -> NoContent {
        lock.withLock { calls += 1 }
        return NoContent()
    }
    func schedulePickup(_ input: Pickup) async throws -> NoContent {
        lock.withLock { calls += 1 }
        return NoContent()
    }
    func postMessage(_ input: Message) async throws -> Message {
        lock.withLock { calls += 1 }
        return input
    }
}

/// The generated server checks each request against Specs/validation.yaml before its handler
/// runs; the generated client can check an input before sending it.
@Suite("Generated code: validation from the schema")
struct ValidationRoundTripTests {
    static let url = URL(string: "http://127.0.0.1:1")!

    /// What the generated server answers a request: status, `Content-Type` and the body's text.
    func wire(
        _ method: HTTPRequest.Method, _ path: String, body: String? = nil, headers: [HTTPField] = [],
        handler: PetShelter = PetShelter()
    ) async throws -> (status: Int, contentType: String?, body: String) {
        var request = HTTPRequest(method: method, scheme: nil, authority: nil, path: path)
        if body != nil { request.headerFields[.contentType] = "application/json" }
        for field in headers { request.headerFields.append(field) }
        let (response, responseBody) = try await RoutingLoopback(table: handler.routeTable).send(
            request, body: body.map { HTTPBody($0) }, baseURL: Self.url, operationID: "")
        return (
            response.status.code, response.headerFields[.contentType],
            try await String(collecting: responseBody ?? HTTPBody(), upTo: 1 << 16)
        )
    }

    /// The `pointer constraint` of each violation in a problem details body.
    func violations(_ body: String) throws -> [String] {
        struct Problem: Decodable {
            struct Entry: Decodable {
                var pointer: String
                var constraint: String
            }
            var errors: [Entry]
        }
        return try JSONDecoder().decode(Problem.self, from: Data(body.utf8)).errors.map {
            "\($0.pointer) \($0.constraint)"
        }
    }

    @Test func aValidRequestReachesTheHandler() async throws {
        let handler = PetShelter()
        let (status, _, body) = try await wire(
            .post, "/pets?limit=100&tags=abc",
            body: #"{"name":"Rex","kind":"dog","price":19.99,"tags":["a","b"],"owner":{"email":"a@b.c"}}"#,
            headers: [HTTPField(name: HTTPField.Name("X-Trace")!, value: "0123abcd")], handler: handler)
        #expect(status == 201)
        #expect(body.contains(#""id":7"#))
        #expect(handler.calls == 1)
    }

    @Test func everyBodyViolationIsAnsweredAtOnceAndTheHandlerNeverRuns() async throws {
        let handler = PetShelter()
        let (status, contentType, body) = try await wire(
            .post, "/pets",
            body: #"{"name":"","kind":"cow","price":0,"tags":["abcd","x","x"],"labels":{"a":"toolong"},"#
                + #""owner":{"email":"nobody","address":"300.1.1.1"},"friends":[{"name":"Abcdefghijk"}],"#
                + #""level":4,"born":"2024-01-01","weight":200}"#, handler: handler)
        #expect(status == 400)
        #expect(contentType == "application/problem+json")
        #expect(handler.calls == 0)
        #expect(
            try violations(body) == [
                "/body/name minLength", "/body/kind enum", "/body/level enum", "/body/owner/email format",
                "/body/owner/address format", "/body/price exclusiveMinimum", "/body/weight exclusiveMaximum",
                "/body/tags maxItems", "/body/tags uniqueItems", "/body/tags/0 maxLength",
                "/body/friends/0/name maxLength",
                "/body/labels/a maxLength",
            ])
    }

    /// `oneOf`/`anyOf` of `required` lists, `not: {required}` and `dependentRequired` are rules on
    /// which keys a `Pickup` holds: the struct keeps its properties and the server checks the rules.
    @Test func rulesOnWhichKeysArePresentAreCheckedOnTheStruct() async throws {
        let handler = PetShelter()
        let valid = try await wire(
            .post, "/pickups", body: #"{"pet":"Rex","address":"1 Main St","email":"a@b.c"}"#, handler: handler)
        #expect(valid.status == 204)
        #expect(handler.calls == 1)
        let both = try await wire(
            .post, "/pickups", body: #"{"pet":"Rex","address":"1 Main St","shelterId":3,"phone":"555"}"#,
            handler: handler)
        #expect(both.status == 400)
        #expect(try violations(both.body) == ["/body oneOf", "/body dependentRequired"])
        #expect(both.body.contains("has every key of more than one of ['address'] or ['shelterId']"), "\(both.body)")
        #expect(both.body.contains("has 'phone', so needs 'callbackAt' too"), "\(both.body)")
        let neither = try await wire(
            .post, "/pickups", body: #"{"pet":"Rex","email":"a@b.c","callbackAt":"9:00"}"#, handler: handler)
        #expect(try violations(neither.body) == ["/body oneOf", "/body not"])
        #expect(neither.body.contains("may not have all of 'email', 'callbackAt'"), "\(neither.body)")
        let unreachable = try await wire(.post, "/pickups", body: #"{"pet":"Rex","shelterId":3}"#, handler: handler)
        #expect(try violations(unreachable.body) == ["/body anyOf"])
        #expect(unreachable.body.contains("needs every key of at least one of ['phone'] or ['email']"))
        #expect(handler.calls == 1)
    }

    /// Variants told apart only by an enum (OpenAI's messages, `role: system` or `user`): the
    /// variant whose enum lists the value wins, not the first that decodes with an unlisted one,
    /// so a valid request is not refused as `'user' is not one of the listed values`.
    @Test func aUnionPicksTheVariantWhoseEnumListsTheValue() async throws {
        let handler = PetShelter()
        let user = try await wire(
            .post, "/messages", body: #"{"role":"user","content":"hi","name":"Ann"}"#, handler: handler)
        #expect(user.status == 200, "\(user.body)")
        #expect(user.body.contains(#""name":"Ann""#), "the UserMessage came back whole: \(user.body)")
        let system = try await wire(.post, "/messages", body: #"{"role":"system","content":"be brief"}"#)
        #expect(system.status == 200, "\(system.body)")
        let decoded = try JSONDecoder().decode(Message.self, from: Data(#"{"role":"user","content":"hi"}"#.utf8))
        #expect(decoded == .userMessage(UserMessage(role: .user, content: "hi")))
        // A role no variant lists still decodes (a client never fails on a new value), as the
        // first variant that takes it leniently; a server then refuses it.
        let robot = try JSONDecoder().decode(Message.self, from: Data(#"{"role":"robot","content":"x"}"#.utf8))
        #expect(robot == .systemMessage(SystemMessage(role: .undocumented("robot"), content: "x")))
        let refused = try await wire(.post, "/messages", body: #"{"role":"robot","content":"x"}"#, handler: handler)
        #expect(refused.status == 400)
        #expect(try violations(refused.body) == ["/body/role enum"])
        #expect(handler.calls == 1)
    }

    /// `propertyNames` applies string rules to each key of a map; a key that breaks one is named
    /// by its own pointer, the value under it still checked by `additionalProperties`.
    @Test func everyKeyOfAMapKeepsThePropertyNamesRules() async throws {
        let handler = PetShelter()
        let (status, _, body) = try await wire(
            .post, "/pets", body: #"{"name":"Rex","labels":{"Big":"ok","toolong":"toolong"}}"#, handler: handler)
        #expect(status == 400)
        #expect(
            try violations(body) == [
                "/body/labels/Big propertyNames", "/body/labels/toolong propertyNames",
                "/body/labels/toolong maxLength",
            ])
        #expect(body.contains("the key does not match the pattern ^[a-z]+$"), "\(body)")
        #expect(body.contains("the key is 7 characters long, more than 5"), "\(body)")
        #expect(handler.calls == 0)
    }

    /// A server decodes a request as strictly as the schema types it: `null` for an optional
    /// property that allows none, and a required property left out though it may be `null`, are
    /// 400s; `null` where it is allowed is not.
    @Test func nullWhereTheSchemaAllowsNoneAndAMissingRequiredNullableAre400() async throws {
        let handler = PetShelter()
        let nullPrice = try await wire(.post, "/pets", body: #"{"name":"Rex","price":null}"#, handler: handler)
        #expect(nullPrice.status == 400)
        #expect(nullPrice.body.contains("'price' is null, which its schema does not allow"), "\(nullPrice.body)")
        let missingVet = try await wire(.post, "/vaccinations", body: #"{"vaccine":"rabies"}"#, handler: handler)
        #expect(missingVet.status == 400)
        #expect(missingVet.body.contains("missing required field 'vet'"), "\(missingVet.body)")
        #expect(handler.calls == 0)
        let nullVet = try await wire(
            .post, "/vaccinations", body: #"{"vaccine":"rabies","vet":null}"#, handler: handler)
        #expect(nullVet.status == 204)
        #expect(handler.calls == 1)
    }

    /// A client reads a response leniently (a server's `null` for an optional property is nil), and
    /// sends a required nullable property as `null`, never leaves it out.
    @Test func aClientReadsNullLenientlyAndSendsARequiredNullAsNull() throws {
        let pet = try JSONDecoder().decode(Pet.self, from: Data(#"{"name":"Rex","price":null}"#.utf8))
        #expect(pet.price == nil)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let sent = String(decoding: try encoder.encode(Vaccination(vaccine: "rabies")), as: UTF8.self)
        #expect(sent == #"{"vaccine":"rabies","vet":null}"#)
    }

    @Test func theProblemDetailsNameConstraintLimitAndWhatIsWrong() async throws {
        let (_, _, body) = try await wire(.post, "/pets", body: #"{"name":"Abcdefghijk"}"#)
        #expect(
            body
                == #"{"detail":"the request breaks its schema in 1 place","errors":[{"constraint":"maxLength","#
                + #""detail":"is 11 characters long, more than 10","limit":10,"pointer":"/body/name"}],"#
                + #""status":400,"title":"Bad Request","type":"about:blank"}"#)
    }

    @Test func parametersAreCheckedUnderTheirLocation() async throws {
        let (status, _, body) = try await wire(
            .post, "/pets?limit=0&tags=abcd", body: #"{"name":"Rex"}"#,
            headers: [HTTPField(name: HTTPField.Name("X-Trace")!, value: "XYZ")])
        #expect(status == 400)
        #expect(try violations(body) == ["/query/limit minimum", "/header/X-Trace pattern", "/query/tags/0 maxLength"])
    }

    @Test func aPathParameterKeepsItsFormat() async throws {
        #expect(try await wire(.get, "/pets/123e4567-e89b-12d3-a456-426614174000").status == 200)
        let (status, _, body) = try await wire(.get, "/pets/not-a-uuid")
        #expect(status == 400)
        #expect(try violations(body) == ["/path/petId format"])
    }

    @Test func aOneOfChecksTheVariantItDecodedAs() async throws {
        #expect(try await wire(.post, "/pets", body: #"{"name":"Rex","contact":"abc"}"#).status == 201)
        #expect(try await wire(.post, "/pets", body: #"{"name":"Rex","contact":true}"#).status == 201)
        let (status, _, body) = try await wire(
            .post, "/pets", body: #"{"name":"Rex","contact":{"email":"nobody"}}"#)
        #expect(status == 400)
        #expect(try violations(body) == ["/body/contact/email format"])
        let long = try await wire(.post, "/pets", body: #"{"name":"Rex","contact":"abcdef"}"#)
        #expect(try violations(long.body) == ["/body/contact maxLength"])
    }

    @Test func aReadOnlyPropertyMayNotBeSent() async throws {
        let (status, _, body) = try await wire(.post, "/pets", body: #"{"id":3,"name":"Rex"}"#)
        #expect(status == 400)
        #expect(try violations(body) == ["/body/id readOnly"])
    }

    @Test func aBodyKeepsTheRulesOfItsOwnSchemaInTheDeclaredProblemType() async throws {
        #expect(try await wire(.put, "/tags", body: #"["ab","cd","ef"]"#).status == 204)
        let (status, contentType, body) = try await wire(.put, "/tags", body: #"["ab","cd","ef","g"]"#)
        #expect(status == 400)
        #expect(contentType == "application/problem+json")
        #expect(try violations(body) == ["/body maxItems", "/body/3 minLength"])
    }

    @Test func aClientThatValidatesThrowsInsteadOfSending() async throws {
        let transport = CannedTransport(status: 204, body: "")
        var client = Client(serverURL: Self.url, transport: transport)
        client.client.validatesInputs = true
        await #expect(throws: ValidationFailure.self) { _ = try await client.putTags(["a"]) }
        #expect(transport.requests.isEmpty)
        _ = try await client.putTags(["ab"])
        #expect(transport.requests.count == 1)
    }

    @Test func aClientSendsUncheckedByDefault() async throws {
        let transport = CannedTransport(status: 204, body: "")
        _ = try await Client(serverURL: Self.url, transport: transport).putTags(["a"])
        #expect(transport.requests.count == 1)
    }

    @Test func aServerThatValidatesResponsesAnswers500ForABadHandlerBody() async throws {
        let handler = PetShelter()
        handler.found = Pet(name: "Abcdefghijk", secret: "hunter2")
        let path = "/pets/123e4567-e89b-12d3-a456-426614174000"
        var request = HTTPRequest(method: .get, scheme: nil, authority: nil, path: path)
        request.headerFields[.accept] = "application/json"
        #expect(
            try await RoutingLoopback(table: handler.routeTable).send(
                request, body: nil, baseURL: Self.url, operationID: ""
            ).0.status.code == 200)
        var table = handler.routeTable
        table.validatesResponses = true
        let (response, body) = try await RoutingLoopback(table: table).send(
            request, body: nil, baseURL: Self.url, operationID: "")
        #expect(response.status.code == 500)
        let text = try await String(collecting: body ?? HTTPBody(), upTo: 1 << 16)
        #expect(text.contains("/body/name: is 11 characters long, more than 10"))
        #expect(text.contains("/body/secret: is write-only"))
    }

    @Test func aClientThatValidatesResponsesThrowsOnABadBody() async throws {
        let transport = CannedTransport(
            status: 200, headers: [.contentType: "application/json"], body: #"{"name":"Abcdefghijk"}"#)
        var client = Client(serverURL: Self.url, transport: transport)
        let id = "123e4567-e89b-12d3-a456-426614174000"
        #expect(try await client.getPet(GetPetInput(petId: id)).name == "Abcdefghijk")
        client.client.validatesResponses = true
        let failure = await #expect(throws: ValidationFailure.self) {
            _ = try await client.getPet(GetPetInput(petId: id))
        }
        #expect(failure?.violations.map(\.pointer) == ["/body/name"])
    }
}
