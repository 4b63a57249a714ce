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
enum RenderedContext {
    static func convert(_ value: Any) -> Any {
        switch value {
        case let text as String:
            return RenderedText(text)
        case is Bool, is Int, is Double:
            return value
        case let text as Substring:
            return RenderedText(String(text))
        case let array as [Any]:
            return array.map(convert)
        case let listed as any RenderedFields:
            var object: [String: Any] = [:]
            for (label, value) in listed.renderedFields {
                guard let value, let field = unwrapped(value) else {
                    // NSNull renders as a missing key does (nothing; a section is skipped) but ends
                    // mustache's walk down the context stack here, instead of a failed lookup at
                    // every level. The same output: no other model context has a field of this
                    // name the walk could find (TemplateContextTests checks).
                    object[label] = NSNull()
                    continue
                }
                object[label] = convert(field)
            }
            return object
        default:
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .struct?, .class?:
                var object: [String: Any] = [:]
                for child in mirror.children {
                    guard let label = child.label, let field = unwrapped(child.value) else { continue }
                    object[label] = convert(field)
                }
                return object
            case .optional?:
                return unwrapped(value).map(convert) ?? value
            default:
                return value
            }
        }
    }

    /// The value inside an optional (however deeply nested), nil for `nil`; other values unchanged.
    private static func unwrapped(_ value: Any) -> Any? {
        guard let optional = value as? any OptionalValue else { return value }
        return optional.wrappedValue.flatMap(unwrapped)
    }
}

/// A context that lists its stored properties (name, value) itself, so `RenderedContext` needs
/// no `Mirror` for it. The list must be complete: a test compares it with reflection.
protocol RenderedFields {
    var renderedFields: [(String, Any?)] { get }
}

/// Lets `RenderedContext` see inside an `Optional` held in an `Any` without a `Mirror`.
private protocol OptionalValue {
    var wrappedValue: Any? { get }
}

extension Optional: OptionalValue {
    fileprivate var wrappedValue: Any? { self.map { $0 as Any } }
}

/// A string of the context, as mustache should print it: unchanged (the templates are plain text).
struct RenderedText: MustacheCustomRenderable, MustacheTransformable, CustomStringConvertible {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    var renderText: String { text }
    var isNull: Bool { false }
    var description: String { text }

    /// Transforms (`{{lowercased(name)}}`) in a user's template act on the string itself.
    func transform(_ name: String) -> Any? { text.transform(name) }
}
