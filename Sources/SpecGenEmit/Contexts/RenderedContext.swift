/// A context converted once into dictionaries before rendering.
///
/// swift-mustache looks every `{{name}}` up by reflecting on the context with a new `Mirror`
/// per lookup (profiling the largest fixture: over half of generation time). Dictionaries are
/// `MustacheParent`s, looked up directly, so reflecting each value once here keeps the same
/// answers at a fraction of the cost. A nil optional becomes a missing key, which mustache
/// treats exactly as it treats a nil it found by reflection: not there, look further up.
enum RenderedContext {
    static func convert(_ value: Any) -> Any {
        switch value {
        case is String, is Bool, is Int, is Double, is Substring:
            return value
        case let array as [Any]:
            return array.map(convert)
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

    /// The value inside an optional, nil for `nil`; other values unchanged.
    private static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first.map { unwrapped($0.value) } ?? nil
    }
}
