import SpecGenYAML

/// How a spec is read.
package struct ReaderOptions: Sendable {
    package var limits: LoaderLimits
    /// A folder that `$ref`ed files may come from; nil means only the spec's own folder.
    package var allowedRoot: String?
    /// Replaces the protocol the reader detects (a config file's choice).
    package var protocolOverride: APIProtocol?

    package init(limits: LoaderLimits = .default, allowedRoot: String? = nil, protocolOverride: APIProtocol? = nil) {
        self.limits = limits
        self.allowedRoot = allowedRoot
        self.protocolOverride = protocolOverride
    }
}

/// A reader's result: the document (nil only when reading could not start) and every diagnostic,
/// in the order found.
package struct ReadResult: Sendable {
    package var document: APIDocument?
    package var diagnostics: [Diagnostic]

    package init(document: APIDocument? = nil, diagnostics: [Diagnostic]) {
        self.document = document
        self.diagnostics = diagnostics
    }

    package var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    package var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
