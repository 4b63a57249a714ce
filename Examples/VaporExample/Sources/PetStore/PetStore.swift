import Foundation
import OpenAPIVapor
import PetsAPI
import SpecGenRuntime
import Vapor

/// The Pets API's server side: the generated `APIHandler` protocol, implemented in memory.
public actor PetStore: APIHandler {
    /// In creation order, which is the order `listPets` answers in.
    private var pets: [Pet] = []
    private var indexByID: [String: Int] = [:]

    public init() {}

    public func listPets(_ input: ListPetsInput) async throws -> ListPetsResponse {
        let limit = Int(input.limit ?? 100)
        guard (1...100).contains(limit) else {
            throw APIError(status: 400, name: "InvalidLimit", message: "limit must be between 1 and 100 (got \(limit))")
        }
        let matching = pets.lazy.filter { pet in input.species.map { $0 == pet.species } ?? true }
        return ListPetsResponse(pets: Array(matching.prefix(limit)))
    }

    public func createPet(_ input: NewPet) async throws -> Pet {
        guard !input.name.isEmpty else {
            throw APIError(status: 400, name: "InvalidName", message: "a pet needs a name")
        }
        let pet = Pet(id: "pet-\(pets.count + 1)", name: input.name, species: input.species, born: input.born)
        indexByID[pet.id] = pets.count
        pets.append(pet)
        return pet
    }

    public func getPet(_ input: GetPetInput) async throws -> Pet {
        guard let index = indexByID[input.petId] else {
            // The spec declares 404: the typed error the generated client catches as the same case.
            throw GetPetError.notFound(TypedResponse(status: 404, body: NoContent()))
        }
        return pets[index]
    }
}

extension PetStore {
    /// Serves this store's routes on a Vapor application, through swift-openapi-vapor's transport.
    public nonisolated func register(on app: Application) throws {
        try registerHandlers(on: VaporTransport(routesBuilder: app))
    }
}
