/// What to generate and how, once flags and the config file are merged (`specgen generate`).
package struct EmitOptions: Sendable, Equatable {
    package enum Mode: String, Sendable, CaseIterable {
        /// `stubs`: a handler answering every operation with the spec's example (`Stubs.swift`).
        case models, client, server, stubs

        /// What is generated when no mode is asked: stubs only on request.
        package static let defaults: Set<Mode> = [.models, .client, .server]
    }

    package enum Access: String, Sendable, CaseIterable {
        case `public`, package, `internal`

        /// The modifier as written before a declaration: `public `, `package `, or nothing.
        var keyword: String { self == .internal ? "" : rawValue + " " }
    }

    /// What generated code checks against the schema (issue 21).
    package struct Validation: Sendable, Equatable {
        /// Servers check each request's input before the handler runs (400 otherwise), and clients
        /// may check an input before sending it: models get `validate`.
        package var requests: Bool
        /// Also check responses: the server what a handler returns, the client what it receives.
        package var responses: Bool
        /// What a request that sends a `readOnly` property gets.
        package var readOnly: ReadOnlyInRequests

        /// `validation.readOnly`: a request sending a property the spec marks `readOnly`.
        package enum ReadOnlyInRequests: String, Sendable, Equatable, CaseIterable {
            /// A violation (400), as JSON Schema's `readOnly` and OpenAPI say a server may.
            case reject
            /// Let through to the handler as sent: for clients that echo back what they read.
            case ignore
        }

        package init(requests: Bool = true, responses: Bool = false, readOnly: ReadOnlyInRequests = .reject) {
            self.requests = requests
            self.responses = responses
            self.readOnly = readOnly
        }

        /// Neither: no validation code is generated at all.
        package var isOff: Bool { !requests && !responses }
    }

    package var modes: Set<Mode>
    package var access: Access
    /// The generated client struct and server handler protocol.
    package var clientTypeName: String
    package var handlerProtocolName: String
    /// Type id or component name → Swift name, for names the user wants different.
    package var nameOverrides: [String: String]
    /// operationIds to keep; nil keeps all.
    package var operationFilter: Set<String>?
    /// Tags to keep (an operation with any of them stays); nil keeps all.
    package var tagFilter: Set<String>?
    package var skipDeprecated: Bool
    /// Files per output kind; a type or operation goes to the file its stable name hash picks.
    package var modelShards: Int
    package var clientShards: Int
    package var serverShards: Int
    package var validation: Validation

    /// The client that sends the webhooks and callbacks (the API provider's side): the client's
    /// name with `Webhooks` before a final `Client` (`Client` → `WebhooksClient`).
    package var webhooksClientTypeName: String {
        Self.inserting("Webhooks", before: "Client", in: Naming.typeName(clientTypeName))
    }

    /// The protocol a subscriber implements to receive them: `APIHandler` → `APIWebhookHandler`.
    package var webhookHandlerProtocolName: String {
        Self.inserting("Webhook", before: "Handler", in: Naming.typeName(handlerProtocolName))
    }

    private static func inserting(_ word: String, before suffix: String, in name: String) -> String {
        name.hasSuffix(suffix) ? String(name.dropLast(suffix.count)) + word + suffix : name + word
    }

    package init(
        modes: Set<Mode> = Mode.defaults, access: Access = .public,
        clientTypeName: String = "Client", handlerProtocolName: String = "APIHandler",
        nameOverrides: [String: String] = [:], operationFilter: Set<String>? = nil,
        tagFilter: Set<String>? = nil, skipDeprecated: Bool = false,
        modelShards: Int = 1, clientShards: Int = 1, serverShards: Int = 1, validation: Validation = Validation()
    ) {
        self.validation = validation
        self.modes = modes
        self.access = access
        self.clientTypeName = clientTypeName
        self.handlerProtocolName = handlerProtocolName
        self.nameOverrides = nameOverrides
        self.operationFilter = operationFilter
        self.tagFilter = tagFilter
        self.skipDeprecated = skipDeprecated
        self.modelShards = modelShards
        self.clientShards = clientShards
        self.serverShards = serverShards
    }
}
