import AppleBench
import Foundation
import OpenAPIRuntime
import SpecGenBench

// The per-request cost of each generator's client + server for one operation: the client encodes the
// input (path, query, JSON body), the stub transport routes it to the server's handler, the server
// decodes it, calls the handler, encodes the answer, and the client decodes that. Both sides answer
// the same values; each is checked once before timing, so an error path is never what is measured.
//
//     RuntimeBench [--iterations N] [--runs R]
//
// Prints one JSON object: for each operation, each side's R run times in microseconds per request,
// runs alternated (SpecGen, apple, SpecGen, …) so both see the same machine load.

// MARK: - SpecGen's side

struct SpecGenHandler: SpecGenBench.APIHandler {
    func getPet(_ input: SpecGenBench.GetPetInput) async throws -> SpecGenBench.Pet {
        SpecGenBench.Pet(
            id: input.petId, name: "Rex", kind: .dog, tags: ["good", "boy"], age: 3,
            owner: SpecGenBench.Owner(id: input.ownerId, email: "owner@example.com"))
    }

    func listPets(_ input: SpecGenBench.ListPetsInput) async throws -> [SpecGenBench.Pet] {
        (0..<Int(input.limit ?? 10)).map { i in
            SpecGenBench.Pet(id: Int64(i), name: "Pet \(i)", kind: .cat, tags: ["a"], age: Int32(i))
        }
    }

    func createPet(_ input: SpecGenBench.NewPet) async throws -> SpecGenBench.Pet {
        SpecGenBench.Pet(
            id: 7, name: input.name, kind: SpecGenBench.Pet.Kind(rawValue: input.kind.rawValue), tags: input.tags,
            age: input.age)
    }
}

struct SpecGenSide {
    let client: SpecGenBench.Client

    init() throws {
        let transport = StubTransport()
        try SpecGenHandler().registerHandlers(on: transport)
        client = SpecGenBench.Client(serverURL: URL(string: "http://localhost")!, transport: transport)
    }

    func getPet() async throws -> String {
        let pet = try await client.getPet(.init(ownerId: "o-17", petId: 42, include: "owner", verbose: true))
        return "\(pet.id) \(pet.name) \(pet.owner?.id ?? "-")"
    }

    func listPets() async throws -> String {
        let pets = try await client.listPets(.init(limit: 10))
        return "\(pets.count) \(pets.last?.name ?? "-")"
    }

    func createPet() async throws -> String {
        let pet = try await client.createPet(.init(name: "Tom", kind: .cat, tags: ["new", "indoor"], age: 2))
        return "\(pet.id) \(pet.name) \(pet.kind.rawValue)"
    }
}

// MARK: - apple's side

struct AppleHandler: AppleBench.APIProtocol {
    func getPet(_ input: Operations.getPet.Input) async throws -> Operations.getPet.Output {
        .ok(
            .init(
                body: .json(
                    .init(
                        id: input.path.petId, name: "Rex", kind: .dog, tags: ["good", "boy"], age: 3,
                        owner: .init(id: input.path.ownerId, email: "owner@example.com")))))
    }

    func listPets(_ input: Operations.listPets.Input) async throws -> Operations.listPets.Output {
        .ok(
            .init(
                body: .json(
                    (0..<Int(input.query.limit ?? 10)).map { i in
                        .init(id: Int64(i), name: "Pet \(i)", kind: .cat, tags: ["a"], age: Int32(i))
                    })))
    }

    func createPet(_ input: Operations.createPet.Input) async throws -> Operations.createPet.Output {
        guard case .json(let new) = input.body else { return .undocumented(statusCode: 415, .init()) }
        return .created(
            .init(
                body: .json(
                    .init(
                        id: 7, name: new.name, kind: .init(rawValue: new.kind.rawValue)!, tags: new.tags,
                        age: new.age))))
    }
}

struct UnexpectedOutput: Error {}

struct AppleSide {
    let client: AppleBench.Client

    init() throws {
        let transport = StubTransport()
        try AppleHandler().registerHandlers(on: transport)
        client = AppleBench.Client(serverURL: URL(string: "http://localhost")!, transport: transport)
    }

    func getPet() async throws -> String {
        let output = try await client.getPet(
            .init(path: .init(ownerId: "o-17", petId: 42), query: .init(include: "owner", verbose: true)))
        let pet = try output.ok.body.json
        return "\(pet.id) \(pet.name) \(pet.owner?.id ?? "-")"
    }

    func listPets() async throws -> String {
        let pets = try await client.listPets(.init(query: .init(limit: 10))).ok.body.json
        return "\(pets.count) \(pets.last?.name ?? "-")"
    }

    func createPet() async throws -> String {
        let output = try await client.createPet(
            .init(body: .json(.init(name: "Tom", kind: .cat, tags: ["new", "indoor"], age: 2))))
        let pet = try output.created.body.json
        return "\(pet.id) \(pet.name) \(pet.kind.rawValue)"
    }
}

// MARK: - timing

struct Operation {
    var name: String
    var specgen: () async throws -> String
    var apple: () async throws -> String
}

func option(_ name: String, default value: Int) -> Int {
    let args = CommandLine.arguments
    guard let index = args.firstIndex(of: name), index + 1 < args.count, let n = Int(args[index + 1]), n > 0 else {
        return value
    }
    return n
}

/// Microseconds per request over `iterations` calls.
func time(_ iterations: Int, _ call: () async throws -> String) async throws -> Double {
    let clock = ContinuousClock()
    var sink = 0
    let elapsed = try await clock.measure {
        for _ in 0..<iterations { sink &+= try await call().utf8.count }
    }
    precondition(sink > 0)
    let (seconds, attoseconds) = elapsed.components
    return (Double(seconds) + Double(attoseconds) * 1e-18) * 1e6 / Double(iterations)
}

let iterations = option("--iterations", default: 20_000)
let runs = option("--runs", default: 5)
let specgen = try SpecGenSide()
let apple = try AppleSide()
let operations = [
    Operation(name: "getPet (GET, path + query → JSON object)", specgen: specgen.getPet, apple: apple.getPet),
    Operation(name: "createPet (POST JSON body → 201 JSON object)", specgen: specgen.createPet, apple: apple.createPet),
    Operation(name: "listPets (GET, query → JSON array of 10)", specgen: specgen.listPets, apple: apple.listPets),
]

var report: [[String: Any]] = []
for operation in operations {
    // The same answer from both, or the comparison is meaningless.
    let (ours, theirs) = (try await operation.specgen(), try await operation.apple())
    guard ours == theirs else {
        FileHandle.standardError.write(Data("\(operation.name): SpecGen answered \(ours), apple \(theirs)\n".utf8))
        exit(1)
    }
    // Warm-up: caches, lazily initialised coders, the allocator.
    _ = try await time(max(iterations / 10, 1), operation.specgen)
    _ = try await time(max(iterations / 10, 1), operation.apple)
    var ourRuns: [Double] = []
    var theirRuns: [Double] = []
    for _ in 0..<runs {
        ourRuns.append(try await time(iterations, operation.specgen))
        theirRuns.append(try await time(iterations, operation.apple))
    }
    report.append(["operation": operation.name, "answer": ours, "specgen": ourRuns, "apple": theirRuns])
}
let json = try JSONSerialization.data(
    withJSONObject: ["iterations": iterations, "runs": runs, "operations": report], options: [.sortedKeys])
print(String(decoding: json, as: UTF8.self))
