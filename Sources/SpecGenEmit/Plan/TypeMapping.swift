import SpecGenIR

/// How a `TypeRef` is spelled in Swift.
struct TypeMapping {
    let names: SwiftTypeNames

    /// The Swift type for a use of a type; `optional` adds `?` (the caller decides absent vs null).
    func swiftType(_ ref: TypeRef) -> String {
        switch ref {
        case .named(let id): return names.qualified[id] ?? "JSONValue"
        case .array(let element): return "[\(swiftType(element))]"
        case .dictionary(let value): return "[String: \(swiftType(value))]"
        case .optional(let wrapped): return swiftType(wrapped) + "?"
        case .untypedJSON: return "JSONValue"
        case .primitive(let primitive, let format):
            return Self.primitive(primitive, format: format)
        }
    }

    /// date-time and date → `Date`; byte (base64) and binary → `Data`; int32/int64 keep their width.
    static func primitive(_ primitive: TypeRef.Primitive, format: String?) -> String {
        switch (primitive, format) {
        case (.string, "date-time"?), (.string, "date"?): return "Date"
        case (.string, "byte"?), (.string, "binary"?): return "Data"
        case (.string, _): return "String"
        case (.integer, "int32"?): return "Int32"
        case (.integer, "int64"?): return "Int64"
        case (.integer, _): return "Int"
        case (.number, "float"?): return "Float"
        case (.number, _): return "Double"
        case (.boolean, _): return "Bool"
        }
    }

    /// True for a body sent or received as raw bytes rather than JSON.
    static func isBinary(_ ref: TypeRef) -> Bool {
        if case .primitive(.string, "binary"?) = ref.nonOptional { return true }
        return false
    }
}
