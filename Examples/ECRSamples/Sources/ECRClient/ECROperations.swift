import ECRAPI
import Foundation
import SpecGenRuntime

/// The operations `ecr-client` knows, by their AWS CLI names: each decodes the input JSON into the
/// generated input type, calls the generated client, and encodes the output as JSON (dates as epoch
/// seconds, as AWS JSON sends them).
enum ECROperations {
    typealias Call = @Sendable (Client, Data) async throws -> Data

    static let table: [String: Call] = [
        "create-repository": { client, json in try await run(client.createRepository, json) },
        "describe-repositories": { client, json in try await run(client.describeRepositories, json) },
        "delete-repository": { client, json in try await run(client.deleteRepository, json) },
        "put-image": { client, json in try await run(client.putImage, json) },
        "batch-get-image": { client, json in try await run(client.batchGetImage, json) },
        "list-images": { client, json in try await run(client.listImages, json) },
        "describe-images": { client, json in try await run(client.describeImages, json) },
    ]

    static var names: [String] { table.keys.sorted() }

    static func run<Input: Decodable, Output: Encodable>(_ operation: (Input) async throws -> Output, _ json: Data)
        async throws -> Data
    {
        let profile = WireProfile.awsJSON(version: "1.1")
        let input: Input
        do {
            input = try profile.makeDecoder().decode(Input.self, from: json)
        } catch {
            throw InputError(message: "--input does not decode as \(Input.self): \(describe(error))")
        }
        let encoder = profile.makeEncoder()
        encoder.outputFormatting.insert(.prettyPrinted)
        return try encoder.encode(try await operation(input))
    }

    static func describe(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, _)?: return "missing required member '\(key.stringValue)'"
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?, .dataCorrupted(let context)?:
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "'\(path)': \(context.debugDescription)"
        default: return String(describing: error)
        }
    }
}
