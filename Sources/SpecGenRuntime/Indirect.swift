/// A box that lets a struct contain itself (directly or through other structs): generated code
/// uses it for the one property of each cycle, since a struct cannot have itself as stored value.
/// Codes as the wrapped value, so the JSON is the same as without the box.
@dynamicMemberLookup
public struct Indirect<Wrapped> {
    private final class Storage {
        let value: Wrapped
        init(_ value: Wrapped) { self.value = value }
    }

    private let storage: Storage

    /// Boxes `value`.
    public init(_ value: Wrapped) {
        storage = Storage(value)
    }

    /// The boxed value. (Named so that it rarely shadows a member of `Wrapped` reached through
    /// dynamic member lookup: `node.left?.value` is the left node's own `value`.)
    public var wrappedValue: Wrapped { storage.value }

    /// Reads a member of the boxed value as if it were the box's own (`node.left?.name`).
    public subscript<Member>(dynamicMember keyPath: KeyPath<Wrapped, Member>) -> Member {
        storage.value[keyPath: keyPath]
    }
}

// The storage is immutable after init, so sharing it across threads is safe when the value is.
extension Indirect: @unchecked Sendable where Wrapped: Sendable {}

extension Indirect: Equatable where Wrapped: Equatable {
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.wrappedValue == rhs.wrappedValue }
}

extension Indirect: Hashable where Wrapped: Hashable {
    public func hash(into hasher: inout Hasher) { hasher.combine(wrappedValue) }
}

extension Indirect: Codable where Wrapped: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(try Wrapped(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try wrappedValue.encode(to: encoder)
    }
}
