import SpecGenYAML

/// Why a `$ref` could not be followed. Always at the mark of the `$ref` value.
package struct RefError: Error, Sendable, Equatable, CustomStringConvertible {
    package enum Reason: Sendable, Equatable {
        /// `http(s)://…`: SpecGen never fetches over the network.
        case remote(String)
        /// The file is outside the spec's folder (or the allowed root).
        case outsideRoot(ref: String, root: String)
        case missingTarget(String)
        case badPointer(String)
        /// The referenced file could not be loaded; the loader's own diagnostic follows.
        case unloadable(ref: String, YAMLError)
        /// A chain of refs that only points at other refs.
        case circular(String)
    }

    package var reason: Reason
    package var mark: Mark

    package init(_ reason: Reason, at mark: Mark) {
        self.reason = reason
        self.mark = mark
    }

    package var message: String {
        switch reason {
        case .remote(let ref):
            return
                "'$ref: \(ref)' points at the network; SpecGen never fetches remote documents (save it next to the spec and refer to the file)"
        case .outsideRoot(let ref, let root):
            return "'$ref: \(ref)' leaves the spec's folder '\(root)'; allow a wider root to follow it"
        case .missingTarget(let ref):
            return "'$ref: \(ref)' points at nothing"
        case .badPointer(let ref):
            return "'$ref: \(ref)' has a fragment that is not a JSON pointer (it must start with '/')"
        case .unloadable(let ref, let error):
            return "'$ref: \(ref)' names a file that cannot be loaded: \(error.description)"
        case .circular(let ref):
            return "'$ref: \(ref)' is part of a chain of refs that never reaches a value"
        }
    }

    package var diagnostic: Diagnostic { Diagnostic(.error, at: mark, message) }

    package var description: String { diagnostic.description }
}
