/// The names a template context offers, found by reflecting an instance: what
/// `TemplateValidator` checks each `{{name}}` against, since mustache itself renders an unknown
/// name as empty text without a word.
///
/// Built with `Mirror`, exactly the way swift-mustache looks names up at render time:
/// - a struct or class → `.object` of its stored properties (a class's superclass ones too);
///   a `[String: …]` dictionary → `.object` of its keys; a labelled tuple → `.object` of its labels;
/// - an array or set → `.list` of its elements' shapes, merged (so different elements may show
///   different optional fields);
/// - an optional → the wrapped value's shape;
/// - strings, numbers, Booleans, enums, closures → `.value`.
///
/// `.unknown` stands where the instance has nothing to reflect: a `nil` optional, an empty array
/// (`.list(.unknown)`). Names beneath it cannot be checked; when validating against an *example*
/// context that is an error (give the example a value there), against real data it is accepted.
package indirect enum ContextShape: Sendable, Hashable, CustomStringConvertible {
    case value
    case object([String: ContextShape])
    case list(ContextShape)
    case unknown

    /// Reflection stops this deep, so a cyclic object graph (classes) cannot loop forever.
    static let maxDepth = 48

    package init(reflecting example: Any) {
        self = Self.reflect(example, depth: 0)
    }

    private static func reflect(_ subject: Any, depth: Int) -> ContextShape {
        guard depth < maxDepth else { return .unknown }
        // Scalars first: `String` reflects as a collection of characters, which mustache never walks.
        switch subject {
        case is String, is Substring, is Bool, is Int, is Double, is Float, is Character:
            return .value
        default:
            break
        }
        let mirror = Mirror(reflecting: subject)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first else { return .unknown }
            return reflect(wrapped.value, depth: depth + 1)
        case .collection, .set:
            var element = ContextShape.unknown
            for child in mirror.children {
                element = element.merged(with: reflect(child.value, depth: depth + 1))
            }
            return .list(element)
        case .dictionary:
            var fields: [String: ContextShape] = [:]
            for child in mirror.children {
                // Each child is a (key, value) pair; mustache only looks up String keys.
                let pair = Array(Mirror(reflecting: child.value).children)
                guard pair.count == 2, let key = pair[0].value as? String else { continue }
                fields[key] = reflect(pair[1].value, depth: depth + 1)
            }
            return .object(fields)
        case .struct, .class, .tuple:
            var fields: [String: ContextShape] = [:]
            var current: Mirror? = mirror
            while let level = current {
                for child in level.children {
                    guard let label = child.label, fields[label] == nil else { continue }
                    fields[label] = reflect(child.value, depth: depth + 1)
                }
                current = level.superclassMirror
            }
            return .object(fields)
        default:
            return .value
        }
    }

    /// Both shapes' names: elements of a list may differ in which optionals they fill.
    package func merged(with other: ContextShape) -> ContextShape {
        switch (self, other) {
        case (.unknown, _): return other
        case (_, .unknown): return self
        case (.object(let mine), .object(let theirs)):
            return .object(mine.merging(theirs) { $0.merged(with: $1) })
        case (.list(let mine), .list(let theirs)):
            return .list(mine.merged(with: theirs))
        case (.value, _): return other
        default: return self
        }
    }

    /// The names an object offers, sorted; empty for other shapes.
    package var fieldNames: [String] {
        if case .object(let fields) = self { return fields.keys.sorted() }
        return []
    }

    package var description: String {
        switch self {
        case .value: return "value"
        case .unknown: return "unknown"
        case .list(let element): return "[\(element)]"
        case .object(let fields):
            return "{" + fields.keys.sorted().map { "\($0): \(fields[$0]!)" }.joined(separator: ", ") + "}"
        }
    }
}
