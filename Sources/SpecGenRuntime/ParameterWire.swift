import Foundation

/// The bytes each style puts on the wire (OpenAPI 3.1 "Style Examples", RFC 6570), and their parsing.
/// Values are percent-escaped element by element, so a delimiter inside a value (`a,b` in a CSV list)
/// is escaped and the delimiters stay literal.
enum ParameterWire {
    struct Malformed: Error { var reason: String }

    // MARK: Escaping

    static func escape(_ text: String, in location: ParameterLocation) -> String {
        switch location {
        case .path, .query, .querystring, .cookie:
            return text.addingPercentEncoding(withAllowedCharacters: .urlQueryItemAllowed) ?? text
        case .header: return text.addingPercentEncoding(withAllowedCharacters: .headerElementAllowed) ?? text
        }
    }

    /// `+` is a space only in a query (HTML forms); a path or cookie keeps it.
    static func unescape(_ text: Substring, in location: ParameterLocation) -> String {
        let isQuery = location == .query || location == .querystring
        let text = isQuery ? text.replacingOccurrences(of: "+", with: " ") : String(text)
        return text.removingPercentEncoding ?? text
    }

    // MARK: Writing

    /// The elements of a list, or an object's names and values alternately (`R,100,G,200`), escaped.
    private static func flat(
        _ value: ParameterValue, _ location: ParameterLocation, escaping: (String, ParameterLocation) -> String = escape
    ) -> [String] {
        switch value {
        case .primitive(let text): return [escaping(text, location)]
        case .list(let items): return items.map { escaping($0, location) }
        case .object(let properties):
            return properties.flatMap { [escaping($0.name, location), escaping($0.value, location)] }
        }
    }

    /// `.` delimits `label` values, and RFC 3986 leaves it unescaped: escape it inside values so
    /// `1.5` in an exploded label list is not two elements.
    private static func escapeLabel(_ text: String, in location: ParameterLocation) -> String {
        escape(text, in: location).replacingOccurrences(of: ".", with: "%2E")
    }

    /// An object's properties as `R=100`, escaped.
    private static func assignments(_ properties: [ParameterValue.Property], _ location: ParameterLocation) -> [String]
    {
        properties.map { escape($0.name, in: location) + "=" + escape($0.value, in: location) }
    }

    /// The text that replaces `{name}` in a path template.
    static func path(_ name: String, _ value: ParameterValue, _ encoding: ParameterEncoding) -> String {
        let n = escape(name, in: .path)
        switch (encoding.style, value, encoding.explode) {
        case (.label, .primitive, _), (.label, .list, false), (.label, .object, false):
            return "." + flat(value, .path, escaping: escapeLabel).joined(separator: ",")
        case (.label, .list, true):
            return "." + flat(value, .path, escaping: escapeLabel).joined(separator: ".")
        case (.label, .object(let properties), true):
            return "."
                + properties.map { escapeLabel($0.name, in: .path) + "=" + escapeLabel($0.value, in: .path) }.joined(
                    separator: ".")
        case (.matrix, .primitive(let text), _):
            return text.isEmpty ? ";" + n : ";\(n)=" + escape(text, in: .path)
        case (.matrix, .list(let items), true):
            return items.map { ";\(n)=" + escape($0, in: .path) }.joined()
        case (.matrix, .object(let properties), true):
            return assignments(properties, .path).map { ";" + $0 }.joined()
        case (.matrix, _, false):
            return ";\(n)=" + flat(value, .path).joined(separator: ",")
        default:
            return simple(value, explode: encoding.explode, location: .path)
        }
    }

    /// `blue,black` / `R,100,G,200` / exploded `R=100,G=200`: paths and headers.
    static func simple(_ value: ParameterValue, explode: Bool, location: ParameterLocation) -> String {
        // A header is not a URI: a single value goes as it is (OpenAPI 3.1.1 Appendix D); only the
        // elements of a list or object escape their delimiters.
        if case .primitive(let text) = value, location == .header { return text }
        if case .object(let properties) = value, explode {
            return assignments(properties, location).joined(separator: ",")
        }
        return flat(value, location).joined(separator: ",")
    }

    /// Query items (`name=value`, escaped) in order; joined by `&` in a query string.
    ///
    /// Every item is a valid RFC 3986 query, as OpenAPI 3.1.1's style table writes them: the pipe
    /// and deepObject's brackets go escaped (`blue%7Cblack`, `color%5BR%5D=100`). Literal, they
    /// make Foundation's `URLComponents(string:)` (swift-openapi-urlsession builds the URL with it)
    /// escape the whole query again, `%` included, so a server reads `navy%20blue` for `navy blue`.
    /// Like a space in a `spaceDelimited` value, a `|` inside a `pipeDelimited` value is then the
    /// delimiter's bytes: those styles cannot carry their delimiter inside values.
    static func query(_ name: String, _ value: ParameterValue, _ encoding: ParameterEncoding) -> [String] {
        let n = escape(name, in: .query)
        let delimiter: String
        switch encoding.style {
        case .spaceDelimited: delimiter = "%20"
        case .pipeDelimited: delimiter = "%7C"
        case .tabDelimited: delimiter = "%09"
        default: delimiter = ","
        }
        switch (encoding.style, value, encoding.explode) {
        case (.deepObject, .object(let properties), _):
            return properties.map { "\(n)%5B\(escape($0.name, in: .query))%5D=" + escape($0.value, in: .query) }
        case (_, .primitive(let text), _):
            return ["\(n)=" + escape(text, in: .query)]
        case (_, .list(let items), true), (.deepObject, .list(let items), _):
            return items.map { "\(n)=" + escape($0, in: .query) }
        case (_, .object(let properties), true):
            return assignments(properties, .query)
        case (_, _, false):
            return ["\(n)=" + flat(value, .query).joined(separator: delimiter)]
        }
    }

    /// `name=value` pairs of a `Cookie` header (`form` style); joined by `; `.
    static func cookie(_ name: String, _ value: ParameterValue, _ encoding: ParameterEncoding) -> [String] {
        let n = escape(name, in: .cookie)
        switch (value, encoding.explode) {
        case (.list(let items), true): return items.map { "\(n)=" + escape($0, in: .cookie) }
        case (.object(let properties), true): return assignments(properties, .cookie)
        default: return ["\(n)=" + flat(value, .cookie).joined(separator: ",")]
        }
    }

    // MARK: Reading

    /// Elements split on a delimiter, then unescaped; an empty text is an empty list.
    private static func split(_ text: Substring, by delimiters: [String], _ location: ParameterLocation) -> [String] {
        guard !text.isEmpty else { return [] }
        var parts = [text]
        for delimiter in delimiters {
            parts = parts.flatMap { $0.split(separator: delimiter, omittingEmptySubsequences: false) }
        }
        return parts.map { unescape($0, in: location) }
    }

    private static func pairs(_ flat: [String]) throws -> ParameterValue {
        guard flat.count % 2 == 0 else { throw Malformed(reason: "an object needs a value for each name") }
        return .object(stride(from: 0, to: flat.count, by: 2).map { .init(flat[$0], flat[$0 + 1]) })
    }

    private static func assignments(_ items: [Substring], _ location: ParameterLocation) throws -> ParameterValue {
        .object(
            try items.map { item in
                guard let equals = item.firstIndex(of: "=") else {
                    throw Malformed(reason: "'\(item)' is not name=value")
                }
                return .init(
                    unescape(item[..<equals], in: location), unescape(item[item.index(after: equals)...], in: location))
            })
    }

    /// A path or header value in the `simple` style.
    static func parseSimple(_ text: Substring, _ shape: ParameterShape, explode: Bool, location: ParameterLocation)
        throws -> ParameterValue
    {
        switch shape {
        case .primitive: return .primitive(location == .header ? String(text) : unescape(text, in: location))
        case .list: return .list(split(text, by: [","], location))
        case .object:
            if explode {
                return try assignments(
                    text.isEmpty ? [] : text.split(separator: ",", omittingEmptySubsequences: false), location)
            }
            return try pairs(split(text, by: [","], location))
        }
    }

    /// A path segment's text (still escaped) in its style.
    static func parsePath(_ name: String, _ text: Substring, _ shape: ParameterShape, _ encoding: ParameterEncoding)
        throws -> ParameterValue
    {
        switch encoding.style {
        case .label:
            guard text.first == "." else { throw Malformed(reason: "a label value starts with '.'") }
            let rest = text.dropFirst()
            guard encoding.explode, shape != .primitive else {
                return try parseSimple(rest, shape, explode: false, location: .path)
            }
            let items = rest.isEmpty ? [] : rest.split(separator: ".", omittingEmptySubsequences: false)
            return shape == .list ? .list(items.map { unescape($0, in: .path) }) : try assignments(items, .path)
        case .matrix:
            guard text.first == ";" else { throw Malformed(reason: "a matrix value starts with ';'") }
            let items = text.dropFirst().split(separator: ";", omittingEmptySubsequences: false)
            if encoding.explode && shape == .object { return try assignments(items, .path) }
            let values = try items.map { item -> Substring in
                let key = escape(name, in: .path)
                if item == key { return "" }
                guard item.hasPrefix(key + "=") else { throw Malformed(reason: "expected ';\(name)=…'") }
                return item.dropFirst(key.count + 1)
            }
            if encoding.explode && shape == .list { return .list(values.map { unescape($0, in: .path) }) }
            guard values.count == 1 else { throw Malformed(reason: "expected one ';\(name)=…'") }
            return try parseSimple(values[0], shape, explode: false, location: .path)
        default:
            return try parseSimple(text, shape, explode: encoding.explode, location: .path)
        }
    }

    /// A query parameter (or a cookie, whose pairs are read the same way) from the raw pairs of the query.
    /// `nil` when absent; an exploded `form` object is made of every pair (the type picks its keys).
    static func parseQuery(
        _ name: String, _ rawPairs: [(name: Substring, value: Substring)], _ shape: ParameterShape,
        _ encoding: ParameterEncoding, location: ParameterLocation = .query
    ) throws -> ParameterValue? {
        let named = rawPairs.filter { unescape($0.name, in: location) == name }.map(\.value)
        switch (encoding.style, shape, encoding.explode) {
        case (.deepObject, .object, _):
            let prefix = name + "["
            let properties = rawPairs.compactMap { pair -> ParameterValue.Property? in
                let key = unescape(pair.name, in: location)
                guard key.hasPrefix(prefix), key.hasSuffix("]"), key.count > prefix.count else { return nil }
                return .init(String(key.dropFirst(prefix.count).dropLast()), unescape(pair.value, in: location))
            }
            return properties.isEmpty ? nil : .object(properties)
        case (_, .primitive, _):
            return named.first.map { .primitive(unescape($0, in: location)) }
        case (_, .list, true), (.deepObject, .list, _):
            guard !named.isEmpty else { return nil }
            return .list(named.filter { !$0.isEmpty || named.count > 1 }.map { unescape($0, in: location) })
        case (_, .object, true):
            return try assignments(rawPairs.map { $0.name + "=" + $0.value }, location)
        case (let style, _, false):
            guard let raw = named.first else { return nil }
            let delimiters: [String]
            switch style {
            case .spaceDelimited: delimiters = ["%20", "+", " "]
            case .pipeDelimited: delimiters = ["|", "%7C", "%7c"]
            case .tabDelimited: delimiters = ["%09", "\t"]
            default: delimiters = [","]
            }
            let items = split(raw, by: delimiters, location)
            return shape == .list ? .list(items) : try pairs(items)
        }
    }

    /// The raw (still escaped) `name=value` pairs of a query string.
    static func rawPairs(query: Substring, separator: Character = "&") -> [(name: Substring, value: Substring)] {
        query.split(separator: separator).map { item in
            let item = separator == ";" ? item.drop(while: { $0 == " " }) : item
            guard let equals = item.firstIndex(of: "=") else { return (name: item, value: "") }
            return (name: item[..<equals], value: item[item.index(after: equals)...])
        }
    }
}

extension CharacterSet {
    /// Visible ASCII and space, less the delimiters of the `simple` style (`,` `=`) and `%` itself:
    /// a header keeps readable text as it is.
    static let headerElementAllowed = CharacterSet(charactersIn: " !\"#$&'()*+-./:;<>?@[\\]^_`{|}~")
        .union(CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"))
}
