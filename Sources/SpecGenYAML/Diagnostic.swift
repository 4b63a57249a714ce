/// One problem found in a spec, in the form `path:line:column: severity: message`.
/// Every stage reports through this type so a user sees one format, whatever found the problem.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error
        case warning
        case note
    }

    public var severity: Severity
    public var mark: Mark
    public var message: String

    public init(_ severity: Severity, at mark: Mark, _ message: String) {
        self.severity = severity
        self.mark = mark
        self.message = message
    }

    public var description: String { "\(mark): \(severity.rawValue): \(message)" }
}
