/// Why the loader refused its input. Always carries the mark of the offending place.
package struct YAMLError: Error, Sendable, Hashable, CustomStringConvertible {
    package enum Reason: Sendable, Hashable {
        /// libyaml's own error (bad indentation, tab, unterminated quote, invalid UTF-8, …), in its words.
        case syntax(String)
        case unreadable(String)
        case inputTooLarge(size: Int, limit: Int)
        case tooDeep(limit: Int)
        case aliasExpansion(limit: Int)
        case undefinedAlias(String)
        case duplicateKey(String, first: Mark)
        case invalidMerge
        case noDocument
    }

    package var reason: Reason
    package var mark: Mark

    package init(_ reason: Reason, at mark: Mark) {
        self.reason = reason
        self.mark = mark
    }

    package var message: String {
        switch reason {
        case .syntax(let text):
            return text
        case .unreadable(let why):
            return "cannot read the file: \(why)"
        case .inputTooLarge(let size, let limit):
            return "the input is \(size) bytes, over the limit of \(limit) bytes"
        case .tooDeep(let limit):
            return "collections are nested more than \(limit) levels deep"
        case .aliasExpansion(let limit):
            return "aliases expand to more than \(limit) nodes (an alias bomb?)"
        case .undefinedAlias(let name):
            return "alias '*\(name)' names no anchor defined before it"
        case .duplicateKey(let key, let first):
            return "duplicate key '\(key)' in a mapping (first at \(first))"
        case .invalidMerge:
            return "a merge key '<<' needs a mapping or a sequence of mappings"
        case .noDocument:
            return "the input holds no document (it is empty, or only comments and '---')"
        }
    }

    package var diagnostic: Diagnostic { Diagnostic(.error, at: mark, message) }

    package var description: String { diagnostic.description }
}
