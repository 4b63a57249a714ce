/// Spec text made safe to put into generated Swift source: as a string literal or as a comment.
/// Nothing from a spec can end the literal or comment, start code or an interpolation, or make
/// the source display differently from how it compiles.
package enum SwiftText {
    /// A single-line Swift string literal, quotes included, that evaluates to exactly `text`.
    ///
    /// `\` → `\\` (so `\(` can never start an interpolation), `"` → `\"`, newline → `\n`,
    /// carriage return → `\r`, tab → `\t`; every other character `InvisibleCharacters` flags
    /// (controls, NUL, U+2028/2029, bidi overrides and isolates, zero-width and other invisible
    /// characters, non-ASCII spaces) → `\u{HEX}`. Everything else, emoji included, stays as is.
    /// `"""`, `*/`, `#if` and backticks need nothing: they mean nothing inside a literal.
    package static func stringLiteral(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = "\""
        out.reserveCapacity(scalars.count + 2)
        var previousRaw: Unicode.Scalar?
        for index in scalars.indices {
            let scalar = scalars[index]
            switch scalar {
            case "\\":
                out += "\\\\"
                previousRaw = nil
            case "\"":
                out += "\\\""
                previousRaw = nil
            case "\n":
                out += "\\n"
                previousRaw = nil
            case "\r":
                out += "\\r"
                previousRaw = nil
            case "\t":
                out += "\\t"
                previousRaw = nil
            default:
                if InvisibleCharacters.mustEscape(scalars, at: index, previousRaw: previousRaw) {
                    out += InvisibleCharacters.unicodeEscape(scalar)
                    previousRaw = nil
                } else {
                    out.unicodeScalars.append(scalar)
                    previousRaw = scalar
                }
            }
        }
        out += "\""
        return out
    }

    /// `///` doc-comment lines for `text`, each `indent + "/// " + line + "\n"` (every line,
    /// the last included, ends with a newline, so the result goes straight before a
    /// declaration). nil or blank text → "" (no lines).
    ///
    /// Line breaks (LF, CRLF, CR, VT, FF, NEL, U+2028/2029) become new `///` lines. Tabs become
    /// four spaces, other spaces one space; controls and invisible/bidi characters are removed
    /// (in a comment they can only mislead the reader). Trailing whitespace is trimmed, leading
    /// and trailing blank lines dropped, runs of blank lines kept as one empty `///` line
    /// (a paragraph break). Nothing is wrapped. `*/`, `#if`, backticks and `"""` need nothing:
    /// a `//` comment only ends at a line break.
    package static func docComment(_ text: String?, indent: String) -> String {
        guard let text else { return "" }
        var lines: [String] = []
        var pendingBlank = false
        for line in commentLines(text) {
            if line.isEmpty {
                pendingBlank = !lines.isEmpty
                continue
            }
            if pendingBlank { lines.append(indent + "///\n") }
            pendingBlank = false
            lines.append(indent + "/// " + line + "\n")
        }
        return lines.joined()
    }

    /// A whole `//` line comment for `text`: "// " and the text on one line (line breaks become
    /// spaces, otherwise the same cleaning as `docComment`); blank text → "".
    package static func lineComment(_ text: String) -> String {
        let joined = commentLines(text).filter { !$0.isEmpty }.joined(separator: " ")
        return joined.isEmpty ? "" : "// " + joined
    }

    /// The cleaned lines of `text`: split at line breaks, invisible characters removed, tabs and
    /// spaces normalized, trailing whitespace trimmed (blank lines become "").
    static func commentLines(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previousRaw: Unicode.Scalar?
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if InvisibleCharacters.isLineBreak(scalar) {
                lines.append(trimmedTrailing(current))
                current = String.UnicodeScalarView()
                previousRaw = nil
                // CRLF is one line break, not two.
                if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
            } else if scalar == "\t" {
                current.append(contentsOf: "    ".unicodeScalars)
                previousRaw = " "
            } else if scalar.isASCII ? scalar == " " : scalar.properties.generalCategory == .spaceSeparator {
                // (U+0020 is the only ASCII space separator; the property lookup is not free.)
                current.append(" ")
                previousRaw = " "
            } else if !InvisibleCharacters.mustEscape(scalars, at: index, previousRaw: previousRaw) {
                current.append(scalar)
                previousRaw = scalar
            }
            index += 1
        }
        lines.append(trimmedTrailing(current))
        return lines
    }

    private static func trimmedTrailing(_ line: String.UnicodeScalarView) -> String {
        var end = line.endIndex
        while end > line.startIndex {
            let before = line.index(before: end)
            guard line[before] == " " else { break }
            end = before
        }
        return String(line[line.startIndex..<end])
    }
}
