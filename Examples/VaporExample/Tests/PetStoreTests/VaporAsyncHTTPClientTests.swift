import AsyncHTTPClient
import Foundation
import OpenAPIAsyncHTTPClient
import OpenAPIRuntime
import PetStore
import PetsAPI
import SpecGenRuntime
import Testing
import Vapor

/// The generated server served by Vapor (swift-openapi-vapor) and the generated client sending
/// through AsyncHTTPClient (swift-openapi-async-http-client), over a real socket on 127.0.0.1:
/// SpecGen's code runs on any swift-openapi-runtime transport, not only the ones its own tests use.
@Suite("Vapor server, AsyncHTTPClient client")
struct VaporAsyncHTTPClientTests {
    /// Starts Vapor on a free loopback port with a new store, runs `body` with a client for it, the
    /// server's URL and the store, stops Vapor. (`PetsAPI.Client`: Vapor has a `Client` of its own.)
    func withServer(_ body: (PetsAPI.Client, URL, PetStore) async throws -> Void) async throws {
        let app = try await Application.make(.testing)
        do {
            let store = PetStore()
            try store.register(on: app)
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = try #require(app.http.server.shared.localAddress?.port)
            let url = try #require(URL(string: "http://127.0.0.1:\(port)"))
            try await body(PetsAPI.Client(serverURL: url, transport: AsyncHTTPClientTransport()), url, store)
        } catch {
            await app.server.shutdown()
            try await app.asyncShutdown()
            throw error
        }
        await app.server.shutdown()
        try await app.asyncShutdown()
    }

    @Test func createsListsAndReadsPetsOverTheWire() async throws {
        try await withServer { client, _, _ in
            let born = Date(timeIntervalSince1970: 1_600_000_000)
            let rex = try await client.createPet(NewPet(name: "Rex", species: .dog, born: born))
            #expect(rex == Pet(id: "pet-1", name: "Rex", species: .dog, born: born))
            _ = try await client.createPet(NewPet(name: "Tom", species: .cat))
            _ = try await client.createPet(NewPet(name: "Fido", species: .dog))

            #expect(try await client.getPet(GetPetInput(petId: "pet-1")) == rex)
            let dogs = try await client.listPets(ListPetsInput(species: .dog))
            #expect(dogs.pets.map(\.name) == ["Rex", "Fido"])
            let first = try await client.listPets(ListPetsInput(limit: 2))
            #expect(first.pets.map(\.name) == ["Rex", "Tom"])
        }
    }

    @Test func errorsTravelAsTheirStatus() async throws {
        try await withServer { client, _, _ in
            do {
                _ = try await client.getPet(GetPetInput(petId: "nope"))
                Issue.record("a missing pet was found")
            } catch GetPetError.notFound(let response) {
                #expect(response.status == 404)
            }
            do {
                _ = try await client.listPets(ListPetsInput(limit: 500))
                Issue.record("limit 500 was accepted")
            } catch let error as APIError {
                #expect(error.status == 400)
            }
        }
    }

    /// What the wire carries, seen by a plain AsyncHTTPClient request: the route, status and JSON body.
    @Test func theWireIsPlainRESTAndJSON() async throws {
        try await withServer { client, url, _ in
            _ = try await client.createPet(NewPet(name: "Nemo", species: .fish))
            var request = HTTPClientRequest(url: url.appendingPathComponent("pets/pet-1").absoluteString)
            request.method = .GET
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
            #expect(response.status == .ok)
            #expect(response.headers.first(name: "Content-Type")?.hasPrefix("application/json") == true)
            let body = try await response.body.collect(upTo: 1 << 16)
            let json = try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any]
            #expect(json?["name"] as? String == "Nemo")
            #expect(json?["species"] as? String == "fish")
        }
    }

    /// A declared error response with a header: the server throws the typed case, the client
    /// catches the same case with the body and the header decoded.
    @Test func aDeclaredErrorArrivesWithItsBodyAndHeader() async throws {
        try await withServer { client, _, _ in
            let rex = try await client.createPet(NewPet(name: "Rex", species: .dog))
            do {
                _ = try await client.createPet(NewPet(name: "Rex", species: .cat))
                Issue.record("a second Rex was created")
            } catch CreatePetError.conflict(let response) {
                #expect(response.status == 409)
                #expect(response.headers.xExistingPet == rex.id)
                #expect(response.body == Problem(title: "Duplicate name", detail: "pet-1 is already called Rex"))
            }
        }
    }

    /// `Client.bearerAuth` sends the token, the handler receives it as a `BearerToken`; without it
    /// the generated server answers 401 before the handler runs.
    @Test func aBearerTokenReachesTheHandler() async throws {
        try await withServer { client, url, _ in
            let signedIn = PetsAPI.Client(
                serverURL: url, transport: AsyncHTTPClientTransport(), middlewares: [PetsAPI.Client.bearerAuth("ada")])
            #expect(try await signedIn.whoAmI().owner == "ada")
            do {
                _ = try await client.whoAmI()
                Issue.record("answered without a token")
            } catch let error as APIError {
                #expect(error.status == 401)
            }
            // On the wire, the 401 carries the challenge of the scheme the operation asks for.
            let response = try await HTTPClient.shared.execute(
                HTTPClientRequest(url: url.appendingPathComponent("me").absoluteString), timeout: .seconds(10))
            #expect(response.status == .unauthorized)
            #expect(response.headers.first(name: "WWW-Authenticate") == "Bearer")
        }
    }

    /// A multipart form whose file part streams in chunks of unknown total length: the handler
    /// reads the parts as they arrive and gets the file's bytes, name and media type.
    @Test func aMultipartUploadStreamsItsFilePart() async throws {
        try await withServer { client, _, store in
            let photo = Self.bytes(count: 200_000)
            let chunks = stride(from: 0, to: photo.count, by: 10_000).map { photo[$0..<min($0 + 10_000, photo.count)] }
            let file = MultipartFile(
                HTTPBody(chunks.stream, length: .unknown, iterationBehavior: .single), filename: "rex.jpg")
            let receipt = try await client.uploadPhoto(
                UploadPhotoInput(petId: "pet-1", body: [.caption("Rex asleep"), .photo(file)]))
            #expect(
                receipt
                    == PhotoReceipt(
                        filename: "rex.jpg", contentType: "image/jpeg", caption: "Rex asleep", bytes: 200_000))
            #expect(await store.photo(of: "pet-1") == Data(photo))
        }
    }

    /// A binary response of a few hundred KB, streamed by the server and read by the client as an `HTTPBody`.
    @Test func aBinaryDownloadStreamsEveryByte() async throws {
        try await withServer { client, _, store in
            let photo = Data(Self.bytes(count: 300_000))
            await store.setPhoto(photo, for: "pet-1")
            let body = try await client.getPhoto(GetPhotoInput(petId: "pet-1"))
            var received = Data()
            var chunks = 0
            for try await chunk in body {
                received.append(contentsOf: chunk)
                chunks += 1
            }
            #expect(received == photo)
            #expect(chunks > 1, "the body arrived in one piece, not streamed")
        }
    }

    /// Server-Sent Events read as an async sequence of typed events, in the order the server sent them.
    @Test func serverSentEventsArriveTypedAndInOrder() async throws {
        try await withServer { client, _, _ in
            for (name, species) in [("Rex", Species.dog), ("Tom", .cat), ("Nemo", .fish)] {
                _ = try await client.createPet(NewPet(name: name, species: species))
            }
            var seen: [String] = []
            for try await event in try await client.watchPets() {
                #expect(event.event == "pet")
                seen.append("\(event.id ?? "-") \(event.data?.name ?? "-")")
            }
            #expect(seen == ["pet-1 Rex", "pet-2 Tom", "pet-3 Nemo"])
        }
    }

    /// `count` bytes that are not all alike, so that a dropped or reordered chunk shows.
    static func bytes(count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
    }
}

extension Array where Element: Sendable {
    /// The elements as an async sequence, one at a time.
    var stream: AsyncStream<Element> {
        AsyncStream { continuation in
            for element in self { continuation.yield(element) }
            continuation.finish()
        }
    }
}
