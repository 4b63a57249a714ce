/// Why a template set could not be loaded, validated or rendered. Prints like a compiler
/// diagnostic, `FILE:LINE:COLUMN: error: MESSAGE`, so editors jump to the place. Default
/// templates are named `Templates/NAME.mustache`, overrides by their path.
package struct TemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    package enum Reason: Sendable, Hashable {
        /// swift-mustache refused the template; its words.
        case syntax(String)
        /// `{{name}}` resolves to nothing in the context; `available` are the names it could use there.
        case unknownName(String, available: [String])
        /// The example context had nothing (nil, []) under `emptyAt`, so `name` beneath it can't be checked.
        case uncheckable(String, emptyAt: String)
        case unknownTransform(String, name: String)
        /// `{{> name}}` names no template of the set.
        case unknownPartial(String)
        /// `render` or `validate` asked for a template the set doesn't have.
        case unknownTemplate(String, available: [String])
        /// An override file whose name matches no default template (a typo?).
        case unknownOverride(String, available: [String])
        case unreadable(String)
        /// A section opened in one file and not closed in it (the scanner's view of a broken template).
        case unbalancedSection(String)
    }

    package var file: String
    package var line: Int?
    package var column: Int?
    package var reason: Reason

    package init(_ reason: Reason, file: String, line: Int? = nil, column: Int? = nil) {
        self.reason = reason
        self.file = file
        self.line = line
        self.column = column
    }

    package var message: String {
        switch reason {
        case .syntax(let text):
            return text
        case .unknownName(let name, let available):
            let names = available.isEmpty ? "no names (only '.')" : available.joined(separator: ", ")
            return "unknown name '\(name)'; the context here has: \(names)"
        case .uncheckable(let name, let emptyAt):
            return "cannot check '\(name)': the example context leaves '\(emptyAt)' empty (nil or []); "
                + "give it a value so every name the template uses can be checked"
        case .unknownTransform(let transform, let name):
            return "unknown transform '\(transform)' applied to '\(name)' (it would render as empty text)"
        case .unknownPartial(let name):
            return "the partial '\(name)' names no template of the set"
        case .unknownTemplate(let name, let available):
            return "no template is named '\(name)'; the templates are: \(available.joined(separator: ", "))"
        case .unknownOverride(let name, let available):
            return "no default template is named '\(name)' (a typo?); the templates are: "
                + available.joined(separator: ", ")
        case .unreadable(let why):
            return "cannot read: \(why)"
        case .unbalancedSection(let name):
            return "the section '\(name)' is not closed in this template"
        }
    }

    package var location: String {
        guard let line else { return file }
        return "\(file):\(line):\(column ?? 1)"
    }

    package var description: String { "\(location): error: \(message)" }
}
