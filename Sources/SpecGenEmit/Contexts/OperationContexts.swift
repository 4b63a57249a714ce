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
    /// The operation id, path template and constant headers/query items as Swift literals
    /// (`"ListImages"`, `"/pets/{petId}"`, `["X-Amz-Target": "…"]`); the HTTP method's case name (`get`).
    var operationIDLiteral: String
    var httpMethod: String
    var pathLiteral: String
    var constantHeadersLiteral: String
    var constantQueryLiteral: String
    /// True when the client sets parameters on the request (it is then a `var`).
    var hasParameters: Bool
    /// The inputs that travel as parameters, in spec order.
    var parameters: [ParameterContext]
    /// The client's last statement: sends the request with its body and decodes the response.
    var clientSend: String
    /// The `ServerRoute(…)` head: operation id, method, path and constants.
    var routeHead: String
    /// The request body, for the `ClientRequestBody` and `ServerRequestBody` partials.
    var requestBody: RequestBodyContext?
    /// True when the whole input is the request body (the server passes `body` as the input).
    var inputIsBody: Bool
    /// Set when the input is a struct of parameters (and maybe a body): its Swift type.
    var serverInputType: String?
    /// Statements of the route handler after the input is read, one per line, ending with the `return`.
    var serverStatements: [String]
    /// Set for an operation with `nextToken` in its input and output.
    var paginator: PaginatorContext?
}

/// One parameter, as the templates write the `ClientRequest`/`ServerRequest` call for it.
struct ParameterContext {
    /// `path`, `query`, `header` or `cookie`: the request methods' name and `ParameterLocation` case.
    var location: String
    var isPath: Bool
    /// The name on the wire as a Swift string literal.
    var wireName: String
    /// The member of the input struct.
    var swiftName: String
    /// The Swift type without `?` (`Int`, `[String]`, `Filter`).
    var valueType: String
    var required: Bool
    /// A `ParameterStyle` case name (`form`, `deepObject`, …) and the explode flag.
    var style: String
    var explode: Bool
    /// Declared with JSON `content`: sent and read with `queryJSON`/`headerJSON`, no style.
    var isJSONContent: Bool
    /// True unless this is the last argument of the server's input initializer.
    var hasMore: Bool
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
