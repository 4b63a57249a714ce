/// A place in a source file: what every node, diagnostic and error points at.
/// Lines and columns are 1-based; columns count characters, as libyaml does.
package struct Mark: Sendable, Hashable, Codable, CustomStringConvertible {
    package var file: String
    package var line: Int
    package var column: Int

    package init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the form compilers and editors jump to.
    package var description: String { "\(file):\(line):\(column)" }
}
