import Foundation
import GoldenFeatures
import HTTPTypes
import OpenAPIRuntime
import SpecGenRuntime
import Testing

/// A subscriber's receiver for Specs/features.yaml's webhooks and callbacks: it records what came.
final class WebhookInbox: APIWebhookHandler, @unchecked Sendable {
    private let lock = NSLock()
    private(set) var received: [String] = []

    private func note(_ line: String) { lock.withLock { received.append(line) } }

    func newPet(_ input: Pet) async throws -> NewPetResponse {
        note("newPet \(input)")
        return NewPetResponse(accepted: true)
    }
    func petRemoved(_ input: PetRemovedInput) async throws -> NoContent {
        note("petRemoved reason=\(input.reason ?? "-")")
        return NoContent()
    }
    func subscribePetChanged(_ input: SubscribePetChangedInput) async throws -> NoContent {
        note("petChanged \(input.xEventId) \(input.body.kind.rawValue) \(input.body.pet)")
        return NoContent()
    }
}

/// The API provider: on `subscribe` it evaluates the callback's URL from the request it is serving
/// and sends a `petChanged` callback there at once.
struct SubscriptionServer: APIHandler {
    let subscriberTransport: any ClientTransport
    let sent: @Sendable (URL) -> Void

    func subscribe(_ input: SubscribeInput) async throws -> NoContent {
        let url = try WebhooksClient.subscribePetChangedURL.url()
        sent(url)
        let event = PetEvent(kind: .updated, pet: .dog(Dog(name: "Rex", petType: "dog")))
        _ = try await WebhooksClient(serverURL: url, transport: subscriberTransport)
            .subscribePetChanged(SubscribePetChangedInput(xEventId: "ev-1", body: event))
        return NoContent()
    }
    // The rest of the API is PetStore's.
    func getPet(_ input: GetPetInput) async throws -> Pet { try await PetStore().getPet(input) }
    func getAnimal(_ input: GetAnimalInput) async throws -> TypedResponse<Pet, GetAnimalOkHeaders> {
        try await PetStore().getAnimal(input)
    }
    func adoptPet(_ input: AdoptPetInput) async throws -> AdoptPetOutput { try await PetStore().adoptPet(input) }
    func updatePet(_ input: UpdatePetInput) async throws -> NoContent { NoContent() }
    func createPet(_ input: Pet) async throws -> Pet { input }
    func uploadFile(_ input: UploadFileInput) async throws -> UploadFileResponse { UploadFileResponse(size: 0) }
    func downloadFile(_ input: DownloadFileInput) async throws -> HTTPBody { HTTPBody() }
    func echoTree(_ input: TreeNode) async throws -> TreeNode { input }
    func putSettings(_ input: Settings) async throws -> Settings { input }
    func getStatus() async throws -> Status { try await PetStore().getStatus() }
    func getQuota() async throws -> TypedResponse<GetQuotaResponse, GetQuotaOkHeaders> {
        try await PetStore().getQuota()
    }
    func styledParameters(_ input: StyledParametersInput) async throws -> StyledParametersResponse {
        StyledParametersResponse(lines: [])
    }
}

@Suite("Generated webhooks and callbacks: features")
struct WebhookRoundTripTests {
    @Test func theReceiverServesEachWebhookAtItsOwnPath() throws {
        let subscriber = InMemoryServer()
        try WebhookInbox().registerHandlers(on: subscriber)
        #expect(
            subscriber.registrations == ["POST /newPet", "POST /pet-removed", "POST /subscribe/petChanged"])
    }

    @Test func aWebhookSentToTheSubscribersURLIsDecodedByTheReceiver() async throws {
        let subscriber = InMemoryServer()
        let inbox = WebhookInbox()
        try inbox.registerHandlers(on: subscriber)
        // The subscriber registered these URLs; the client sends to each exactly as given.
        let hooks = URL(string: "https://subscriber.example/newPet")!
        let answer = try await WebhooksClient(serverURL: hooks, transport: subscriber)
            .newPet(.cat(Cat(name: "Tom", petType: "cat")))
        #expect(answer.accepted == true)
        _ = try await WebhooksClient(
            serverURL: URL(string: "https://subscriber.example/pet-removed")!, transport: subscriber
        ).petRemoved(PetRemovedInput(reason: "adopted & gone"))
        #expect(
            inbox.received == [
                "newPet \(Pet.cat(Cat(name: "Tom", petType: "cat")))", "petRemoved reason=adopted & gone",
            ])
    }

    @Test func aSubscribersURLKeepsItsPathAndQuery() async throws {
        let recorder = CannedTransport(status: 204, body: "")
        _ = try await WebhooksClient(
            serverURL: URL(string: "https://subscriber.example:8443/hooks/pets?token=a%2Bb")!, transport: recorder
        ).petRemoved(PetRemovedInput(reason: "sold"))
        let (request, _) = try #require(recorder.requests.first)
        #expect(request.method == .post)
        #expect(request.path == "/hooks/pets?token=a%2Bb&reason=sold")
    }

    @Test func aCallbackGoesToTheURLTheSubscribeRequestNamed() async throws {
        let subscriber = InMemoryServer()
        let inbox = WebhookInbox()
        try inbox.registerHandlers(on: subscriber)
        let provider = InMemoryServer()
        let sentTo = Recorded<URL>()
        try SubscriptionServer(subscriberTransport: subscriber, sent: { sentTo.append($0) })
            .registerHandlers(on: provider)

        _ = try await Client(serverURL: URL(string: "https://api.example")!, transport: provider).subscribe(
            SubscribeInput(
                tenant: "blue team",
                body: SubscribeRequest(callbackUrl: "https://subscriber.example/subscribe/petChanged")))

        // `{$request.body#/callbackUrl}?tenant={$request.query.tenant}`: the body's URL as written,
        // the query value escaped after literal text.
        #expect(
            sentTo.values.map(\.absoluteString) == [
                "https://subscriber.example/subscribe/petChanged?tenant=blue%20team"
            ])
        #expect(inbox.received == ["petChanged ev-1 updated \(Pet.dog(Dog(name: "Rex", petType: "dog")))"])
    }

    @Test func aCallbackURLOutsideARequestIsATypedError() throws {
        #expect(throws: CallbackURLError.self) { try WebhooksClient.subscribePetChangedURL.url() }
    }
}

final class Recorded<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Value] = []
    var values: [Value] { lock.withLock { stored } }
    func append(_ value: Value) { lock.withLock { stored.append(value) } }
}
