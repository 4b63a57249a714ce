/// Turns an `Encodable` context into what swift-mustache looks names up in: `RenderedObject`s of
/// fields, arrays, `RenderedText` for strings, and Booleans and numbers as they are. A nil
/// optional is no field (mustache then looks further up, as it does for a nil it reflects).
///
/// Why `Encodable`: the compiler writes each context's encoding, so every stored property reaches
/// the templates without a hand-kept list of fields and without reflection (a `Mirror` per value
/// was over half of generation time on the largest fixture; reading fields through the runtime's
/// field records needed an underscored SPI).
enum ContextEncoder {
    static func encode(_ value: some Encodable) -> Any {
        (try? TreeEncoder.encoded(value)) ?? RenderedObject(fields: [:])
    }

    static func encode(existential value: any Encodable) -> Any { encode(value) }
}

/// Where one value's encoding collects: the fields of an object, the elements of a list, or one
/// value. Nested containers (which synthesized `Encodable` never asks for) hold their own slot.
private final class Slot {
    var fields: [String: Any]?
    var elements: [Any]?
    var single: Any?
    var hasNested = false

    var value: Any {
        if let fields {
            guard hasNested else { return RenderedObject(fields: fields) }
            return RenderedObject(fields: fields.mapValues { ($0 as? Slot)?.value ?? $0 })
        }
        if let elements { return hasNested ? elements.map { ($0 as? Slot)?.value ?? $0 } : elements }
        return single ?? RenderedObject(fields: [:])
    }
}

private struct TreeEncoder: Encoder {
    let slot: Slot
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if slot.fields == nil { slot.fields = [:] }
        return KeyedEncodingContainer(Keyed<Key>(slot: slot))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if slot.elements == nil { slot.elements = [] }
        return Unkeyed(slot: slot)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(slot: slot) }

    /// `value` as the templates see it.
    static func encoded(_ value: some Encodable) throws -> Any {
        switch value {
        case let text as String: return RenderedText(text)
        case is Bool, is Int, is Double: return value
        default:
            let slot = Slot()
            try value.encode(to: TreeEncoder(slot: slot))
            return slot.value
        }
    }

    static func nested(in parent: Slot, _ fill: (Slot) -> Void) -> Slot {
        parent.hasNested = true
        let slot = Slot()
        fill(slot)
        return slot
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let slot: Slot
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws {}
        mutating func encode(_ value: Bool, forKey key: Key) throws { slot.fields?[key.stringValue] = value }
        mutating func encode(_ value: String, forKey key: Key) throws {
            slot.fields?[key.stringValue] = RenderedText(value)
        }
        mutating func encode(_ value: Int, forKey key: Key) throws { slot.fields?[key.stringValue] = value }
        mutating func encode(_ value: Double, forKey key: Key) throws { slot.fields?[key.stringValue] = value }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            slot.fields?[key.stringValue] = try TreeEncoder.encoded(value)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey>
        {
            let nested = TreeEncoder.nested(in: slot) { $0.fields = [:] }
            slot.fields?[key.stringValue] = nested
            return KeyedEncodingContainer(Keyed<NestedKey>(slot: nested))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let nested = TreeEncoder.nested(in: slot) { $0.elements = [] }
            slot.fields?[key.stringValue] = nested
            return Unkeyed(slot: nested)
        }

        mutating func superEncoder() -> any Encoder { TreeEncoder(slot: slot) }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            let nested = TreeEncoder.nested(in: slot) { _ in }
            slot.fields?[key.stringValue] = nested
            return TreeEncoder(slot: nested)
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let slot: Slot
        var codingPath: [any CodingKey] { [] }
        var count: Int { slot.elements?.count ?? 0 }

        mutating func encodeNil() throws {}
        mutating func encode(_ value: String) throws { slot.elements?.append(RenderedText(value)) }
        mutating func encode(_ value: Bool) throws { slot.elements?.append(value) }
        mutating func encode(_ value: Int) throws { slot.elements?.append(value) }
        mutating func encode(_ value: Double) throws { slot.elements?.append(value) }
        mutating func encode<T: Encodable>(_ value: T) throws { slot.elements?.append(try TreeEncoder.encoded(value)) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
            -> KeyedEncodingContainer<NestedKey>
        {
            let nested = TreeEncoder.nested(in: slot) { $0.fields = [:] }
            slot.elements?.append(nested)
            return KeyedEncodingContainer(Keyed<NestedKey>(slot: nested))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let nested = TreeEncoder.nested(in: slot) { $0.elements = [] }
            slot.elements?.append(nested)
            return Unkeyed(slot: nested)
        }

        mutating func superEncoder() -> any Encoder {
            let nested = TreeEncoder.nested(in: slot) { _ in }
            slot.elements?.append(nested)
            return TreeEncoder(slot: nested)
        }
    }

    struct Single: SingleValueEncodingContainer {
        let slot: Slot
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws {}
        mutating func encode(_ value: String) throws { slot.single = RenderedText(value) }
        mutating func encode(_ value: Bool) throws { slot.single = value }
        mutating func encode(_ value: Int) throws { slot.single = value }
        mutating func encode(_ value: Double) throws { slot.single = value }
        mutating func encode<T: Encodable>(_ value: T) throws { slot.single = try TreeEncoder.encoded(value) }
    }
}
