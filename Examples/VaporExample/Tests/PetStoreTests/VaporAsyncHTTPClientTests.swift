import AsyncHTTPClient
import Foundation
import OpenAPIAsyncHTTPClient
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
    /// Starts Vapor on a free loopback port with a new store, runs `body` with a client for it, stops Vapor.
    /// (`PetsAPI.Client`: Vapor has a `Client` of its own.)
    func withServer(_ body: (PetsAPI.Client, URL) async throws -> Void) async throws {
        let app = try await Application.make(.testing)
        do {
            try PetStore().register(on: app)
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = try #require(app.http.server.shared.localAddress?.port)
            let url = try #require(URL(string: "http://127.0.0.1:\(port)"))
            try await body(PetsAPI.Client(serverURL: url, transport: AsyncHTTPClientTransport()), url)
        } catch {
            await app.server.shutdown()
            try await app.asyncShutdown()
            throw error
        }
        await app.server.shutdown()
        try await app.asyncShutdown()
    }

    @Test func createsListsAndReadsPetsOverTheWire() async throws {
        try await withServer { client, _ in
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
        try await withServer { client, _ in
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
        try await withServer { client, url in
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
}
