import OpenAPIRuntime

/// A body larger than the limit: the server answers 413, the client throws.
public struct BodyTooLargeError: Error, Sendable, CustomStringConvertible {
    /// The limit in bytes that the body exceeded.
    public var limit: Int
    public var description: String { "the body is larger than \(limit) bytes" }
}

extension HTTPBody {
    /// All bytes of the body, refusing more than `limit` (checked against the declared length
    /// first, then while reading, so a liar or a slow stream cannot grow memory past it).
    public func collectBytes(upTo limit: Int) async throws -> [UInt8] {
        if case .known(let length) = self.length, length > limit { throw BodyTooLargeError(limit: limit) }
        var bytes: [UInt8] = []
        for try await chunk in self {
            guard bytes.count + chunk.count <= limit else { throw BodyTooLargeError(limit: limit) }
            bytes.append(contentsOf: chunk)
        }
        return bytes
    }
}
