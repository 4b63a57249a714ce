import Foundation

/// The three shapes OpenAPI defines parameter styles for: a primitive, an array of primitives, and an
/// object whose properties are primitives. Deeper nesting has no defined serialization (use `content`).
enum ParameterValue: Sendable, Hashable {
    case primitive(String)
    case list([String])
    /// Properties in declaration order, so the same value always gives the same bytes.
    case object([Property])

    struct Property: Sendable, Hashable {
        var name: String
        var value: String
        init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }
}

/// The shape a decoded type asks for; parsing an exploded `form` object needs it (its properties are
/// separate query items, indistinguishable from other parameters until the type asks for a key).
enum ParameterShape { case primitive, list, object }

/// The text of one primitive: what `ParameterText` writes (`true`, `42`, `1.5`, ISO 8601 dates).
enum PrimitiveText {
    static func text(of value: Any) -> String? {
        switch value {
        case let value as String: return value
        case let value as Bool: return value.parameterText
        case let value as Date: return value.parameterText
        case let value as any BinaryInteger: return String(describing: value)
        case let value as Double: return value.parameterText
        case let value as Float: return value.parameterText
        case let value as Decimal: return value.description
        default: return nil
        }
    }
}
