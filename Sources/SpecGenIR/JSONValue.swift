import SpecGenYAML

/// A literal value from a spec (`default`, `const`, `enum` values, examples, `x-` extensions),
/// kept as JSON so the emitters can write it out and the IR dump shows it as written.
package enum JSONValue: Sendable, Codable, Equatable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// The value of a YAML node by the core schema. Mapping keys are their text (`200:` → "200").
    package init(_ node: Node) {
        switch node.content {
        case .sequence(let items):
            self = .array(items.map(JSONValue.init))
        case .mapping(let entries):
            var object: [String: JSONValue] = [:]
            for entry in entries { object[entry.key.text ?? "\(JSONValue(entry.key))"] = JSONValue(entry.value) }
            self = .object(object)
        case .scalar:
            switch node.resolved ?? .null {
            case .null: self = .null
            case .bool(let value): self = .bool(value)
            case .int(let value): self = .int(value)
            case .float(let value): self = value.isFinite ? .double(value) : .string(node.text ?? "")
            case .string(let value): self = .string(value)
            }
        }
    }
}

/// `x-` keys of a spec object, by name; nil when it has none, so the dump stays readable.
package typealias Extensions = [String: JSONValue]

extension Node {
    /// The `x-` entries of a mapping, or nil when there are none. `x-nullable` is not kept: it is
    /// Swagger's spelling of `nullable` and already read as such.
    var extensions: Extensions? {
        var result: Extensions = [:]
        for entry in entries ?? [] {
            if let key = entry.key.text, key.hasPrefix("x-"), key != "x-nullable" {
                result[key] = JSONValue(entry.value)
            }
        }
        return result.isEmpty ? nil : result
    }
}
