import Foundation
import GoldenFeatures
import HTTPTypes
import OpenAPIRuntime
import SpecGenRuntime
import Testing

/// A REST handler over Specs/features.yaml's operations.
struct PetStore: APIHandler {
    func getPet(_ input: GetPetInput) async throws -> Pet {
        guard input.petId != "missing" else {
            throw APIError(status: 404, name: "NotFound", message: "no pet \(input.petId)")
        }
        guard input.petId != "boom" else { throw APIError(status: 500, name: "Boom", message: "it broke") }
        return .cat(
            Cat(
                name: "\(input.petId)|\(input.include ?? [])|\(input.limit)|\(input.kind?.rawValue ?? "-")",
                petType: "cat"))
    }
    func updatePet(_ input: UpdatePetInput) async throws -> NoContent { NoContent() }
    func createPet(_ input: Pet) async throws -> Pet { input }
    /// Answers each declared response of `getAnimal` by the id asked for.
    func getAnimal(_ input: GetAnimalInput) async throws -> TypedResponse<Pet, GetAnimalOkHeaders> {
        switch input.id {
        case 404: throw GetAnimalError.notFound(TypedResponse(status: 404, body: Problem(title: "no animal")))
        case 429:
            throw GetAnimalError.tooManyRequests(
                TypedResponse(status: 429, headers: .init(retryAfter: 30), body: Problem(title: "slow down")))
        case 418:
            throw GetAnimalError.clientError(TypedResponse(status: 418, body: Problem(title: "teapot", status: 418)))
        case 503:
            throw GetAnimalError.other(
                TypedResponse(status: 503, headers: .init(xTrace: "t-1"), body: Problem(title: "down")))
        default:
            return TypedResponse(
                status: 200, headers: .init(xRateRemaining: 9, xTags: ["a", "b"]),
                body: .cat(Cat(name: "animal \(input.id)", petType: "cat")))
        }
    }
    /// Answers each success of `adoptPet` by the mode asked for.
    func adoptPet(_ input: AdoptPetInput) async throws -> AdoptPetOutput {
        switch input.mode {
        case "now": return .ok(.dog(Dog(name: "Rex", petType: "dog")))
        case "record":
            return .created(
                TypedResponse(status: 201, headers: .init(location: "/adoptions/7"), body: Problem(title: "recorded")))
        case "fail": throw AdoptPetError.serverError(TypedResponse(status: 502, body: NoContent()))
        default: return .noContent(NoContent())
        }
    }
    func uploadFile(_ input: UploadFileInput) async throws -> UploadFileResponse {
        UploadFileResponse(size: Int64(try await input.body.collectBytes(upTo: 1 << 20).count))
    }
    func downloadFile(_ input: DownloadFileInput) async throws -> HTTPBody { HTTPBody(input.name) }
    func echoTree(_ input: TreeNode) async throws -> TreeNode { input }
    func putSettings(_ input: Settings) async throws -> Settings { input }
    func getQuota() async throws -> TypedResponse<GetQuotaResponse, GetQuotaOkHeaders> {
        TypedResponse(status: 200, headers: .init(xQuota: 1, xPlan: .dog), body: GetQuotaResponse(left: 1))
    }
    func getStatus() async throws -> Status {
        Status(
            id: "1", checked: Date(), day: Date(), count: 5, ratio: 1, code: "abc", tags: [], kind: .dog,
            owner: .dog(Dog(name: "Rex", petType: "dog")))
    }
    func subscribe(_ input: SubscribeInput) async throws -> NoContent { NoContent() }
    /// One line per parameter, as the server parsed it.
    func styledParameters(_ input: StyledParametersInput) async throws -> StyledParametersResponse {
        func filter(_ value: Filter?) -> String { value.map { "\($0.color ?? "-"),\($0.size ?? -1)" } ?? "nil" }
        return StyledParametersResponse(lines: [
            "simple=\(input.simple)", "label=\(input.label)", "matrix=\(input.matrix)",
            "exploded=\(input.exploded ?? [])", "commas=\(input.commas ?? [])", "spaced=\(input.spaced ?? [])",
            "piped=\(input.piped ?? [])", "filter=\(filter(input.filter))", "xTags=\(input.xTags ?? [])",
            "session=\(input.session)", "where=\(filter(input.where_))",
        ])
    }
}

@Suite("Generated REST client and server: features")
struct FeaturesOperationTests {
    let url = URL(string: "http://127.0.0.1:1")!

    @Test func clientPutsParametersWhereTheSpecSays() async throws {
        let transport = CannedTransport(body: #"{"petType": "dog", "name": "Rex"}"#)
        let input = GetPetInput(
            petId: "a b/c", include: ["x", "y&z"], xRequestId: "req-1",
            since: Date(timeIntervalSince1970: 0), kind: .cat, limit: 5)
        let pet = try await Client(serverURL: url, transport: transport).getPet(input)
        #expect(pet == .dog(Dog(name: "Rex", petType: "dog")))
        let (request, body) = try #require(transport.requests.first)
        #expect(request.method == .get)
        #expect(
            request.path == "/pets/a%20b%2Fc?include=x&include=y%26z&since=1970-01-01T00%3A00%3A00Z&kind=cat&limit=5")
        #expect(request.headerFields[HTTPField.Name("X-Request-Id")!] == "req-1")
        #expect(body.isEmpty)
    }

    @Test func binaryBodiesTravelRaw() async throws {
        let transport = CannedTransport(body: #"{"size": 3}"#)
        let output = try await Client(serverURL: url, transport: transport).uploadFile(
            .init(name: "f", body: HTTPBody([0, 1, 2])))
        #expect(output.size == 3)
        let (request, body) = try #require(transport.requests.first)
        #expect(request.path == "/files/f")
        #expect(request.headerFields[.contentType] == "application/octet-stream")
        #expect(body == [0, 1, 2])
    }

    func dispatch(_ method: HTTPRequest.Method, _ path: String, parameters: [String: Substring], body: String? = nil)
        async throws -> (Int, String)
    {
        let table = PetStore().routeTable
        let template = table.routes.first { $0.method == method && Self.matches($0.path, path) }!
        let (response, responseBody) = try await table.dispatch(
            HTTPRequest(method: method, scheme: nil, authority: nil, path: path), body: body.map { HTTPBody($0) },
            metadata: ServerRequestMetadata(pathParameters: parameters),
            candidates: table.routes.filter { $0.method == method && $0.path == template.path })
        let bytes = try await responseBody?.collectBytes(upTo: 1 << 20) ?? []
        return (response.status.code, String(decoding: bytes, as: UTF8.self))
    }

    static func matches(_ template: String, _ path: String) -> Bool {
        let a = template.split(separator: "/")
        let b = path.split(separator: "?")[0].split(separator: "/")
        return a.count == b.count && zip(a, b).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
    }

    @Test func serverReadsPathQueryAndHeaderParameters() async throws {
        let (status, body) = try await dispatch(
            .get, "/pets/p1?include=a&include=b&limit=2&kind=dog", parameters: ["petId": "p1"])
        #expect(status == 200)
        #expect(body.contains(#""name":"p1|[\"a\", \"b\"]|2|dog""#))
        #expect(body.contains(#""petType":"cat""#))
    }

    @Test func missingRequiredOrMalformedParametersAre400() async throws {
        let (missing, missingBody) = try await dispatch(.get, "/pets/p1", parameters: ["petId": "p1"])
        #expect(missing == 400)
        #expect(missingBody.contains("query parameter 'limit' is required"))
        let (malformed, _) = try await dispatch(.get, "/pets/p1?limit=many", parameters: ["petId": "p1"])
        #expect(malformed == 400)
    }

    @Test func handlerErrorsKeepTheirStatus() async throws {
        let (status, body) = try await dispatch(.get, "/pets/missing?limit=1", parameters: ["petId": "missing"])
        #expect(status == 404)
        #expect(body.contains(#""error":"NotFound""#))
    }

    @Test func noContentAndBinaryResponses() async throws {
        let (updated, updatedBody) = try await dispatch(
            .patch, "/pets/p1", parameters: ["petId": "p1"], body: #"{"nickname": null}"#)
        #expect(updated == 204)
        #expect(updatedBody.isEmpty)
        let (downloaded, bytes) = try await dispatch(.get, "/files/report", parameters: ["name": "report"])
        #expect(downloaded == 200)
        #expect(bytes == "report")
    }
}
