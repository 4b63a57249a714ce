/// Plain JSON for the IR dump: a declaration's kind is `{"object": {...}}` (not Swift's
/// `{"object": {"_0": ...}}`), and `additionalProperties` is `"allowed"`, `"forbidden"` or `{"typed": T}`.
extension TypeDecl.Kind {
    private enum CodingKeys: String, CodingKey {
        case object, enumeration, union, alias
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let object = try container.decodeIfPresent(ObjectType.self, forKey: .object) {
            self = .object(object)
        } else if let enumeration = try container.decodeIfPresent(EnumType.self, forKey: .enumeration) {
            self = .enumeration(enumeration)
        } else if let union = try container.decodeIfPresent(UnionType.self, forKey: .union) {
            self = .union(union)
        } else {
            self = .alias(try container.decode(TypeRef.self, forKey: .alias))
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .object(let object): try container.encode(object, forKey: .object)
        case .enumeration(let enumeration): try container.encode(enumeration, forKey: .enumeration)
        case .union(let union): try container.encode(union, forKey: .union)
        case .alias(let target): try container.encode(target, forKey: .alias)
        }
    }
}

extension AdditionalProperties {
    private enum CodingKeys: String, CodingKey {
        case typed
    }

    package init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            self = text == "forbidden" ? .forbidden : .allowed
            return
        }
        self = .typed(try decoder.container(keyedBy: CodingKeys.self).decode(TypeRef.self, forKey: .typed))
    }

    package func encode(to encoder: any Encoder) throws {
        switch self {
        case .allowed:
            var container = encoder.singleValueContainer()
            try container.encode("allowed")
        case .forbidden:
            var container = encoder.singleValueContainer()
            try container.encode("forbidden")
        case .typed(let type):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(type, forKey: .typed)
        }
    }
}
