import Foundation

/// Turns any `Encodable` (primitives, arrays, generated structs and enums) into a `ParameterValue`.
/// A property or element that is itself an array or object throws: no style can carry it.
enum ParameterValueEncoder {
    /// `nil` when the value encodes as null (an absent optional): the parameter is left out.
    static func encode(_ value: some Encodable) throws -> ParameterValue? {
        let encoder = NodeEncoder(depth: 0, codingPath: [])
        try encoder.encodeValue(value)
        if encoder.storage.usedNestedContainer { try encoder.nested() }
        // A dictionary (additional properties) encodes in hash order, which changes from run to run:
        // sort it so the same value always gives the same bytes.
        if case .object(let properties)? = encoder.storage.value, (value as Any) is [String: Any] {
            return .object(properties.sorted { $0.name < $1.name })
        }
        return encoder.storage.value
    }
}

private final class NodeStorage {
    enum Node {
        case none, null
        case primitive(String)
        case list([String])
        case object([ParameterValue.Property])
    }
    var node: Node = .none
    /// Set when a custom `encode(to:)` asked for a nested container, which no style can carry
    /// (those methods cannot throw, so the encoder throws once the value is encoded).
    var usedNestedContainer = false

    var value: ParameterValue? {
        switch node {
        case .none, .null: return nil
        case .primitive(let text): return .primitive(text)
        case .list(let items): return .list(items)
        case .object(let properties): return .object(properties)
        }
    }
}

private struct NodeEncoder: Encoder {
    /// 0 at the parameter itself, 1 inside an array or object (where only primitives may appear).
    let depth: Int
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    let storage = NodeStorage()

    init(depth: Int, codingPath: [any CodingKey]) {
        self.depth = depth
        self.codingPath = codingPath
    }

    func encodeValue(_ value: some Encodable) throws {
        if let text = PrimitiveText.text(of: value) {
            storage.node = .primitive(text)
        } else {
            try value.encode(to: self)
        }
    }

    func nested() throws -> Never {
        throw EncodingError.invalidValue(
            (),
            .init(
                codingPath: codingPath,
                debugDescription: "a parameter's array elements and object properties must be primitives"))
    }

    /// One element or property: a primitive, or nil for null.
    func leaf(_ value: some Encodable, key: any CodingKey) throws -> String? {
        let child = NodeEncoder(depth: depth + 1, codingPath: codingPath + [key])
        try child.encodeValue(value)
        switch child.storage.node {
        case .primitive(let text): return text
        case .none, .null: return nil
        case .list, .object: try child.nested()
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = storage.node {} else { storage.node = .object([]) }
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .list = storage.node {} else { storage.node = .list([]) }
        return UnkeyedNodeContainer(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleNodeContainer(encoder: self) }
}

private struct SingleNodeContainer: SingleValueEncodingContainer {
    let encoder: NodeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    mutating func encodeNil() throws { encoder.storage.node = .null }
    mutating func encode<T: Encodable>(_ value: T) throws { try encoder.encodeValue(value) }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let encoder: NodeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int {
        if case .list(let items) = encoder.storage.node { return items.count }
        return 0
    }

    mutating func encodeNil() throws {}

    mutating func encode<T: Encodable>(_ value: T) throws {
        if encoder.depth > 0 { try encoder.nested() }
        guard let text = try encoder.leaf(value, key: IndexKey(intValue: count)) else { return }
        if case .list(var items) = encoder.storage.node {
            items.append(text)
            encoder.storage.node = .list(items)
        }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        encoder.storage.usedNestedContainer = true
        return NodeEncoder(depth: encoder.depth + 2, codingPath: codingPath).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        encoder.storage.usedNestedContainer = true
        return NodeEncoder(depth: encoder.depth + 2, codingPath: codingPath).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { encoder }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: NodeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil(forKey key: Key) throws {}

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        if encoder.depth > 0 { try encoder.nested() }
        guard let text = try encoder.leaf(value, key: key) else { return }
        if case .object(var properties) = encoder.storage.node {
            properties.append(.init(key.stringValue, text))
            encoder.storage.node = .object(properties)
        }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        encoder.storage.usedNestedContainer = true
        return NodeEncoder(depth: encoder.depth + 2, codingPath: codingPath + [key]).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        encoder.storage.usedNestedContainer = true
        return NodeEncoder(depth: encoder.depth + 2, codingPath: codingPath + [key]).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { encoder }
    mutating func superEncoder(forKey key: Key) -> any Encoder { encoder }
}

/// The coding key of an array element.
struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { intValue.map(String.init) ?? "" }
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { return nil }
}
