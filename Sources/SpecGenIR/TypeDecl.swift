import SpecGenYAML

/// A named type of the document: a component schema, or an inline schema given a name from its context.
package struct TypeDecl: Sendable, Codable, Equatable {
    /// Unique in the document; what `TypeRef.named` holds. A nested type's id is its parent's id,
    /// a dot and its name (`Repository.ImageScanningConfiguration`), made unique if it collides.
    package var id: String
    /// The name as written (component key) or made from context (`ImageScanningConfiguration`).
    package var name: String
    /// The id of the enclosing type for an inline schema declared inside another type.
    package var parent: String?
    package var kind: Kind
    package var summary: String?
    package var description: String?
    package var deprecated: Bool?
    /// Where it came from: `#/components/schemas/Repository`, `pet.yaml#/Pet`, or nil for inline.
    package var source: String?
    package var extensions: Extensions?
    /// The schema's own `example` (or first of `examples`), as written; stubs answer with it.
    package var example: JSONValue?
    /// Bounds on the value (an alias of a primitive: `minLength`, `minimum`, …).
    package var constraints: ValueConstraints?

    package enum Kind: Sendable, Codable, Equatable {
        case object(ObjectType)
        case enumeration(EnumType)
        case union(UnionType)
        case alias(TypeRef)
    }

    package init(id: String, name: String, parent: String?, kind: Kind) {
        self.id = id
        self.name = name
        self.parent = parent
        self.kind = kind
    }
}

/// A struct: properties in document order (allOf parts merged in order), the additional ones allowed.
package struct ObjectType: Sendable, Codable, Equatable {
    package var properties: [Property]
    package var additionalProperties: AdditionalProperties
    /// The named types an `allOf` merged into this one, in order.
    package var composedOf: [String]?
    /// `allOf` parts that are not objects (a `oneOf`/`anyOf`): the whole value is also one of
    /// these, decoded from and encoded into the same JSON as the properties.
    package var wholeValueParts: [TypeRef]?
    /// Which keys must be present together or apart, beyond `required`; nil when the schema says nothing.
    package var presence: [PresenceConstraint]?

    package init(
        properties: [Property], additionalProperties: AdditionalProperties, composedOf: [String]? = nil,
        wholeValueParts: [TypeRef]? = nil, presence: [PresenceConstraint]? = nil
    ) {
        self.properties = properties
        self.additionalProperties = additionalProperties
        self.composedOf = composedOf
        self.wholeValueParts = wholeValueParts
        self.presence = presence
    }
}

/// A rule on which of an object's keys are present, written with `required` lists inside `anyOf`,
/// `oneOf` and `not`, or as `dependentRequired`. Such lists choose no type: the object keeps its
/// properties, and generated validation checks the rule. Names are JSON keys.
package enum PresenceConstraint: Sendable, Codable, Equatable {
    /// `anyOf: [{required: [a]}, {required: [b, c]}]`: every key of at least one list is present.
    case anyOf([[String]])
    /// `oneOf: [{required: [a]}, {required: [b]}]`: every key of exactly one list is present.
    case oneOf([[String]])
    /// `not: {required: [a, b]}`: not all of these keys are present at once.
    case notAll([String])
    /// `dependentRequired: {a: [b, c]}`: when `key` is present, so is each of `requires`.
    case dependentRequired(key: String, requires: [String])

    /// Every key the rule names.
    package var keys: [String] {
        switch self {
        case .anyOf(let lists), .oneOf(let lists): lists.flatMap { $0 }
        case .notAll(let keys): keys
        case .dependentRequired(let key, let requires): [key] + requires
        }
    }
}

/// What `additionalProperties` says: absent or `true` (any), `false` (none), or a schema.
package enum AdditionalProperties: Sendable, Codable, Equatable {
    case allowed
    case forbidden
    case typed(TypeRef)
}

package struct Property: Sendable, Codable, Equatable {
    /// The JSON key, as written.
    package var name: String
    /// `.optional` when the value may be `null`; whether it may be absent is `required`.
    package var type: TypeRef
    package var required: Bool
    package var description: String?
    package var readOnly: Bool?
    package var writeOnly: Bool?
    package var deprecated: Bool?
    package var defaultValue: JSONValue?
    package var extensions: Extensions?
    /// The property schema's `example` (or first of `examples`), as written.
    package var example: JSONValue?
    /// Bounds on the property's value (`minLength`, `minimum`, `minItems`, …).
    package var constraints: ValueConstraints?

    package init(name: String, type: TypeRef, required: Bool) {
        self.name = name
        self.type = type
        self.required = required
    }
}

/// An `enum` (or `const`, a one-value enum) of strings or integers.
package struct EnumType: Sendable, Codable, Equatable {
    package enum RawType: String, Sendable, Codable, Equatable {
        case string
        case integer
    }

    package var rawType: RawType
    package var values: [JSONValue]
    /// `null` is one of the allowed values.
    package var nullable: Bool
    package var isConst: Bool

    package init(rawType: RawType, values: [JSONValue], nullable: Bool, isConst: Bool) {
        self.rawType = rawType
        self.values = values
        self.nullable = nullable
        self.isConst = isConst
    }
}

/// `oneOf` (exactly one variant) or `anyOf` (one or more), with the discriminator when given.
package struct UnionType: Sendable, Codable, Equatable {
    package enum Rule: String, Sendable, Codable, Equatable {
        case oneOf
        case anyOf
    }

    package var rule: Rule
    package var variants: [TypeRef]
    package var discriminator: Discriminator?
    /// The bounds of each inline variant (`{type: string, maxLength: 5}`), by position; nil when none has any.
    package var variantConstraints: [ValueConstraints?]?

    package init(rule: Rule, variants: [TypeRef], discriminator: Discriminator?) {
        self.rule = rule
        self.variants = variants
        self.discriminator = discriminator
    }
}

package struct Discriminator: Sendable, Codable, Equatable {
    package var propertyName: String
    /// Discriminator value → type id; written mappings plus each named variant under its own name.
    package var mapping: [String: String]
    /// OpenAPI 3.2's `defaultMapping`: the variant (type id) a value no mapping names, or a missing
    /// property, decodes as; nil when the spec gives none.
    package var defaultMapping: String?

    package init(propertyName: String, mapping: [String: String], defaultMapping: String? = nil) {
        self.propertyName = propertyName
        self.mapping = mapping
        self.defaultMapping = defaultMapping
    }
}
