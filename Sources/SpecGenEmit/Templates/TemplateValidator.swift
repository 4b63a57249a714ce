/// Checks, before rendering, that every name a template looks up exists in its context.
///
/// mustache renders an unknown name as empty text, so a typo in a template (or a context field
/// renamed in Swift) would silently drop code from the output. This walks the template's tags
/// with mustache's lookup rules and throws at the first name that resolves to nothing:
/// - a name is looked up in the innermost section's value, then outward (the section stack);
/// - `{{.}}` is the current value; `{{a.b}}` finds `a` that way, then `b` inside it only;
///   `{{.a}}` looks only at the current value;
/// - `{{#list}}` pushes each element, `{{#object}}` pushes the object, `{{^x}}` pushes nothing;
/// - `{{> partial}}` is checked with the stack it is included with; it must exist in the set;
/// - transforms (`{{uppercased(name)}}`) must be ones swift-mustache knows, or they'd render empty.
struct TemplateValidator {
    struct Source: Sendable, Hashable {
        /// Where the template came from, for messages: `Templates/Models.mustache` or an override's path.
        var file: String
        var text: String
    }

    /// One value on the section stack and the name that pushed it (for "left empty" messages).
    private struct Frame {
        var shape: ContextShape
        var label: String
    }

    let templates: [String: Source]
    /// Validating against an example context: a nil or empty spot in it is the example's fault,
    /// and an error. Against real data it is just data, and names beneath it are accepted.
    let strict: Bool

    /// Partials may include themselves (recursive types); each inclusion is checked at most this deep.
    static let maxPartialDepth = 24

    func validate(_ name: String, shape: ContextShape) throws(TemplateError) {
        guard templates[name] != nil else {
            throw TemplateError(.unknownTemplate(name, available: templates.keys.sorted()), file: name)
        }
        try check(name, stack: [Frame(shape: shape, label: "the context")], chain: [])
    }

    private func check(_ name: String, stack initial: [Frame], chain: [(String, ContextShape)]) throws(TemplateError) {
        guard let source = templates[name] else { return }
        let top = initial.last?.shape ?? .unknown
        // A partial met again with the same current value adds nothing new to check.
        if chain.contains(where: { $0.0 == name && $0.1 == top }) || chain.count > Self.maxPartialDepth { return }
        let chain = chain + [(name, top)]
        var stack = initial
        var pushed: [Bool] = []
        for tag in MustacheTagScanner.tags(in: source.text) {
            switch tag.kind {
            case .ignored:
                continue
            case .variable, .unescaped, .dynamicPartial:
                _ = try resolve(tag, in: stack, source: source)
            case .section:
                let shape = try resolve(tag, in: stack, source: source)
                switch shape {
                case .list(let element): stack.append(Frame(shape: element, label: tag.name))
                default: stack.append(Frame(shape: shape, label: tag.name))
                }
                pushed.append(true)
            case .inverted:
                _ = try resolve(tag, in: stack, source: source)
                pushed.append(false)
            case .block:
                pushed.append(false)
            case .parent, .partial:
                guard templates[tag.name] != nil else {
                    throw TemplateError(
                        .unknownPartial(tag.name), file: source.file, line: tag.line, column: tag.column)
                }
                try check(tag.name, stack: stack, chain: chain)
                if tag.kind == .parent { pushed.append(false) }
            case .close:
                if pushed.popLast() == true { stack.removeLast() }
            }
        }
    }

    /// The shape `tag` resolves to, or an error at the tag.
    private func resolve(_ tag: MustacheTag, in stack: [Frame], source: Source) throws(TemplateError) -> ContextShape {
        func fail(_ reason: TemplateError.Reason) -> TemplateError {
            TemplateError(reason, file: source.file, line: tag.line, column: tag.column)
        }
        let name = tag.name
        // `{{first()}}`, `{{index()}}`: the position inside the list being rendered.
        if name.isEmpty && !tag.transforms.isEmpty {
            for transform in tag.transforms where !Self.sequenceTransforms.contains(transform) {
                throw fail(.unknownTransform(transform, name: "the current list position"))
            }
            return .value
        }
        var shape: ContextShape
        var rest: ArraySlice<Substring>
        if name == "." {
            shape = stack.last?.shape ?? .unknown
            rest = []
        } else {
            let components = name.split(separator: ".")
            guard let first = components.first else { throw fail(.unknownName(name, available: available(stack))) }
            rest = components.dropFirst()
            // A leading dot stops the walk up the stack: only the current value is searched.
            let frames = name.hasPrefix(".") ? Array(stack.suffix(1)) : stack
            var found: ContextShape?
            for frame in frames.reversed() {
                if case .unknown = frame.shape {
                    if strict { throw fail(.uncheckable(name, emptyAt: frame.label)) }
                    return .unknown
                }
                if case .object(let fields) = frame.shape, let field = fields[String(first)] {
                    found = field
                    break
                }
            }
            guard let found else { throw fail(.unknownName(name, available: available(stack))) }
            shape = found
        }
        var path = name.split(separator: ".").prefix(name.split(separator: ".").count - rest.count).joined(
            separator: ".")
        for component in rest {
            switch shape {
            case .object(let fields) where fields[String(component)] != nil:
                shape = fields[String(component)]!
            case .unknown:
                if strict { throw fail(.uncheckable(name, emptyAt: path)) }
                return .unknown
            default:
                throw fail(.unknownName(name, available: shape.fieldNames))
            }
            path += "." + component
        }
        for transform in tag.transforms.reversed() {
            guard let transformed = Self.apply(transform, to: shape) else {
                throw fail(.unknownTransform(transform, name: name))
            }
            shape = transformed
        }
        return shape
    }

    /// Every name reachable from the stack, for the error message.
    private func available(_ stack: [Frame]) -> [String] {
        Set(stack.flatMap(\.shape.fieldNames)).sorted()
    }

    static let sequenceTransforms: Set<String> = ["first", "last", "index", "even", "odd"]
    /// The transforms swift-mustache 2.1 implements (Transform.swift); any other renders empty.
    static let knownTransforms: Set<String> = [
        "first", "last", "reversed", "sorted", "count", "empty", "enumerated",
        "capitalized", "lowercased", "uppercased", "equalzero", "plusone", "minusone", "even", "odd",
    ]

    /// What a transform gives: the first element of a list is an element, most others plain values.
    private static func apply(_ transform: String, to shape: ContextShape) -> ContextShape? {
        guard knownTransforms.contains(transform) else { return nil }
        switch (shape, transform) {
        case (.unknown, _): return .unknown
        case (.list(let element), "first"), (.list(let element), "last"): return element
        case (.list, "reversed"), (.list, "sorted"): return shape
        case (_, "enumerated"): return .unknown
        default: return .value
        }
    }
}
