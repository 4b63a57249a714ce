/// A coding key made from any string: for objects whose keys are data (additional properties).
public struct DynamicCodingKey: CodingKey, Hashable, Sendable {
    /// The key as it appears in the JSON object.
    public var stringValue: String
    /// Always nil: these keys name object members, never array positions.
    public var intValue: Int? { nil }

    /// The key `string`.
    public init(_ string: String) { stringValue = string }
    /// The key `stringValue`; never fails.
    public init?(stringValue: String) { self.stringValue = stringValue }
    /// Always nil: an integer key has no meaning in an object.
    public init?(intValue: Int) { return nil }
}

extension KeyedDecodingContainer where Key == DynamicCodingKey {
    /// Every key not in `known`, decoded as `Value`: the additional properties of an object.
    public func decodeAdditional<Value: Decodable>(_ type: Value.Type, excluding known: Set<String>) throws -> [String:
        Value]
    {
        var result: [String: Value] = [:]
        for key in allKeys where !known.contains(key.stringValue) {
            result[key.stringValue] = try decode(Value.self, forKey: key)
        }
        return result
    }
}
