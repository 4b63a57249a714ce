extension Naming {
    /// Words that cannot be used as a plain identifier in some position generated code puts a
    /// name in (declaration, member access after `.`, argument label, enum case, nested type).
    /// Rather than reason about which position allows which word, every one of them gets the
    /// same trailing underscore wherever it appears.
    ///
    /// Contextual keywords that work everywhere as plain names (`get`, `set`, `willSet`,
    /// `didSet`, `left`, `right`, `required`, `optional`, `lazy`, `weak`, `final`, `dynamic`,
    /// `mutating`, `indirect`, `package`, `actor`, `macro`, …) are left alone; the compile
    /// test in `SpecGenEmitTests` declares and uses them in every position to prove it.
    package static let swiftKeywords: Set<String> = [
        // Declarations.
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func",
        "import", "init", "inout", "internal", "let", "open", "operator", "private",
        "precedencegroup", "protocol", "public", "rethrows", "static", "struct", "subscript",
        "typealias", "var",
        // Statements.
        "break", "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough",
        "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while",
        // Expressions and types.
        "Any", "as", "await", "false", "is", "nil", "self", "Self", "super", "throws", "true",
        "try",
        // Contextual words that break in member position or read as something else:
        // `x.Type`/`x.Protocol` are metatypes, `.some`/`.none` resolve against Optional,
        // `any`/`some` start types, the ownership words start expressions.
        "Type", "Protocol", "some", "any", "none", "async", "each", "consume", "copy",
        "borrowing", "consuming", "discard", "sending", "isolated", "nonisolated",
        // Swift 6 reserves `_` and `$`-names; we never produce those, listed for completeness.
        "_",
    ]

    /// Member names generated code declares itself on models, enums and errors (Codable,
    /// Hashable, RawRepresentable, CaseIterable, CustomStringConvertible). A spec member with
    /// one of these names would be an invalid redeclaration or would silently replace the
    /// conformance, so it gets the trailing underscore too ("description" → "description_").
    package static let generatedMemberNames: Set<String> = [
        "init", "encode", "decode", "rawValue", "hash", "hashValue", "description",
        "debugDescription", "allCases", "CodingKeys",
    ]

    /// Type names that cannot be nested types or that would shadow a type generated code
    /// refers to (`String`, `Date`, `HTTPBody`, …). A schema with one of these names gets the
    /// trailing underscore ("Error" → "Error_"). Compared after camel-casing.
    package static let reservedTypeNames: Set<String> = [
        "Type", "Protocol", "Self", "Any", "AnyObject", "Never", "Void",
        "Codable", "Encodable", "Decodable", "Encoder", "Decoder", "CodingKey", "CodingKeys",
        "Sendable", "Hashable", "Hasher", "Equatable", "Comparable", "Identifiable",
        "CaseIterable", "RawRepresentable", "CustomStringConvertible", "Error",
        "String", "Substring", "Character", "Int", "Int8", "Int16", "Int32", "Int64",
        "UInt", "UInt8", "UInt16", "UInt32", "UInt64", "Double", "Float", "Decimal", "Bool",
        "Date", "Data", "URL", "UUID", "Optional", "Array", "Dictionary", "Set", "Result",
        "Task", "Swift", "Foundation", "JSONValue", "APIError", "OpenAPIRuntime",
        "SpecGenRuntime", "HTTPTypes", "HTTPBody", "HTTPRequest", "HTTPResponse", "HTTPField",
        "ClientTransport", "ServerTransport", "Configuration",
        // SpecGenRuntime's and OpenAPIRuntime's names generated code spells unqualified: a spec
        // type `Nullable` or `NoContent` would otherwise capture every use of them.
        "Nullable", "Indirect", "NoContent", "APIClient", "ClientRequest", "ServerRequest",
        "ServerResponse", "ServerRoute", "RouteTable", "WireProfile", "PageSequence", "PageItems",
        "ParameterText", "ParameterEncoding", "DynamicCodingKey", "ServiceError", "RequestError",
        "ClientMiddleware", "ServerMiddleware", "DecodingError", "EncodingError", "KeyValuePairs",
        "TypedResponse", "NoHeaders", "ResponseHeaders", "ResponseConvertible", "ReceivedResponse", "OutgoingBody",
        "ParameterError", "HTTPFields", "Validatable", "ValidationReport", "ValidationPath", "ValidationFailure",
        // The security helpers' and handlers' credential types.
        "AuthenticationMiddleware", "BearerToken", "BasicCredentials", "APIKey",
    ]
}
