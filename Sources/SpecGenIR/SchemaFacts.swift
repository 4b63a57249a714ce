import SpecGenYAML

/// The bounds a schema puts on a value that stubs and mocks must honour (`minLength`,
/// `minimum`, `minItems`, …). Only what a generated value needs to be valid is kept; nil when
/// the schema says none of it, so the IR dump stays readable.
package struct ValueConstraints: Sendable, Codable, Equatable {
    package var minLength: Int?
    package var maxLength: Int?
    package var minimum: Double?
    package var maximum: Double?
    /// 3.0's `exclusiveMinimum: true` (the bound is `minimum`), or 3.1's number, stored in `minimum`.
    package var exclusiveMinimum: Bool?
    package var exclusiveMaximum: Bool?
    package var minItems: Int?

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
        minItems = count("minItems")
        minimum = number("minimum")
        maximum = number("maximum")
        // 3.0: a flag beside minimum/maximum; 3.1: the bound itself.
        if case .bool(true)? = schema["exclusiveMinimum"]?.resolved { exclusiveMinimum = true }
        if case .bool(true)? = schema["exclusiveMaximum"]?.resolved { exclusiveMaximum = true }
        if let bound = number("exclusiveMinimum") { (minimum, exclusiveMinimum) = (bound, true) }
        if let bound = number("exclusiveMaximum") { (maximum, exclusiveMaximum) = (bound, true) }
        if self == ValueConstraints() { return nil }
    }
}

extension SchemaReader {
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
