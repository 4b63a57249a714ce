/// A place in a source file: what every node, diagnostic and error points at.
/// Lines and columns are 1-based; columns count characters, as libyaml does.
public struct Mark: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the form compilers and editors jump to.
    public var description: String { "\(file):\(line):\(column)" }
}
