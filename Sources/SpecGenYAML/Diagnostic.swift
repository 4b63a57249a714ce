/// One problem found in a spec, in the form `path:line:column: severity: message`.
/// Every stage reports through this type so a user sees one format, whatever found the problem.
package struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    package enum Severity: String, Sendable, Hashable, Codable {
        case error
        case warning
        case note
    }

    package var severity: Severity
    package var mark: Mark
    package var message: String

    package init(_ severity: Severity, at mark: Mark, _ message: String) {
        self.severity = severity
        self.mark = mark
        self.message = message
    }

    package var description: String { "\(mark): \(severity.rawValue): \(message)" }
}
