import Foundation
import HTTPTypes
import OpenAPIRuntime
import Testing

@testable import SpecGenRuntime

/// What a generator writes for `GET /pets/{petId}`: 200 `Pet` with an `X-Rate-Remaining` header,
/// 404 `Problem`, 429 `Problem` with `Retry-After`; the client method and the server route below are
/// the statements the templates would emit.
struct Pet: Codable, Hashable, Sendable {
    var id: Int
    var name: String
}
struct Problem: Codable, Hashable, Sendable { var title: String }

struct RateHeaders: ResponseHeaders, Hashable {
    var remaining: Int?
    init(remaining: Int?) { self.remaining = remaining }
    init(from fields: HTTPFields) throws(ParameterError) {
        remaining = try fields.parameter("X-Rate-Remaining", as: Int.self)
    }
    func write(to fields: inout HTTPFields) throws { try fields.setParameter("X-Rate-Remaining", remaining) }
}

struct RetryHeaders: ResponseHeaders, Hashable {
    var retryAfter: Int
    init(retryAfter: Int) { self.retryAfter = retryAfter }
    init(from fields: HTTPFields) throws(ParameterError) {
        guard let value = try fields.parameter("Retry-After", as: Int.self) else {
            throw ParameterError(.header, "Retry-After", .missing)
        }
        retryAfter = value
    }
    func write(to fields: inout HTTPFields) throws { try fields.setParameter("Retry-After", retryAfter) }
}

enum GetPetError: Error, ResponseConvertible, Hashable {
    case notFound(TypedResponse<Problem, NoHeaders>)
    case tooManyRequests(TypedResponse<Problem, RetryHeaders>)

    func serverResponse(profile: WireProfile) throws -> ServerResponse {
        switch self {
        case .notFound(let response):
            return try ServerResponse(
                status: 404, body: .json(response.body, profile: profile), headers: response.headers)
        case .tooManyRequests(let response):
            return try ServerResponse(
                status: 429, body: .json(response.body, profile: profile), headers: response.headers)
        }
    }
}

/// The generated client method.
func getPet(_ client: APIClient, petId: Int) async throws -> TypedResponse<Pet, RateHeaders> {
    var request = ClientRequest(operationID: "getPet", method: .get, path: "/pets/{petId}")
    try request.path("petId", petId, .pathDefault)
    let response = try await client.perform(request, accept: ["application/json"])
    switch response.status {
    case 200: return try response.typed(try await response.json(Pet.self), headers: RateHeaders.self)
    case 404:
        throw GetPetError.notFound(try response.typed(try await response.json(Problem.self), headers: NoHeaders.self))
    case 429:
        throw GetPetError.tooManyRequests(
            try response.typed(try await response.json(Problem.self), headers: RetryHeaders.self))
    default: throw await response.undeclaredError()
    }
}

/// The generated server route around a handler that returns the success value and throws declared errors.
func getPetRoute(_ handler: @escaping @Sendable (Int) async throws -> TypedResponse<Pet, RateHeaders>) -> ServerRoute {
    ServerRoute("getPet", .get, "/pets/{petId}") { request in
        let petId = try request.path("petId", as: Int.self, .pathDefault)
        let output = try await handler(petId)
        return try ServerResponse(
            status: 200, body: .json(output.body, profile: request.profile), headers: output.headers)
    }
}

@Suite struct TypedResponseTests {
    let server = InProcessServer([
        getPetRoute { id in
            switch id {
            case 1: return TypedResponse(status: 200, headers: RateHeaders(remaining: 9), body: Pet(id: 1, name: "Rex"))
            case 2:
                throw GetPetError.tooManyRequests(
                    TypedResponse(status: 429, headers: RetryHeaders(retryAfter: 30), body: Problem(title: "slow down"))
                )
            case 3: throw APIError(status: 503, name: "Maintenance", message: "back soon")
            default: throw GetPetError.notFound(TypedResponse(status: 404, body: Problem(title: "no pet \(id)")))
            }
        }
    ])

    @Test func successIsTheValueWithItsHeaders() async throws {
        let pet = try await getPet(server.client(), petId: 1)
        #expect(pet.body == Pet(id: 1, name: "Rex"))
        #expect(pet.headers.remaining == 9)
        #expect(pet.headerFields[.contentType] == "application/json")
    }

    @Test func declaredErrorsAreTypedWithBodyStatusAndHeaders() async throws {
        do {
            _ = try await getPet(server.client(), petId: 7)
            Issue.record("expected an error")
        } catch GetPetError.notFound(let response) {
            #expect(response.status == 404 && response.body == Problem(title: "no pet 7"))
        }
        do {
            _ = try await getPet(server.client(), petId: 2)
            Issue.record("expected an error")
        } catch GetPetError.tooManyRequests(let response) {
            #expect(response.status == 429)
            #expect(response.body.title == "slow down")
            #expect(response.headers.retryAfter == 30)
            #expect(response.headerFields[HTTPField.Name("Retry-After")!] == "30")
        }
    }

    @Test func undeclaredStatusesAreAPIErrors() async throws {
        await #expect(
            throws: APIError(
                status: 503, name: "Maintenance", message: "back soon",
                body: Array(#"{"error":"Maintenance","message":"back soon"}"#.utf8))
        ) {
            _ = try await getPet(server.client(), petId: 3)
        }
    }

    /// A malformed path parameter answers 400 naming it, through the whole server.
    @Test func malformedParametersAre400sNamingThem() async throws {
        let response = try await server.client().perform(
            ClientRequest(operationID: "getPet", method: .get, path: "/pets/abc"))
        #expect(response.status == 400)
        let error = await response.undeclaredError()
        #expect(error.message == "path parameter 'petId' is malformed: 'abc' is not a valid Int")
    }
}
