import SpecGenYAML

/// A use of a type: a named declaration, a container of another type, a primitive, or untyped JSON.
///
/// Encoded as `{"kind": "named", "name": "Repository"}` and so on, so the IR dump reads plainly.
package indirect enum TypeRef: Sendable, Codable, Equatable, Hashable {
    /// A `TypeDecl` of the document, by its `id`.
    case named(String)
    case array(TypeRef)
    /// A JSON object with string keys (`additionalProperties`).
    case dictionary(TypeRef)
    case primitive(Primitive, format: String?)
    /// The value may be JSON `null` (`nullable: true`, `type: [T, "null"]`).
    case optional(TypeRef)
    /// Any JSON value: no schema, or one that says nothing about the type.
    case untypedJSON

    package enum Primitive: String, Sendable, Codable, Equatable, Hashable {
        case string
        case integer
        case number
        case boolean
    }

    private enum CodingKeys: String, CodingKey {
        case kind, name, element, value, wrapped, primitive, format
    }

    private enum Kind: String, Codable {
        case named, array, dictionary, primitive, optional, untypedJSON
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Kind.self, forKey: .kind) {
        case .named: self = .named(try container.decode(String.self, forKey: .name))
        case .array: self = .array(try container.decode(TypeRef.self, forKey: .element))
        case .dictionary: self = .dictionary(try container.decode(TypeRef.self, forKey: .value))
        case .optional: self = .optional(try container.decode(TypeRef.self, forKey: .wrapped))
        case .untypedJSON: self = .untypedJSON
        case .primitive:
            self = .primitive(
                try container.decode(Primitive.self, forKey: .primitive),
                format: try container.decodeIfPresent(String.self, forKey: .format))
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .named(let name):
            try container.encode(Kind.named, forKey: .kind)
            try container.encode(name, forKey: .name)
        case .array(let element):
            try container.encode(Kind.array, forKey: .kind)
            try container.encode(element, forKey: .element)
        case .dictionary(let value):
            try container.encode(Kind.dictionary, forKey: .kind)
            try container.encode(value, forKey: .value)
        case .optional(let wrapped):
            try container.encode(Kind.optional, forKey: .kind)
            try container.encode(wrapped, forKey: .wrapped)
        case .untypedJSON:
            try container.encode(Kind.untypedJSON, forKey: .kind)
        case .primitive(let primitive, let format):
            try container.encode(Kind.primitive, forKey: .kind)
            try container.encode(primitive, forKey: .primitive)
            try container.encodeIfPresent(format, forKey: .format)
        }
    }

    /// The type without its `optional` wrapper.
    package var nonOptional: TypeRef {
        if case .optional(let wrapped) = self { return wrapped.nonOptional }
        return self
    }

    package var isOptional: Bool {
        if case .optional = self { return true }
        return false
    }
}
