import SpecGenYAML

/// A named type of the document: a component schema, or an inline schema given a name from its context.
public struct TypeDecl: Sendable, Codable, Equatable {
    /// Unique in the document; what `TypeRef.named` holds. A nested type's id is its parent's id,
    /// a dot and its name (`Repository.ImageScanningConfiguration`), made unique if it collides.
    public var id: String
    /// The name as written (component key) or made from context (`ImageScanningConfiguration`).
    public var name: String
    /// The id of the enclosing type for an inline schema declared inside another type.
    public var parent: String?
    public var kind: Kind
    public var summary: String?
    public var description: String?
    public var deprecated: Bool?
    /// Where it came from: `#/components/schemas/Repository`, `pet.yaml#/Pet`, or nil for inline.
    public var source: String?
    public var extensions: Extensions?

    public enum Kind: Sendable, Codable, Equatable {
        case object(ObjectType)
        case enumeration(EnumType)
        case union(UnionType)
        case alias(TypeRef)
    }

    public init(id: String, name: String, parent: String?, kind: Kind) {
        self.id = id
        self.name = name
        self.parent = parent
        self.kind = kind
    }
}

/// A struct: properties in document order (allOf parts merged in order), the additional ones allowed.
public struct ObjectType: Sendable, Codable, Equatable {
    public var properties: [Property]
    public var additionalProperties: AdditionalProperties
    /// The named types an `allOf` merged into this one, in order.
    public var composedOf: [String]?
    /// `allOf` parts that are not objects (a `oneOf`/`anyOf`): the whole value is also one of
    /// these, decoded from and encoded into the same JSON as the properties.
    public var wholeValueParts: [TypeRef]?

    public init(properties: [Property], additionalProperties: AdditionalProperties, composedOf: [String]? = nil,
                wholeValueParts: [TypeRef]? = nil) {
        self.properties = properties
        self.additionalProperties = additionalProperties
        self.composedOf = composedOf
        self.wholeValueParts = wholeValueParts
    }
}

/// What `additionalProperties` says: absent or `true` (any), `false` (none), or a schema.
public enum AdditionalProperties: Sendable, Codable, Equatable {
    case allowed
    case forbidden
    case typed(TypeRef)
}

public struct Property: Sendable, Codable, Equatable {
    /// The JSON key, as written.
    public var name: String
    /// `.optional` when the value may be `null`; whether it may be absent is `required`.
    public var type: TypeRef
    public var required: Bool
    public var description: String?
    public var readOnly: Bool?
    public var writeOnly: Bool?
    public var deprecated: Bool?
    public var defaultValue: JSONValue?
    public var extensions: Extensions?

    public init(name: String, type: TypeRef, required: Bool) {
        self.name = name
        self.type = type
        self.required = required
    }
}

/// An `enum` (or `const`, a one-value enum) of strings or integers.
public struct EnumType: Sendable, Codable, Equatable {
    public enum RawType: String, Sendable, Codable, Equatable {
        case string
        case integer
    }

    public var rawType: RawType
    public var values: [JSONValue]
    /// `null` is one of the allowed values.
    public var nullable: Bool
    public var isConst: Bool

    public init(rawType: RawType, values: [JSONValue], nullable: Bool, isConst: Bool) {
        self.rawType = rawType
        self.values = values
        self.nullable = nullable
        self.isConst = isConst
    }
}

/// `oneOf` (exactly one variant) or `anyOf` (one or more), with the discriminator when given.
public struct UnionType: Sendable, Codable, Equatable {
    public enum Rule: String, Sendable, Codable, Equatable {
        case oneOf
        case anyOf
    }

    public var rule: Rule
    public var variants: [TypeRef]
    public var discriminator: Discriminator?

    public init(rule: Rule, variants: [TypeRef], discriminator: Discriminator?) {
        self.rule = rule
        self.variants = variants
        self.discriminator = discriminator
    }
}

public struct Discriminator: Sendable, Codable, Equatable {
    public var propertyName: String
    /// Discriminator value → type id; written mappings plus each named variant under its own name.
    public var mapping: [String: String]

    public init(propertyName: String, mapping: [String: String]) {
        self.propertyName = propertyName
        self.mapping = mapping
    }
}
