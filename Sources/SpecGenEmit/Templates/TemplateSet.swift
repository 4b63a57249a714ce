import Foundation
import Mustache

/// A context type that can show the validator every name it offers.
///
/// `example` must fill every optional and give every array at least one element (elements may
/// differ; their shapes are merged), so that each name a template uses can be checked. When the
/// context passed to `render` conforms, templates are validated once per type against `example`,
/// strictly; otherwise against the context itself, accepting names beneath nil or empty values.
package protocol TemplateContext {
    static var example: Self { get }
}

/// The templates the emitters render: the embedded defaults, with any user override in place.
///
/// Rendering is plain text: every template is parsed with `{{% CONTENT_TYPE: TEXT}}` in front
/// (swift-mustache escapes HTML by default, and resets to HTML in each partial), so `<`, `&`, `"`
/// reach the Swift output unchanged and template authors need not remember the pragma.
/// Escaping of spec text for Swift is the emitters' job, in the context they build.
package struct TemplateSet: Sendable {
    /// Added in front of every template; its own line, so it renders nothing (mustache drops a
    /// standalone tag's line) and the template's first line behaves exactly as written.
    static let textPragma = "{{% CONTENT_TYPE: TEXT}}\n"

    let sources: [String: TemplateValidator.Source]
    let library: MustacheLibrary
    private let validated = ValidationCache()

    /// The template names, sorted.
    package var names: [String] { sources.keys.sorted() }

    /// The embedded defaults, with each `NAME.mustache` in `overridesDirectory` replacing the
    /// default of that name.
    package static func load(overridesDirectory: String?) throws(TemplateError) -> TemplateSet {
        try load(overridesDirectory: overridesDirectory, defaults: DefaultTemplates.all)
    }

    /// `defaults` (name → text, shown as `Templates/NAME.mustache` in messages), with overrides.
    package static func load(overridesDirectory: String?, defaults: [String: String]) throws(TemplateError)
        -> TemplateSet
    {
        var sources: [String: TemplateValidator.Source] = [:]
        for (name, text) in defaults {
            sources[name] = .init(file: "Templates/\(name).mustache", text: text)
        }
        if let overridesDirectory {
            for (name, path) in try overrideFiles(in: overridesDirectory) {
                guard sources[name] != nil else {
                    throw TemplateError(.unknownOverride(name, available: sources.keys.sorted()), file: path)
                }
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw TemplateError(.unreadable("permission denied or not a file"), file: path)
                }
                guard let text = String(data: data, encoding: .utf8) else {
                    throw TemplateError(.unreadable("not UTF-8 text"), file: path)
                }
                sources[name] = .init(file: path, text: text)
            }
        }
        return try TemplateSet(sources: sources)
    }

    /// Templates given directly: name → (file for messages, text).
    package init(templates: [String: (file: String, text: String)]) throws(TemplateError) {
        try self.init(sources: templates.mapValues { .init(file: $0.file, text: $0.text) })
    }

    init(sources: [String: TemplateValidator.Source]) throws(TemplateError) {
        var library = MustacheLibrary()
        // Sorted, so the first broken template reported is the same on every run.
        for name in sources.keys.sorted() {
            let source = sources[name]!
            do {
                library.register(try MustacheTemplate(string: Self.textPragma + source.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                // Line 1 is the pragma we added; the user's line N is our line N + 1.
                throw TemplateError(
                    .syntax(Self.describe(error.error)), file: source.file,
                    line: max(error.context.lineNumber - 1, 1), column: error.context.columnNumber)
            } catch {
                throw TemplateError(.syntax("\(error)"), file: source.file)
            }
        }
        self.sources = sources
        self.library = library
    }

    /// Renders template `name` with `context`, after checking every name it uses exists there
    /// (see `TemplateContext` for how the check gets its shape).
    package func render(_ name: String, context: Any) throws(TemplateError) -> String {
        try validateContext(name, context: context)
        guard let template = library.getTemplate(named: name) else {
            throw TemplateError(.unknownTemplate(name, available: names), file: name)
        }
        return template.render(RenderedContext.convert(context), library: library)
    }

    /// Checks, once per context type (or shape), that every name template `name` uses exists in `context`.
    func validateContext(_ name: String, context: Any) throws(TemplateError) {
        if let typed = context as? any TemplateContext {
            try validateOnce(name, key: ObjectIdentifier(type(of: typed)), strict: true) { exampleShape(of: typed) }
        } else {
            let shape = ContextShape(reflecting: context)
            try validateOnce(name, key: shape, strict: false) { shape }
        }
    }

    /// Checks template `name` (and the partials it includes) against `shape`. Strict: names
    /// under a nil or empty value of the shape's example are errors, since they can't be checked.
    package func validate(_ name: String, against shape: ContextShape, strict: Bool = true) throws(TemplateError) {
        try TemplateValidator(templates: sources, strict: strict).validate(name, shape: shape)
    }

    /// Checks template `name` against `example` (see `TemplateContext.example` for what it needs).
    package func validate(_ name: String, example: Any) throws(TemplateError) {
        try validate(name, against: ContextShape(reflecting: example))
    }

    private func validateOnce(
        _ name: String, key: AnyHashable, strict: Bool,
        shape: () -> ContextShape
    ) throws(TemplateError) {
        let cacheKey = ValidationCache.Key(template: name, context: key)
        guard !validated.contains(cacheKey) else { return }
        try validate(name, against: shape(), strict: strict)
        validated.insert(cacheKey)
    }

    private static func overrideFiles(in directory: String) throws(TemplateError) -> [(String, String)] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw TemplateError(.unreadable("not a readable folder"), file: directory)
        }
        return names.filter { $0.hasSuffix(".mustache") }.sorted().map { file in
            (String(file.dropLast(".mustache".count)), (directory as NSString).appendingPathComponent(file))
        }
    }

    private static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else {
            // swift-mustache's internal reader error: it ran off the end of the text.
            return "\(error)" == "overflow" ? "the template ends inside a tag (a missing '}}'?)" : "\(error)"
        }
        switch error {
        case .sectionCloseNameIncorrect: return "this closing tag doesn't match the section it closes"
        case .unfinishedName: return "unfinished tag name (a missing '}}' or a character not allowed in names)"
        case .expectedSectionEnd: return "a section is opened but never closed (missing '{{/name}}')"
        case .invalidSetDelimiter: return "malformed set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform cannot be applied to an inheritance block"
        case .illegalTokenInsideInheritSection: return "only '{{$block}}' definitions may appear inside '{{<parent}}'"
        case .textInsideInheritSection: return "text is not allowed inside '{{<parent}}'"
        case .invalidConfigVariableSyntax: return "malformed '{{% NAME: VALUE}}' pragma"
        case .unrecognisedConfigVariable: return "unknown pragma or content type"
        }
    }
}

private func exampleShape<Context: TemplateContext>(of _: Context) -> ContextShape {
    ContextShape(reflecting: Context.example)
}

/// Which (template, context type or shape) pairs already passed validation, per template set.
/// A lock, not an actor: `render` is synchronous and called from any thread.
private final class ValidationCache: @unchecked Sendable {
    struct Key: Hashable {
        var template: String
        var context: AnyHashable
    }

    private let lock = NSLock()
    private var keys: Set<Key> = []

    func contains(_ key: Key) -> Bool { lock.withLock { keys.contains(key) } }
    func insert(_ key: Key) { _ = lock.withLock { keys.insert(key) } }
}
