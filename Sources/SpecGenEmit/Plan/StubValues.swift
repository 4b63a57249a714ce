import SpecGenIR

/// The JSON a stub handler answers with, chosen at generation time: the spec's example when it
/// fits the type, else a value built from the schema (property and type examples where they
/// fit, otherwise the smallest valid value: required properties only, the first enum case,
/// lengths and bounds honoured, formats valid), else nothing.
///
/// Built as JSON rather than as Swift initializer calls because every generated type already
/// decodes JSON exactly as its schema says (defaults, nullability, unions, additional
/// properties); the stub decodes the text at run time, so what it returns is what a peer
/// sending that JSON would get.
struct StubValues {
    let document: APIDocument
    private let types: [String: TypeDecl]

    init(document: APIDocument) {
        self.document = document
        types = Dictionary(document.types.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The smallest valid value of `type` (a header's, say), or nil when none is finite.
    func minimal(_ type: TypeRef) -> JSONValue? {
        var builder = Builder(self, useExamples: false)
        return builder.build(type, constraints: nil)
    }

    /// What a stub answers for a body: `preferred` from examples (nil when it would be the same as
    /// `minimal`) and `minimal`, the fallback the stub decodes when the preferred one does not.
    struct Choice: Equatable {
        var preferred: JSONValue?
        var minimal: JSONValue
    }

    /// The value for a response body of this content, or nil when no finite value satisfies the
    /// schema (a required property that contains itself without an array between).
    func choice(for content: MediaContent) -> Choice? {
        var builder = Builder(self, useExamples: false)
        guard let minimal = builder.build(content.type, constraints: nil) else { return nil }
        var preferred: JSONValue?
        if let example = content.example, fits(example, content.type) {
            preferred = example
        } else {
            var withExamples = Builder(self, useExamples: true)
            preferred = withExamples.build(content.type, constraints: nil)
        }
        return Choice(preferred: preferred == minimal ? nil : preferred, minimal: minimal)
    }

    /// True when `value` decodes as `type`: kinds, required properties, enum cases, date and
    /// base64 text, integer widths. Bounds are not checked (an example may break them; the stub
    /// answers with it as the spec wrote it).
    func fits(_ value: JSONValue, _ type: TypeRef, depth: Int = 0) -> Bool {
        guard depth < 64 else { return false }
        switch type {
        case .optional(let wrapped):
            return value == .null || fits(value, wrapped, depth: depth + 1)
        case .untypedJSON:
            return true
        case .array(let element):
            guard case .array(let items) = value else { return false }
            return items.allSatisfy { fits($0, element, depth: depth + 1) }
        case .dictionary(let element):
            guard case .object(let members) = value else { return false }
            return members.values.allSatisfy { fits($0, element, depth: depth + 1) }
        case .primitive(let primitive, let format):
            return Self.fits(value, primitive, format: format)
        case .named(let id):
            guard let decl = types[id] else { return true }
            switch decl.kind {
            case .alias(let target):
                return fits(value, target, depth: depth + 1)
            case .enumeration(let enumeration):
                return enumeration.values.contains(value) || (enumeration.nullable && value == .null)
            case .union(let union):
                if let discriminator = union.discriminator {
                    guard case .object(let members) = value,
                        case .string(let tag)? = members[discriminator.propertyName],
                        let variant = discriminator.mapping[tag]
                    else { return false }
                    return fits(value, .named(variant), depth: depth + 1)
                }
                return union.variants.contains { fits(value, $0, depth: depth + 1) }
            case .object(let object):
                guard case .object(let members) = value else { return false }
                for property in object.properties {
                    if let member = members[property.name] {
                        guard fits(member, property.type, depth: depth + 1) else { return false }
                    } else if property.required {
                        return false
                    }
                }
                if case .typed(let extra) = object.additionalProperties {
                    let known = Set(object.properties.map(\.name))
                    for (key, member) in members where !known.contains(key) {
                        guard fits(member, extra, depth: depth + 1) else { return false }
                    }
                }
                return (object.wholeValueParts ?? []).allSatisfy { fits(value, $0, depth: depth + 1) }
            }
        }
    }

    private static func fits(_ value: JSONValue, _ primitive: TypeRef.Primitive, format: String?) -> Bool {
        switch (primitive, value) {
        case (.string, .string(let text)):
            switch format {
            case "date-time"?, "date"?: return looksLikeDate(text)
            case "byte"?: return isBase64(text)
            default: return true
            }
        case (.integer, .int(let number)):
            if format == "int32" { return Int32(exactly: number) != nil }
            return true
        case (.number, .int), (.number, .double): return true
        case (.boolean, .bool): return true
        default: return false
        }
    }

    /// `YYYY-MM-DD` at the start, as the runtime's date parser needs (the rest it checks itself).
    private static func looksLikeDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8.prefix(10))
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        return [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy { bytes[$0] >= UInt8(ascii: "0") && bytes[$0] <= UInt8(ascii: "9") }
    }

    private static func isBase64(_ text: String) -> Bool {
        guard text.utf8.count % 4 == 0 else { return false }
        return text.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="):
                return true
            default: return false
            }
        }
    }

    /// One build: `useExamples` takes examples (the type's, the properties') where they fit and
    /// gives optional properties that have one; without, only what the schema requires.
    private struct Builder {
        /// The document's types, and `fits` for examples.
        let checker: StubValues
        let useExamples: Bool
        /// Named types being built, outermost first: a type met again inside itself is cut there.
        var building: [String] = []

        init(_ checker: StubValues, useExamples: Bool) {
            self.checker = checker
            self.useExamples = useExamples
        }

        var types: [String: TypeDecl] { checker.types }

        mutating func build(_ type: TypeRef, constraints: ValueConstraints?) -> JSONValue? {
            switch type {
            case .optional(let wrapped):
                return build(wrapped, constraints: constraints) ?? .null
            case .untypedJSON:
                return .object([:])
            case .dictionary:
                return .object([:])
            case .array(let element):
                let required = constraints?.minItems ?? 0
                // With examples, one item shows what an item looks like when the spec gave examples for it.
                if useExamples, required == 0, let item = build(element, constraints: nil) {
                    var plain = Builder(checker, useExamples: false)
                    plain.building = building
                    return plain.build(element, constraints: nil) == item ? .array([]) : .array([item])
                }
                guard required > 0 else { return .array([]) }
                guard let item = build(element, constraints: nil) else { return nil }
                return .array(Array(repeating: item, count: min(required, 64)))
            case .primitive(let primitive, let format):
                return Self.primitive(primitive, format: format, constraints: constraints)
            case .named(let id):
                guard let decl = types[id] else { return .object([:]) }
                if useExamples, let example = decl.example, checker.fits(example, type) { return example }
                guard !building.contains(id) else { return nil }
                building.append(id)
                defer { building.removeLast() }
                return build(decl)
            }
        }

        private mutating func build(_ decl: TypeDecl) -> JSONValue? {
            switch decl.kind {
            case .alias(let target):
                return build(target, constraints: decl.constraints)
            case .enumeration(let enumeration):
                return enumeration.values.first { $0 != .null } ?? .null
            case .union(let union):
                for variant in union.variants {
                    guard var value = build(variant, constraints: nil) else { continue }
                    if let discriminator = union.discriminator {
                        // The tag that names this variant, so the union decodes it as this case.
                        guard case .named(let variantID) = variant.nonOptional,
                            let tag = discriminator.mapping.filter({ $0.value == variantID }).keys.sorted().first,
                            case .object(var members) = value
                        else { continue }
                        members[discriminator.propertyName] = .string(tag)
                        value = .object(members)
                    }
                    return value
                }
                return nil
            case .object(let object):
                var members: [String: JSONValue] = [:]
                for part in object.wholeValueParts ?? [] {
                    guard case .object(let partMembers)? = build(part, constraints: nil) else { return nil }
                    members.merge(partMembers) { _, new in new }
                }
                for property in object.properties {
                    let example =
                        useExamples ? property.example.flatMap { checker.fits($0, property.type) ? $0 : nil } : nil
                    if let example {
                        members[property.name] = example
                        continue
                    }
                    guard property.required else { continue }
                    if let value = property.defaultValue, checker.fits(value, property.type) {
                        members[property.name] = value
                    } else if let value = build(property.type, constraints: property.constraints) {
                        members[property.name] = value
                    } else {
                        return nil
                    }
                }
                return .object(members)
            }
        }

        /// The smallest valid value of a primitive: a valid text for known formats, lengths and
        /// bounds honoured.
        static func primitive(_ primitive: TypeRef.Primitive, format: String?, constraints: ValueConstraints?)
            -> JSONValue
        {
            switch primitive {
            case .boolean:
                return .bool(false)
            case .integer:
                var value = 0.0
                if let minimum = constraints?.minimum {
                    value = (minimum + (constraints?.exclusiveMinimum == true ? 1 : 0)).rounded(.down)
                    if value < minimum || (constraints?.exclusiveMinimum == true && value == minimum) { value += 1 }
                } else if let maximum = constraints?.maximum, maximum < 0 {
                    value = (maximum - (constraints?.exclusiveMaximum == true ? 1 : 0)).rounded(.down)
                }
                return .int(Int(exactly: value) ?? 0)
            case .number:
                var value = 0.0
                if let minimum = constraints?.minimum {
                    value = minimum + (constraints?.exclusiveMinimum == true ? 1 : 0)
                } else if let maximum = constraints?.maximum, maximum < 0 {
                    value = maximum - (constraints?.exclusiveMaximum == true ? 1 : 0)
                }
                return value == value.rounded() && abs(value) < 1e15 ? .int(Int(value)) : .double(value)
            case .string:
                var text: String
                switch format {
                case "date-time"?: text = "1970-01-01T00:00:00Z"
                case "date"?: text = "1970-01-01"
                case "time"?: text = "00:00:00Z"
                case "uuid"?: text = "00000000-0000-0000-0000-000000000000"
                case "email"?: text = "user@example.com"
                case "uri"?, "url"?, "iri"?: text = "https://example.com/"
                case "hostname"?: text = "example.com"
                case "ipv4"?: text = "127.0.0.1"
                case "ipv6"?: text = "::1"
                default: text = ""
                }
                let minimum = constraints?.minLength ?? 0
                if text.count < minimum { text += String(repeating: "a", count: min(minimum, 4096) - text.count) }
                return .string(text)
            }
        }
    }

}

extension JSONValue {
    /// Compact JSON text with object keys sorted, so the same value always gives the same text.
    var jsonText: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .double(let value): return value.isFinite ? "\(value)" : "null"
        case .string(let value): return Self.quoted(value)
        case .array(let items): return "[" + items.map(\.jsonText).joined(separator: ",") + "]"
        case .object(let members):
            return "{"
                + members.keys.sorted().map { Self.quoted($0) + ":" + members[$0]!.jsonText }.joined(separator: ",")
                + "}"
        }
    }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
