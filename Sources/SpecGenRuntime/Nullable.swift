/// A value that may be JSON `null`, for a property that is both optional and nullable: the
/// property's `nil` means "absent", `.null` means "present and null". A PATCH-style API can
/// then clear a field (`null`) without touching the ones it leaves out.
public enum Nullable<Wrapped> {
    /// Present and `null`.
    case null
    /// Present with a value.
    case value(Wrapped)

    /// The wrapped value; nil for `.null`.
    public var value: Wrapped? {
        if case .value(let wrapped) = self { return wrapped }
        return nil
    }
}

extension Nullable: Sendable where Wrapped: Sendable {}
extension Nullable: Equatable where Wrapped: Equatable {}
extension Nullable: Hashable where Wrapped: Hashable {}

extension Nullable: Codable where Wrapped: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = container.decodeNil() ? .null : .value(try container.decode(Wrapped.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .value(let wrapped): try container.encode(wrapped)
        }
    }
}

extension KeyedDecodingContainer {
    /// Absent → nil, `null` → `.null`, a value → `.value` (`decodeIfPresent` would fold `null` into nil).
    public func decodeNullable<Wrapped: Decodable>(_ type: Wrapped.Type, forKey key: Key) throws -> Nullable<Wrapped>? {
        guard contains(key) else { return nil }
        return try decodeNil(forKey: key) ? .null : .value(decode(Wrapped.self, forKey: key))
    }
}

extension KeyedEncodingContainer {
    /// nil → nothing written, `.null` → `null`, a value → the value.
    public mutating func encodeNullable<Wrapped: Encodable>(_ value: Nullable<Wrapped>?, forKey key: Key) throws {
        switch value {
        case nil: return
        case .null?: try encodeNil(forKey: key)
        case .value(let wrapped)?: try encode(wrapped, forKey: key)
        }
    }
}
