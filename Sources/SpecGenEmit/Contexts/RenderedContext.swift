import Foundation
import Mustache

/// A context converted once into dictionaries and text before rendering.
///
/// swift-mustache looks every `{{name}}` up by reflecting on the context with a new `Mirror`
/// per lookup (profiling the largest fixture: over half of generation time). Dictionaries are
/// `MustacheParent`s, looked up directly, so reflecting each value once here keeps the same
/// answers at a fraction of the cost. A nil optional becomes a missing key, which mustache
/// treats exactly as it treats a nil it found by reflection: not there, look further up.
///
/// Strings become `RenderedText`, which mustache prints through `MustacheCustomRenderable`
/// with one cast, where a plain `String` goes through four failed casts and
/// `String(describing:)` (a quarter of the rendering time on SageMaker). Sections, inverted
/// sections and transforms treat it exactly as the string it holds.
///
/// What a value is (text, a list, a context…) depends on its type only: `Converter` asks the
/// runtime once per type (a failed cast is a protocol-conformance lookup, and a value went
/// through up to seven of them) and remembers.
enum RenderedContext {
    static func convert(_ value: Any) -> Any {
        var converter = Converter()
        return converter.convert(value)
    }

    /// Converts values one after another, remembering each type's kind (one per thread: not shared).
    struct Converter {
        private enum Kind {
            case text, substring, scalar, array, optional, other
            /// A context: the compiler's `Encodable` conformance lists its fields (`ContextEncoder`).
            case encodable
            /// Anything else with fields (a test's struct, a class): through a `Mirror`.
            case reflected

            var isOptional: Bool { if case .optional = self { true } else { false } }
            var isScalar: Bool { if case .scalar = self { true } else { false } }
        }

        private var kinds: [ObjectIdentifier: Kind] = [:]

        init() {}

        mutating func convert(_ value: Any) -> Any {
            switch kind(of: value) {
            case .text:
                return RenderedText(value as! String)
            case .scalar, .other:
                return value
            case .substring:
                return RenderedText(String(value as! Substring))
            case .array:
                return (value as! any ConvertibleArray).convertedElements(&self)
            case .encodable:
                return ContextEncoder.encode(existential: value as! any Encodable)
            case .reflected:
                var object: [String: Any] = [:]
                for child in Mirror(reflecting: value).children {
                    guard let label = child.label, let field = unwrapped(child.value) else { continue }
                    object[label] = convert(field)
                }
                return RenderedObject(fields: object)
            case .optional:
                // As a cast from `Any` sees through an optional: a Bool, Int or Double stays
                // wrapped (it was returned as it was), anything else is converted unwrapped.
                guard let inner = unwrapped(value) else { return value }
                return kind(of: inner).isScalar ? value : convert(inner)
            }
        }

        /// The value inside an optional (however deeply nested), nil for `nil`; other values unchanged.
        private mutating func unwrapped(_ value: Any) -> Any? {
            guard kind(of: value).isOptional else { return value }
            return (value as! any OptionalValue).wrappedValue.flatMap { unwrapped($0) }
        }

        private mutating func kind(of value: Any) -> Kind {
            let type = ObjectIdentifier(Swift.type(of: value))
            if let kind = kinds[type] { return kind }
            let kind: Kind
            if value is any OptionalValue {
                kind = .optional
            } else if value is String {
                kind = .text
            } else if value is Bool || value is Int || value is Double {
                kind = .scalar
            } else if value is Substring {
                kind = .substring
            } else if value is any ConvertibleArray {
                kind = .array
            } else if value is any Encodable {
                kind = .encodable
            } else {
                switch Mirror(reflecting: value).displayStyle {
                case .struct?, .class?: kind = .reflected
                default: kind = .other
                }
            }
            kinds[type] = kind
            return kind
        }
    }
}

/// An array, whose elements `RenderedContext` converts without first casting it to `[Any]`
/// (which boxes every element into a new array).
private protocol ConvertibleArray {
    func convertedElements(_ converter: inout RenderedContext.Converter) -> [Any]
}

extension Array: ConvertibleArray {
    fileprivate func convertedElements(_ converter: inout RenderedContext.Converter) -> [Any] {
        var converted: [Any] = []
        converted.reserveCapacity(count)
        for element in self { converted.append(converter.convert(element)) }
        return converted
    }
}

/// A converted context: its fields by name. A struct, not the dictionary itself, because
/// swift-mustache casts every level of its context stack to two protocols for every name it looks
/// up, and those casts cost about a third less on a plain struct than on `Dictionary<String, Any>`
/// (a generic type with a conditional conformance). It behaves as the dictionary in every other
/// way a template can see: transforms (`{{count(x)}}`) and printing (`{{.}}`) go to the dictionary.
struct RenderedObject: MustacheParent, MustacheTransformable, CustomStringConvertible {
    var fields: [String: Any]

    func child(named name: String) -> Any? { fields[name] }
    func transform(_ name: String) -> Any? { fields.transform(name) }
    var description: String { String(describing: fields) }
}

/// Lets `RenderedContext` see inside an `Optional` held in an `Any` without a `Mirror`.
private protocol OptionalValue {
    var wrappedValue: Any? { get }
}

extension Optional: OptionalValue {
    fileprivate var wrappedValue: Any? { self.map { $0 as Any } }
}

/// A string of the context, as mustache should print it: unchanged (the templates are plain text).
///
/// It is also a `MustacheParent`: inside a section on a string (`{{#doc}}…{{/doc}}`) every name
/// is looked up in it first, and mustache reflects with a `Mirror` on a context that is neither
/// a parent nor a dictionary. `child(named:)` answers exactly what that reflection found.
struct RenderedText: MustacheCustomRenderable, MustacheTransformable, MustacheParent, CustomStringConvertible {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    var renderText: String { text }
    var isNull: Bool { false }
    var description: String { text }

    /// Transforms (`{{lowercased(name)}}`) in a user's template act on the string itself.
    func transform(_ name: String) -> Any? { text.transform(name) }

    /// The one stored property, as mustache's `Mirror` lookup gives it (the plain string).
    func child(named name: String) -> Any? { name == "text" ? text : nil }
}
