import Foundation
import GoldenFeatures
import HTTPTypes
import OpenAPIRuntime
import SpecGenRuntime
import Testing

/// Specs/features.yaml's `getAnimal` (200 with headers, 404, 429 with a required header, 4XX,
/// default with a header) and `adoptPet` (200, 201 with a header, 204, 5XX): the generated client
/// against the generated server, every declared status answered by the handler and read back typed.
@Suite("Generated code: typed responses and errors")
struct TypedResponseRoundTripTests {
    let client = Client(
        serverURL: URL(string: "http://127.0.0.1:1")!, transport: RoutingLoopback(table: PetStore().routeTable))

    @Test func successIsTheValueWithItsTypedHeaders() async throws {
        let animal = try await client.getAnimal(.init(id: 1))
        #expect(animal.status == 200)
        #expect(animal.body == .cat(Cat(name: "animal 1", petType: "cat")))
        #expect(animal.headers == GetAnimalOkHeaders(xRateRemaining: 9, xTags: ["a", "b"]))
        #expect(animal.headerFields[HTTPField.Name("X-Rate-Remaining")!] == "9")
        #expect(animal.headerFields[.contentType] == "application/json")
    }

    @Test func eachDeclaredErrorIsItsCaseWithBodyAndHeaders() async throws {
        do {
            _ = try await client.getAnimal(.init(id: 404))
            Issue.record("expected notFound")
        } catch GetAnimalError.notFound(let response) {
            #expect(response.status == 404 && response.body == Problem(title: "no animal"))
        }
        do {
            _ = try await client.getAnimal(.init(id: 429))
            Issue.record("expected tooManyRequests")
        } catch GetAnimalError.tooManyRequests(let response) {
            #expect(response.status == 429)
            #expect(response.body == Problem(title: "slow down"))
            #expect(response.headers.retryAfter == 30)
            #expect(response.headerFields[.contentType] == "application/problem+json")
        }
        // 418 is declared only by the 4XX range: the range's case, with the status inside.
        do {
            _ = try await client.getAnimal(.init(id: 418))
            Issue.record("expected clientError")
        } catch GetAnimalError.clientError(let response) {
            #expect(response.status == 418 && response.body == Problem(title: "teapot", status: 418))
        }
        // `default` covers what nothing else declares.
        do {
            _ = try await client.getAnimal(.init(id: 503))
            Issue.record("expected other")
        } catch GetAnimalError.other(let response) {
            #expect(response.status == 503 && response.body.title == "down")
            #expect(response.headers.xTrace == "t-1")
        }
    }

    @Test func undeclaredStatusesAreAPIErrors() async throws {
        do {
            _ = try await client.getPet(.init(petId: "boom", limit: 1))
            Issue.record("expected an APIError")
        } catch let error as APIError {
            #expect(error.status == 500 && error.name == "Boom" && error.message == "it broke")
        }
    }

    /// A declared error without a body: its case carries the status and no content.
    @Test func declaredErrorWithoutBody() async throws {
        do {
            _ = try await client.getPet(.init(petId: "missing", limit: 1))
            Issue.record("expected notFound")
        } catch GetPetError.notFound(let response) {
            #expect(response.status == 404 && response.body == NoContent())
        }
    }

    @Test func severalSuccessesAreTheOutputEnum() async throws {
        #expect(try await client.adoptPet(.init(mode: "now")) == .ok(.dog(Dog(name: "Rex", petType: "dog"))))
        let created = try await client.adoptPet(.init(mode: "record"))
        guard case .created(let record) = created else {
            Issue.record("expected created, got \(created)")
            return
        }
        #expect(record.status == 201 && record.body.title == "recorded")
        #expect(record.headers.location == "/adoptions/7")
        #expect(try await client.adoptPet(.init(mode: "later")) == .noContent(NoContent()))
        do {
            _ = try await client.adoptPet(.init(mode: "fail"))
            Issue.record("expected serverError")
        } catch AdoptPetError.serverError(let response) {
            #expect(response.status == 502)
        }
    }

    /// The server side alone: a thrown declared error answers its status, media type, body and headers.
    @Test func handlerThrowingADeclaredErrorAnswersIt() async throws {
        let request = HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/animals/429")
        let (response, body) = try await RoutingLoopback(table: PetStore().routeTable).send(
            request, body: nil, baseURL: URL(string: "http://127.0.0.1:1")!, operationID: "getAnimal")
        #expect(response.status.code == 429)
        #expect(response.headerFields[HTTPField.Name("Retry-After")!] == "30")
        #expect(response.headerFields[.contentType] == "application/problem+json")
        let text = try await String(collecting: body ?? HTTPBody(), upTo: 1 << 16)
        #expect(text == #"{"title":"slow down"}"#)
    }

    /// The server's own errors take the operation's declared error shape: getAnimal's `4XX` is
    /// problem details, so a malformed path parameter answers RFC 9457 JSON the client reads as
    /// its `Problem`; getPet declares none, so it keeps the server's own shape.
    @Test func aServerMadeErrorIsWrittenInTheDeclaredProblemDetails() async throws {
        let request = HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/animals/abc")
        let (response, body) = try await RoutingLoopback(table: PetStore().routeTable).send(
            request, body: nil, baseURL: URL(string: "http://127.0.0.1:1")!, operationID: "getAnimal")
        #expect(response.status.code == 400)
        #expect(response.headerFields[.contentType] == "application/problem+json")
        let bytes = try await [UInt8](collecting: body ?? HTTPBody(), upTo: 1 << 16)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix(#"{"detail":"path parameter 'id' is malformed: "#), "\(text)")
        #expect(text.hasSuffix(#"","status":400,"title":"Bad Request","type":"about:blank"}"#), "\(text)")
        let problem = try JSONDecoder().decode(Problem.self, from: Data(bytes))
        #expect(problem.title == "Bad Request" && problem.status == 400)
    }

    @Test func aServerMadeErrorWithoutADeclaredShapeKeepsTheServersOwn() async throws {
        let request = HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/pets/7?limit=many")
        let (response, body) = try await RoutingLoopback(table: PetStore().routeTable).send(
            request, body: nil, baseURL: URL(string: "http://127.0.0.1:1")!, operationID: "getPet")
        #expect(response.status.code == 400)
        #expect(response.headerFields[.contentType] == "application/json")
        let text = try await String(collecting: body ?? HTTPBody(), upTo: 1 << 16)
        #expect(text.hasPrefix(#"{"error":"ValidationException""#), "\(text)")
    }

    /// A declared status whose response does not read as declared (a required header missing, a
    /// body in another format) is `APIError` with the status and the bytes, never a bare decoding error.
    @Test func aResponseThatDoesNotReadAsDeclaredIsAnAPIError() async throws {
        let missingHeader = CannedTransport(
            status: 429, headers: [.contentType: "application/problem+json"], body: #"{"title":"x"}"#)
        do {
            _ = try await Client(serverURL: URL(string: "http://127.0.0.1:1")!, transport: missingHeader)
                .getAnimal(.init(id: 1))
            Issue.record("expected an APIError")
        } catch let error as APIError {
            #expect(error.status == 429 && error.body == Array(#"{"title":"x"}"#.utf8))
        }
        let html = CannedTransport(status: 404, headers: [.contentType: "text/html"], body: "<h1>Not Found</h1>")
        do {
            _ = try await Client(serverURL: URL(string: "http://127.0.0.1:1")!, transport: html).getAnimal(.init(id: 1))
            Issue.record("expected an APIError")
        } catch let error as APIError {
            #expect(error.status == 404 && error.body == Array("<h1>Not Found</h1>".utf8))
        }
    }
}
