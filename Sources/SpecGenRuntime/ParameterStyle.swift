/// Where a parameter travels: the four `in` values of OpenAPI.
public enum ParameterLocation: String, Sendable, Hashable {
    /// In the path template, the query string, a header or the `Cookie` header.
    case path, query, header, cookie
    /// OpenAPI 3.2: the whole query string is the parameter's one value (form-urlencoded or JSON).
    case querystring
}

/// How a parameter's value is laid out on the wire: OpenAPI's `style` values (RFC 6570 expansions),
/// plus `tabDelimited` for Swagger 2.0's `collectionFormat: tsv`, which OpenAPI 3 has no style for.
public enum ParameterStyle: Sendable, Hashable {
    /// `blue,black` — path and header default.
    case simple
    /// `.blue,black` (path).
    case label
    /// `;color=blue,black` (path).
    case matrix
    /// `color=blue,black` or, exploded, `color=blue&color=black` — query and cookie default.
    case form
    /// `color=blue%20black` (query arrays and objects).
    case spaceDelimited
    /// `color=blue%7Cblack` (query arrays and objects; servers also read a literal `|`).
    case pipeDelimited
    /// `color=blue%09black`: Swagger `tsv` only.
    case tabDelimited
    /// `color%5BR%5D=100&color%5BG%5D=200` (query objects; servers also read literal brackets).
    case deepObject
}

/// A parameter's style and explode flag together, as generated code names them once per parameter.
public struct ParameterEncoding: Sendable, Hashable {
    /// How the value is laid out.
    public var style: ParameterStyle
    /// Whether arrays and objects spread into one item (or pair) per element rather than one list.
    public var explode: Bool

    /// An explicit style and explode flag.
    public init(_ style: ParameterStyle, explode: Bool) {
        self.style = style
        self.explode = explode
    }

    /// OpenAPI's defaults: `form` (exploded) for query and cookie, `simple` (not exploded) for path and header;
    /// a declared style without `explode` explodes only when it is `form`.
    public init(_ location: ParameterLocation, style: ParameterStyle? = nil, explode: Bool? = nil) {
        let resolved = style ?? (location == .query || location == .cookie ? .form : .simple)
        self.init(resolved, explode: explode ?? (resolved == .form || resolved == .deepObject))
    }

    /// `simple`, not exploded: a path parameter that declares no style.
    public static let pathDefault = ParameterEncoding(.path)
    /// `form`, exploded: a query parameter that declares no style.
    public static let queryDefault = ParameterEncoding(.query)
    /// `simple`, not exploded: a header that declares no style.
    public static let headerDefault = ParameterEncoding(.header)
    /// `form`, exploded: a cookie that declares no style.
    public static let cookieDefault = ParameterEncoding(.cookie)
}

/// Swagger 2.0's `collectionFormat`, mapped onto the OpenAPI 3 style that puts the same bytes on the wire.
public enum CollectionFormat: String, Sendable, Hashable {
    /// Comma, space, tab or pipe separated in one value, or `multi`: one query item per element.
    case csv, ssv, tsv, pipes, multi

    /// The style and explode flag of a query parameter with this format.
    public var encoding: ParameterEncoding {
        switch self {
        case .csv: return ParameterEncoding(.form, explode: false)
        case .ssv: return ParameterEncoding(.spaceDelimited, explode: false)
        case .tsv: return ParameterEncoding(.tabDelimited, explode: false)
        case .pipes: return ParameterEncoding(.pipeDelimited, explode: false)
        case .multi: return ParameterEncoding(.form, explode: true)
        }
    }

    /// In a path or header a `csv` list is the `simple` style (`a,b`), which is what Swagger means there.
    public func encoding(in location: ParameterLocation) -> ParameterEncoding {
        switch (self, location) {
        case (.csv, .path), (.csv, .header): return ParameterEncoding(.simple, explode: false)
        default: return encoding
        }
    }
}
