import Foundation

/// Reads a `Decodable` from a parameter's wire text. The type decides the shape it asks for (a
/// primitive, an array, an object) and `read` parses the text for that shape, per the parameter's style.
enum ParameterValueDecoder {
    static func decode<T: Decodable>(_ type: T.Type, read: @escaping (ParameterShape) throws -> ParameterValue?) throws
        -> T
    {
        try NodeDecoder(codingPath: [], read: read).decodeValue(T.self)
    }
}

/// What the primitive texts parse as: the inverse of `PrimitiveText`.
protocol ParameterPrimitive { init?(parameterText: String) }
extension String: ParameterPrimitive {}
extension Bool: ParameterPrimitive {}
extension Double: ParameterPrimitive {}
extension Float: ParameterPrimitive {}
extension Date: ParameterPrimitive {}
extension ParameterPrimitive where Self: FixedWidthInteger {
    init?(parameterText: String) { self.init(parameterText, radix: 10) }
}
extension Int: ParameterPrimitive {}
extension Int8: ParameterPrimitive {}
extension Int16: ParameterPrimitive {}
extension Int32: ParameterPrimitive {}
extension Int64: ParameterPrimitive {}
extension UInt: ParameterPrimitive {}
extension UInt8: ParameterPrimitive {}
extension UInt16: ParameterPrimitive {}
extension UInt32: ParameterPrimitive {}
extension UInt64: ParameterPrimitive {}
extension Decimal: ParameterPrimitive {
    init?(parameterText: String) { self.init(string: parameterText) }
}

private struct NodeDecoder: Decoder {
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// Parses the text as the shape asked for; an array element or property only answers `.primitive`.
    let read: (ParameterShape) throws -> ParameterValue?

    /// An array element or object property.
    static func leaf(_ text: String, codingPath: [any CodingKey]) -> NodeDecoder {
        NodeDecoder(codingPath: codingPath) { shape in
            guard shape == .primitive else {
                throw DecodingError.typeMismatch(
                    Any.self,
                    .init(
                        codingPath: codingPath,
                        debugDescription: "a parameter's array elements and object properties are primitives"))
            }
            return .primitive(text)
        }
    }

    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if let primitive = type as? any ParameterPrimitive.Type {
            return try self.primitive(primitive) as! T
        }
        return try T(from: self)
    }

    func primitive<T: ParameterPrimitive>(_ type: T.Type) throws -> T {
        let text: String
        switch try read(.primitive) {
        case .primitive(let value)?: text = value
        // One-element lists and the like: `simple` cannot tell `a` from `[a]`.
        case .list(let items)? where items.count == 1: text = items[0]
        default: throw DecodingError.valueNotFound(T.self, .init(codingPath: codingPath, debugDescription: "no value"))
        }
        guard let value = T(parameterText: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: codingPath, debugDescription: "'\(text)' is not a valid \(T.self)"))
        }
        return value
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        var properties: [String: String] = [:]
        switch try read(.object) {
        case .object(let list)?:
            for property in list where properties[property.name] == nil { properties[property.name] = property.value }
        case nil: break
        default:
            throw DecodingError.typeMismatch(
                [String: String].self, .init(codingPath: codingPath, debugDescription: "not an object"))
        }
        return KeyedDecodingContainer(KeyedNodeDecoder<Key>(codingPath: codingPath, properties: properties))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        switch try read(.list) {
        case .list(let items)?: return UnkeyedNodeDecoder(codingPath: codingPath, items: items)
        case .primitive(let text)?: return UnkeyedNodeDecoder(codingPath: codingPath, items: [text])
        case nil: return UnkeyedNodeDecoder(codingPath: codingPath, items: [])
        case .object?:
            throw DecodingError.typeMismatch(
                [String].self, .init(codingPath: codingPath, debugDescription: "not an array"))
        }
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleNodeDecoder(decoder: self) }
}

private struct SingleNodeDecoder: SingleValueDecodingContainer {
    let decoder: NodeDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }
    func decodeNil() -> Bool { ((try? decoder.read(.primitive)) ?? nil) == nil }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.primitive(Bool.self) }
    func decode(_ type: String.Type) throws -> String { try decoder.primitive(String.self) }
    func decode(_ type: Double.Type) throws -> Double { try decoder.primitive(Double.self) }
    func decode(_ type: Float.Type) throws -> Float { try decoder.primitive(Float.self) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.primitive(Int.self) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.primitive(Int8.self) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.primitive(Int16.self) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.primitive(Int32.self) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.primitive(Int64.self) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.primitive(UInt.self) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.primitive(UInt8.self) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.primitive(UInt16.self) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.primitive(UInt32.self) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.primitive(UInt64.self) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeValue(T.self) }
}

private struct KeyedNodeDecoder<Key: CodingKey>: KeyedDecodingContainerProtocol {
    var codingPath: [any CodingKey]
    let properties: [String: String]
    var allKeys: [Key] { properties.keys.sorted().compactMap(Key.init(stringValue:)) }
    func contains(_ key: Key) -> Bool { properties[key.stringValue] != nil }
    func decodeNil(forKey key: Key) -> Bool { properties[key.stringValue] == nil }

    private func decode<T>(_ key: Key, _ body: (NodeDecoder) throws -> T) throws -> T {
        guard let text = properties[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing property"))
        }
        return try body(.leaf(text, codingPath: codingPath + [key]))
    }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decode(key) { try $0.primitive(Bool.self) } }
    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        try decode(key) { try $0.primitive(String.self) }
    }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        try decode(key) { try $0.primitive(Double.self) }
    }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        try decode(key) { try $0.primitive(Float.self) }
    }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decode(key) { try $0.primitive(Int.self) } }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decode(key) { try $0.primitive(Int8.self) } }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 {
        try decode(key) { try $0.primitive(Int16.self) }
    }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 {
        try decode(key) { try $0.primitive(Int32.self) }
    }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 {
        try decode(key) { try $0.primitive(Int64.self) }
    }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decode(key) { try $0.primitive(UInt.self) } }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 {
        try decode(key) { try $0.primitive(UInt8.self) }
    }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 {
        try decode(key) { try $0.primitive(UInt16.self) }
    }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 {
        try decode(key) { try $0.primitive(UInt32.self) }
    }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 {
        try decode(key) { try $0.primitive(UInt64.self) }
    }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decode(key) { try $0.decodeValue(T.self) }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try decode(key) { try $0.container(keyedBy: type) }
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try decode(key) { try $0.unkeyedContainer() }
    }
    func superDecoder() throws -> any Decoder {
        NodeDecoder(codingPath: codingPath) { _ in .object(properties.map { .init($0.key, $0.value) }) }
    }
    func superDecoder(forKey key: Key) throws -> any Decoder { try decode(key) { $0 } }
}

private struct UnkeyedNodeDecoder: UnkeyedDecodingContainer {
    var codingPath: [any CodingKey]
    let items: [String]
    var currentIndex = 0
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    init(codingPath: [any CodingKey], items: [String]) {
        self.codingPath = codingPath
        self.items = items
    }

    mutating func decodeNil() -> Bool { false }

    private mutating func next<T>(_ body: (NodeDecoder) throws -> T) throws -> T {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                T.self, .init(codingPath: codingPath, debugDescription: "no more elements"))
        }
        let decoder = NodeDecoder.leaf(items[currentIndex], codingPath: codingPath + [IndexKey(intValue: currentIndex)])
        let value = try body(decoder)
        currentIndex += 1
        return value
    }
    mutating func decode(_ type: Bool.Type) throws -> Bool { try next { try $0.primitive(Bool.self) } }
    mutating func decode(_ type: String.Type) throws -> String { try next { try $0.primitive(String.self) } }
    mutating func decode(_ type: Double.Type) throws -> Double { try next { try $0.primitive(Double.self) } }
    mutating func decode(_ type: Float.Type) throws -> Float { try next { try $0.primitive(Float.self) } }
    mutating func decode(_ type: Int.Type) throws -> Int { try next { try $0.primitive(Int.self) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next { try $0.primitive(Int8.self) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next { try $0.primitive(Int16.self) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next { try $0.primitive(Int32.self) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next { try $0.primitive(Int64.self) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next { try $0.primitive(UInt.self) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next { try $0.primitive(UInt8.self) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next { try $0.primitive(UInt16.self) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next { try $0.primitive(UInt32.self) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next { try $0.primitive(UInt64.self) } }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next { try $0.decodeValue(T.self) } }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<
        NestedKey
    > {
        try next { try $0.container(keyedBy: type) }
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next { try $0.unkeyedContainer() }
    }
    mutating func superDecoder() throws -> any Decoder { try next { $0 } }
}
