/// What `Templates/Client.mustache` and `Templates/Server.mustache` receive. As for models,
/// every string is finished Swift text.
struct OperationsFileContext {
    var header: String
    var imports: [String]
    /// `public `, `package ` or "".
    var access: String
    var clientTypeName: String
    var handlerProtocolName: String
    /// The wire profile as a Swift expression (`.awsJSON(version: "1.1")`, `.rest`).
    var profile: String
    /// A `URL?` expression for the spec's first server, or `nil`.
    var defaultServerURL: String
    /// True in the file that declares the client struct or the handler protocol (the only
    /// file, or the first of several).
    var declaresType: Bool
    /// The shard's own route list name (`routes0`), and every shard's, for the table.
    var routeListName: String
    var allRouteListNames: [String]
    /// All operations, for the handler protocol (declared once); `operations` are this file's.
    var allOperations: [OperationContext]
    var operations: [OperationContext]
}

struct OperationContext {
    /// Doc comment lines indented for a member (four spaces), or "".
    var doc: String
    /// `    @available(*, deprecated)` line for the client method of a deprecated operation, or "".
    var deprecation: String
    var methodName: String
    /// `_ input: ListImagesInput`, or "" for an operation without inputs.
    var inputParameter: String
    var outputType: String
    /// Statements of the client method, one per line, ending with the `return`.
    var clientStatements: [String]
    /// The `ServerRoute(…)` head: operation id, method, path and constants.
    var routeHead: String
    /// Statements of the route handler, one per line, ending with the `return`.
    var serverStatements: [String]
    /// Set for an operation with `nextToken` in its input and output.
    var paginator: PaginatorContext?
}

/// `…Pages(_:)` (and `…Items(_:)`) methods of the client for a paginated operation.
struct PaginatorContext {
    var pagesMethodName: String
    var inputType: String
    var pageType: String
    /// The Swift names of the token properties in the input and the output.
    var inputTokenName: String
    var outputTokenName: String
    var items: PaginatorItemsContext?
}

struct PaginatorItemsContext {
    var itemsMethodName: String
    var itemType: String
    /// A closure body taking the page as `$0`: `$0.imageIds ?? []`.
    var extractExpression: String
}
