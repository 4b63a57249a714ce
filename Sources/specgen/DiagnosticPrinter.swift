import Foundation
import SpecGenYAML

/// Writes diagnostics to standard error, one `path:line:column: severity: message` per line.
enum DiagnosticPrinter {
    static func printToStandardError(_ diagnostics: [Diagnostic]) {
        let text = diagnostics.map { $0.description + "\n" }.joined()
        FileHandle.standardError.write(Data(text.utf8))
    }
}
