/// A coding key made from any string: for objects whose keys are data (additional properties).
public struct DynamicCodingKey: CodingKey, Hashable, Sendable {
    public var stringValue: String
    public var intValue: Int? { nil }

    public init(_ string: String) { stringValue = string }
    public init?(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { return nil }
}

extension KeyedDecodingContainer where Key == DynamicCodingKey {
    /// Every key not in `known`, decoded as `Value`: the additional properties of an object.
    public func decodeAdditional<Value: Decodable>(_ type: Value.Type, excluding known: Set<String>) throws -> [String: Value] {
        var result: [String: Value] = [:]
        for key in allKeys where !known.contains(key.stringValue) {
            result[key.stringValue] = try decode(Value.self, forKey: key)
        }
        return result
    }
}
