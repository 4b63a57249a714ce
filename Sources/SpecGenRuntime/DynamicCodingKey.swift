/// A coding key made from any string: the one key type of every generated model's written
/// `init(from:)`/`encode(to:)` (through the helpers below, which take the JSON key as a string),
/// and the key of objects whose keys are data (additional properties). One shared key type
/// instead of a synthesized `CodingKeys` enum per model is most of why generated models build
/// fast (Benchmarks/RESULTS.md, target 1).
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

// The members of generated models are coded through these helpers: the key is a plain string
// at the call site, so each property of each model costs the compiler one call, not a key's
// construction and destruction besides (a few per cent of the models' build time), and the
// helpers are compiled once here.
extension KeyedDecodingContainer where Key == DynamicCodingKey {
    /// The member `key`, which must be present and not null.
    public func decode<Value: Decodable>(_ type: Value.Type, _ key: String) throws -> Value {
        try decode(type, forKey: DynamicCodingKey(key))
    }

    /// The member `key`; nil when it is absent or null.
    public func decodeIfPresent<Value: Decodable>(_ type: Value.Type, _ key: String) throws -> Value? {
        try decodeIfPresent(type, forKey: DynamicCodingKey(key))
    }

    /// The member `key`: absent → nil, `null` → `.null`, a value → `.value`.
    public func decodeNullable<Value: Decodable>(_ type: Value.Type, _ key: String) throws -> Nullable<Value>? {
        try decodeNullable(type, forKey: DynamicCodingKey(key))
    }

    /// An optional member whose schema allows no `null`: nil when it is absent. `null` is nil too,
    /// except while a server decodes a request (`StrictDecoding`), where it is the error it is.
    public func decodeOptional<Value: Decodable>(_ type: Value.Type, _ key: String) throws -> Value? {
        let codingKey = DynamicCodingKey(key)
        if let value = try decodeIfPresent(type, forKey: codingKey) { return value }
        if StrictDecoding.isOn, contains(codingKey) {
            throw DecodingError.valueNotFound(
                Value.self,
                DecodingError.Context(codingPath: codingPath + [codingKey], debugDescription: "null is not allowed"))
        }
        return nil
    }

    /// A required member whose schema allows `null`: nil for `null`. An absent one is nil too,
    /// except while a server decodes a request (`StrictDecoding`), where it is the error it is.
    public func decodeRequiredNullable<Value: Decodable>(_ type: Value.Type, _ key: String) throws -> Value? {
        let codingKey = DynamicCodingKey(key)
        if StrictDecoding.isOn, !contains(codingKey) {
            throw DecodingError.keyNotFound(
                codingKey, DecodingError.Context(codingPath: codingPath, debugDescription: "it is required"))
        }
        return try decodeIfPresent(type, forKey: codingKey)
    }
}

/// Whether generated models decode as strictly as the schema says. A server decoding a request
/// is: `null` where the schema allows none, or a required member missing though it may be `null`,
/// is a 400. Everywhere else (a client reading a response) they decode leniently, as absent or
/// `null`, since servers get these wrong more often than anything else and a caller would rather
/// have the value.
enum StrictDecoding {
    @TaskLocal static var isOn = false
}

extension KeyedEncodingContainer where Key == DynamicCodingKey {
    /// Writes `value` as the member `key`.
    public mutating func encode<Value: Encodable>(_ value: Value, _ key: String) throws {
        try encode(value, forKey: DynamicCodingKey(key))
    }

    /// Writes `value` as the member `key`; nothing when it is nil.
    public mutating func encodeIfPresent<Value: Encodable>(_ value: Value?, _ key: String) throws {
        try encodeIfPresent(value, forKey: DynamicCodingKey(key))
    }

    /// nil → nothing written, `.null` → `null`, a value → the value, as the member `key`.
    public mutating func encodeNullable<Value: Encodable>(_ value: Nullable<Value>?, _ key: String) throws {
        try encodeNullable(value, forKey: DynamicCodingKey(key))
    }
}

/// How a `oneOf`/`anyOf` without a discriminator picks its variant. A generated enum decodes a
/// value its spec does not list (into its `undocumented` case, so that a client never fails on a
/// new value), so variants told apart only by an enum (OpenAI's messages: `role` is `system` in
/// one, `user` in another) would all match and the first would win. The variants are tried first
/// with unlisted enum values refused, then, when none matches so, leniently.
public enum VariantDecoding {
    /// Set while a union tries its variants strictly.
    @TaskLocal static var refusesUnlisted = false

    /// Called by a generated enum that decoded a value its spec does not list: an error while a
    /// union tries its variants strictly, nothing otherwise.
    public static func acceptUnlisted(_ decoder: any Decoder) throws {
        guard refusesUnlisted else { return }
        throw DecodingError.dataCorrupted(
            .init(codingPath: decoder.codingPath, debugDescription: "the value is not one the enum lists"))
    }

    /// The first of `variants` that decodes with every enum value listed; else the first that
    /// decodes at all (unless an enclosing union is trying strictly).
    public static func first<Union>(_ decoder: any Decoder, _ variants: [(any Decoder) throws -> Union]) throws
        -> Union
    {
        if !refusesUnlisted {
            let strict = $refusesUnlisted.withValue(true) { variants.lazy.compactMap { try? $0(decoder) }.first }
            if let strict { return strict }
        }
        for variant in variants {
            if let value = try? variant(decoder) { return value }
        }
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "no variant matches"))
    }
}
