import SpecGenIR

/// The names one set of operation files declares and uses, and the doc comments of those
/// declarations: the API's client and handler protocol, or the webhooks' (sent by the provider,
/// received by a subscriber).
struct OperationTypeNames {
    var clientTypeName: String
    var handlerProtocolName: String
    /// The client's default server (the spec's first) as a Swift string literal; nil without one.
    var defaultServerURLLiteral: String?
    /// The servers `Client.Servers` declares (the API's; none for webhooks).
    var servers: [ServerURLContext]
    /// The enum nested in the client that holds them: `Servers`, or `ServerURLs` when a model is
    /// named `Servers` (the nested name would hide the model from the client's methods).
    var serversTypeName: String
    var clientDoc: String
    var handlerDoc: String
    var serverURLDoc: String

    /// The API's own client and handler; `topLevelTypeNames` are the models' Swift names at top level.
    static func api(options: EmitOptions, document: APIDocument, topLevelTypeNames: Set<String>) -> OperationTypeNames {
        let clientTypeName = Naming.typeName(options.clientTypeName)
        var scope = NameScope(reserved: topLevelTypeNames)
        let serversTypeName = topLevelTypeNames.contains("Servers") ? scope.claim("ServerURLs") : "Servers"
        return OperationTypeNames(
            clientTypeName: clientTypeName,
            handlerProtocolName: Naming.typeName(options.handlerProtocolName),
            defaultServerURLLiteral: document.servers.first.map { server in
                SwiftText.stringLiteral(
                    ServerVariable.substitutingDefaults(in: server.url, server.variables ?? []) ?? server.url)
            },
            servers: ServerURLContextBuilder.contexts(document.servers, enclosingTypeName: serversTypeName),
            serversTypeName: serversTypeName,
            clientDoc: """
                /// The API's client: one method per operation. It sends each operation's wire route itself
                /// (constant headers such as `X-Amz-Target`, constant query items such as `Action=…`).
                """,
            handlerDoc: """
                /// What a server implements: one method per operation. Return the success value; throw the
                /// operation's `…Error` enum to answer a declared error status with its body and headers, or
                /// `APIError` (any `ServiceError`) to answer with a status and an error name.
                """,
            serverURLDoc: "Where the API is, e.g. `\(clientTypeName).defaultServerURL`.")
    }

    /// The webhooks' and callbacks' client (the provider sends) and handler (a subscriber receives).
    static func webhooks(options: EmitOptions) -> OperationTypeNames {
        OperationTypeNames(
            clientTypeName: options.webhooksClientTypeName,
            handlerProtocolName: options.webhookHandlerProtocolName, defaultServerURLLiteral: nil, servers: [],
            serversTypeName: "Servers",
            clientDoc: """
                /// Sends the API's webhooks and callbacks (the provider's side): one method per webhook or
                /// callback operation, each sent to `serverURL` exactly as given, its path and query kept: the
                /// URL a subscriber registered, or a callback's URL from its `…URL` constant.
                """,
            handlerDoc: """
                /// What a subscriber implements to receive the API's webhooks and callbacks: one method per
                /// webhook or callback operation. The route table serves each at its own path (`/` and the
                /// webhook's name, or `/operationId/callbackName`): the URLs to give the provider.
                """,
            serverURLDoc: "The URL to send to, as the subscriber registered it or a callback's `…URL` gives it.")
    }
}
