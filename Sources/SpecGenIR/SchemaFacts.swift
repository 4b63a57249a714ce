import Foundation
import SpecGenYAML

/// The JSON Schema validation keywords a schema puts on a value: what stubs must honour and what
/// generated validation checks (`minLength`, `pattern`, `minimum`, `multipleOf`, `minItems`,
/// `uniqueItems`, `minProperties`, …, and the same of an array's inline `items` and a map's inline
/// values). 3.0's boolean `exclusiveMinimum` and 3.1's numeric one both land in `minimum` +
/// `exclusiveMinimum`; Swagger 2.0 writes them on the parameter, which its reader passes here.
/// A `format` is the `TypeRef`'s. Nil when the schema says none of it, so the IR dump stays readable.
package struct ValueConstraints: Sendable, Codable, Equatable {
    package var minLength: Int?
    package var maxLength: Int?
    /// An ECMA-262 regular expression the string must contain a match of (not anchored).
    package var pattern: String?
    package var minimum: Double?
    package var maximum: Double?
    /// 3.0's `exclusiveMinimum: true` (the bound is `minimum`), or 3.1's number, stored in `minimum`.
    package var exclusiveMinimum: Bool?
    package var exclusiveMaximum: Bool?
    package var multipleOf: Double?
    package var minItems: Int?
    package var maxItems: Int?
    package var uniqueItems: Bool?
    package var minProperties: Int?
    package var maxProperties: Int?
    /// The constraints of an array's inline `items` schema (a `$ref`'s are on its declaration).
    package var items: Nested?
    /// The constraints of an object's inline `additionalProperties` schema.
    package var values: Nested?
    /// The string constraints every key of an object keeps (`propertyNames: {maxLength: 64}`).
    package var propertyNames: Nested?

    /// Constraints one level down; a class because a struct cannot hold itself.
    package final class Nested: Sendable, Codable, Equatable {
        package let constraints: ValueConstraints

        package init(_ constraints: ValueConstraints) { self.constraints = constraints }

        package init(from decoder: any Decoder) throws {
            constraints = try ValueConstraints(from: decoder)
        }

        package func encode(to encoder: any Encoder) throws { try constraints.encode(to: encoder) }

        package static func == (lhs: Nested, rhs: Nested) -> Bool { lhs.constraints == rhs.constraints }
    }

    package init() {}

    /// The constraints a schema mapping declares, or nil when it declares none.
    package init?(_ schema: Node) {
        guard schema.entries != nil else { return nil }
        func number(_ key: String) -> Double? {
            switch schema[key]?.resolved {
            case .int(let value)?: return Double(value)
            case .float(let value)? where value.isFinite: return value
            default: return nil
            }
        }
        func count(_ key: String) -> Int? {
            if case .int(let value)? = schema[key]?.resolved, value >= 0 { return value }
            return nil
        }
        minLength = count("minLength")
        maxLength = count("maxLength")
        if let text = schema["pattern"]?.text, !text.isEmpty { pattern = text }
        minItems = count("minItems")
        maxItems = count("maxItems")
        if case .bool(true)? = schema["uniqueItems"]?.resolved { uniqueItems = true }
        minProperties = count("minProperties")
        maxProperties = count("maxProperties")
        minimum = number("minimum")
        maximum = number("maximum")
        if let divisor = number("multipleOf"), divisor > 0 { multipleOf = divisor }
        // 3.0: a flag beside minimum/maximum; 3.1: the bound itself.
        if case .bool(true)? = schema["exclusiveMinimum"]?.resolved { exclusiveMinimum = true }
        if case .bool(true)? = schema["exclusiveMaximum"]?.resolved { exclusiveMaximum = true }
        if let bound = number("exclusiveMinimum") { (minimum, exclusiveMinimum) = (bound, true) }
        if let bound = number("exclusiveMaximum") { (maximum, exclusiveMaximum) = (bound, true) }
        if let items = schema["items"], items["$ref"] == nil, let nested = ValueConstraints(items) {
            self.items = Nested(nested)
        }
        if let values = schema["additionalProperties"], values["$ref"] == nil, let nested = ValueConstraints(values) {
            self.values = Nested(nested)
        }
        if let names = schema["propertyNames"], names["$ref"] == nil, let nested = ValueConstraints(names) {
            propertyNames = Nested(nested)
        }
        if self == ValueConstraints() { return nil }
    }
}

extension SchemaReader {
    /// The constraints of `schema`, each `pattern` the runtime's regular-expression engine cannot
    /// compile left out with one warning where it is written: validation never crashes on it.
    static func constraints(_ schema: Node, _ state: inout ReaderState) -> ValueConstraints? {
        guard var constraints = ValueConstraints(schema) else { return nil }
        if let pattern = constraints.pattern, !isCheckable(pattern: pattern) {
            state.warning(
                "pattern '\(pattern)' is no regular expression SpecGen can check (ICU, close to ECMA-262); "
                    + "values are not checked against it", at: schema["pattern"]!.mark)
            constraints.pattern = nil
        }
        if constraints.items != nil, let node = schema["items"] {
            constraints.items = self.constraints(node, &state).map(ValueConstraints.Nested.init)
        }
        if constraints.values != nil, let node = schema["additionalProperties"] {
            constraints.values = self.constraints(node, &state).map(ValueConstraints.Nested.init)
        }
        if constraints.propertyNames != nil, let node = schema["propertyNames"] {
            constraints.propertyNames = self.constraints(node, &state).map(ValueConstraints.Nested.init)
        }
        return constraints == ValueConstraints() ? nil : constraints
    }

    /// The runtime checks `pattern` with `NSRegularExpression` (ICU), as this does.
    static func isCheckable(pattern: String) -> Bool {
        (try? NSRegularExpression(pattern: pattern)) != nil
    }

    /// A schema's own example: `example`, else the first of 3.1's `examples: [...]`.
    static func example(_ schema: Node) -> JSONValue? {
        guard schema.entries != nil else { return nil }
        if let example = schema["example"] { return JSONValue(example) }
        return schema["examples"]?.items?.first.map(JSONValue.init)
    }

    /// A media type's example: `example`, else the first of `examples: {name: {value}}` (or 3.2's
    /// `dataValue`; a `$ref` to `components/examples` followed); nil when none is given.
    static func mediaExample(_ media: Node, _ state: inout ReaderState) -> JSONValue? {
        if let example = media["example"] { return JSONValue(example) }
        for entry in media["examples"]?.entries ?? [] {
            guard let example = state.dereference(entry.value) else { continue }
            if let value = example["value"] ?? example["dataValue"] { return JSONValue(value) }
        }
        return nil
    }
}
