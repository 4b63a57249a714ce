/// One mustache tag of a template, where it starts, and what it names.
///
/// swift-mustache keeps its parsed tokens internal, so the validator reads tags itself. It only
/// ever reads templates that swift-mustache has already parsed without error, so it can be
/// simple: it needs the tags, not the text around them.
struct MustacheTag: Equatable {
    enum Kind: Equatable {
        case variable  // {{name}}
        case unescaped  // {{{name}}} and {{&name}}
        case section  // {{#name}}
        case inverted  // {{^name}}
        case close  // {{/name}}
        case partial  // {{>name}}
        case dynamicPartial  // {{>*name}}
        case parent  // {{<name}} (partial with inherited blocks)
        case block  // {{$name}}
        case ignored  // comments, delimiter changes, pragmas
    }

    var kind: Kind
    /// The name the tag looks up, without transforms: `name` in `{{uppercased(name)}}`.
    var name: String
    /// Transforms, outermost first: `["uppercased"]` in `{{uppercased(name)}}`.
    var transforms: [String]
    var line: Int
    var column: Int
}

enum MustacheTagScanner {
    /// Every tag of `text` in order. Lines and columns are 1-based and count characters, as
    /// swift-mustache's own error positions do.
    static func tags(in text: String) -> [MustacheTag] {
        let characters = Array(text)
        var tags: [MustacheTag] = []
        var open: [Character] = ["{", "{"]
        var close: [Character] = ["}", "}"]
        var index = 0
        var line = 1
        var lineStart = 0

        func matches(_ delimiter: [Character], at position: Int) -> Bool {
            position + delimiter.count <= characters.count
                && characters[position..<position + delimiter.count].elementsEqual(delimiter)
        }
        func find(_ delimiter: [Character], from position: Int) -> Int? {
            var position = position
            while position < characters.count {
                if matches(delimiter, at: position) { return position }
                position += 1
            }
            return nil
        }

        while let start = find(open, from: index) {
            for position in index..<start where characters[position] == "\n" {
                line += 1
                lineStart = position + 1
            }
            let tagLine = line
            let column = start - lineStart + 1
            var bodyStart = start + open.count
            let triple = open == ["{", "{"] && bodyStart < characters.count && characters[bodyStart] == "{"
            if triple { bodyStart += 1 }
            guard let end = find(close, from: bodyStart) else { break }
            let body = String(characters[bodyStart..<end])
            index = end + close.count + (triple && matches(["}"], at: end + close.count) ? 1 : 0)
            // Keep line counting right when a tag (a comment) spans lines.
            for position in start..<min(index, characters.count) where characters[position] == "\n" {
                line += 1
                lineStart = position + 1
            }
            if triple {
                tags.append(tag(.unescaped, body, line: tagLine, column: column))
                continue
            }
            guard let sigil = body.first(where: { !$0.isWhitespace }) else {
                tags.append(tag(.variable, body, line: tagLine, column: column))
                continue
            }
            let rest = String(body.drop(while: { $0.isWhitespace }).dropFirst())
            switch sigil {
            case "#": tags.append(tag(.section, rest, line: tagLine, column: column))
            case "^": tags.append(tag(.inverted, rest, line: tagLine, column: column))
            case "/": tags.append(tag(.close, rest, line: tagLine, column: column))
            case "&": tags.append(tag(.unescaped, rest, line: tagLine, column: column))
            case "$": tags.append(tag(.block, rest, line: tagLine, column: column))
            case "<": tags.append(tag(.parent, rest, line: tagLine, column: column))
            case ">":
                let name = rest.trimmingSpaces
                if name.hasPrefix("*") {
                    tags.append(tag(.dynamicPartial, String(name.dropFirst()), line: tagLine, column: column))
                } else {
                    tags.append(MustacheTag(kind: .partial, name: name, transforms: [], line: tagLine, column: column))
                }
            case "=":
                // `{{=<% %>=}}`: the new delimiters, separated by whitespace, between the `=`s.
                let parts = rest.dropLast(rest.hasSuffix("=") ? 1 : 0).split(whereSeparator: \.isWhitespace)
                if parts.count == 2 {
                    open = Array(parts[0])
                    close = Array(parts[1])
                }
                tags.append(tag(.ignored, "", line: tagLine, column: column))
            case "!", "%":
                tags.append(tag(.ignored, "", line: tagLine, column: column))
            default:
                tags.append(tag(.variable, body, line: tagLine, column: column))
            }
        }
        return tags
    }

    /// Splits `a(b(name))` into `name` and `["a", "b"]`, as swift-mustache's parser does.
    private static func tag(_ kind: MustacheTag.Kind, _ body: String, line: Int, column: Int) -> MustacheTag {
        let text = body.trimmingSpaces
        guard text.contains("(") else {
            return MustacheTag(kind: kind, name: text, transforms: [], line: line, column: column)
        }
        var parts = text.filter { $0 != ")" }.split(separator: "(", omittingEmptySubsequences: false).map(String.init)
        let name = parts.removeLast()
        return MustacheTag(kind: kind, name: name, transforms: parts, line: line, column: column)
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
