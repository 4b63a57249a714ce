import SpecGenYAML

/// How a spec is read.
public struct ReaderOptions: Sendable {
    public var limits: LoaderLimits
    /// A folder that `$ref`ed files may come from; nil means only the spec's own folder.
    public var allowedRoot: String?
    /// Replaces the protocol the reader detects (a config file's choice).
    public var protocolOverride: APIProtocol?

    public init(limits: LoaderLimits = .default, allowedRoot: String? = nil, protocolOverride: APIProtocol? = nil) {
        self.limits = limits
        self.allowedRoot = allowedRoot
        self.protocolOverride = protocolOverride
    }
}

/// A reader's result: the document (nil only when reading could not start) and every diagnostic,
/// in the order found.
public struct ReadResult: Sendable {
    public var document: APIDocument?
    public var diagnostics: [Diagnostic]

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
