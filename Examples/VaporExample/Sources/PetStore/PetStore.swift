import Foundation
import OpenAPIRuntime
import OpenAPIVapor
import PetsAPI
import SpecGenRuntime
import Vapor

/// The Pets API's server side: the generated `APIHandler` protocol, implemented in memory.
public actor PetStore: APIHandler {
    /// In creation order, which is the order `listPets` answers in.
    private var pets: [Pet] = []
    private var indexByID: [String: Int] = [:]
    private var photos: [String: Data] = [:]

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
        if let existing = pets.first(where: { $0.name == input.name }) {
            // The declared 409: a typed body and a typed header, which the client decodes back.
            throw CreatePetError.conflict(
                TypedResponse(
                    status: 409, headers: .init(xExistingPet: existing.id),
                    body: Problem(title: "Duplicate name", detail: "\(existing.id) is already called \(input.name)")))
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

    /// Every pet, oldest first, one Server-Sent Event each, encoded as the client reads them.
    public func watchPets() async throws -> EventStream<ServerSentEventWithJSONData<Pet>> {
        EventStream(pets.map { ServerSentEventWithJSONData(event: "pet", data: $0, id: $0.id) }.stream)
    }

    /// Reads the form's parts as they arrive; the photo's bytes are collected from its streamed part.
    public func uploadPhoto(_ input: UploadPhotoInput) async throws -> PhotoReceipt {
        var receipt = PhotoReceipt(filename: "", contentType: "", bytes: 0)
        for try await part in input.body {
            switch part {
            case .caption(let caption): receipt.caption = caption
            case .photo(let file):
                let bytes = try await Data(collecting: file.body, upTo: Self.largestPhoto)
                photos[input.petId] = bytes
                receipt.filename = file.filename ?? ""
                receipt.contentType = file.contentType ?? ""
                receipt.bytes = bytes.count
            case .other: break
            }
        }
        return receipt
    }

    /// The stored photo, streamed in 64 KiB chunks (its length is known, so it is sent with one).
    public func getPhoto(_ input: GetPhotoInput) async throws -> HTTPBody {
        guard let photo = photos[input.petId] else {
            throw APIError(status: 404, name: "NoPhoto", message: "\(input.petId) has no photo")
        }
        let chunks = stride(from: 0, to: photo.count, by: 1 << 16).map { start in
            ArraySlice(photo[start..<min(start + (1 << 16), photo.count)])
        }
        return HTTPBody(chunks.stream, length: .known(Int64(photo.count)), iterationBehavior: .single)
    }

    /// The bearer token is the owner's name here; a real store would verify it.
    public func whoAmI(bearerAuth: BearerToken) async throws -> WhoAmIResponse {
        WhoAmIResponse(owner: bearerAuth.token)
    }

    /// Stores `photo` for `petID` directly (tests seed a download with it).
    public func setPhoto(_ photo: Data, for petID: String) {
        photos[petID] = photo
    }

    /// The photo stored for `petID`, if any.
    public func photo(of petID: String) -> Data? {
        photos[petID]
    }

    static let largestPhoto = 8 << 20
}

extension PetStore {
    /// Serves this store's routes on a Vapor application, through swift-openapi-vapor's transport.
    public nonisolated func register(on app: Application) throws {
        try registerHandlers(on: VaporTransport(routesBuilder: app))
    }
}

extension Array where Element: Sendable {
    /// The elements as an async sequence, one at a time (what a streamed body or event stream reads).
    var stream: AsyncStream<Element> {
        AsyncStream { continuation in
            for element in self { continuation.yield(element) }
            continuation.finish()
        }
    }
}
