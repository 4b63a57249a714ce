/// What to generate and how, once flags and the config file are merged (`specgen generate`).
public struct EmitOptions: Sendable, Equatable {
    public enum Mode: String, Sendable, CaseIterable {
        case models, client, server
    }

    public enum Access: String, Sendable, CaseIterable {
        case `public`, package, `internal`

        /// The modifier as written before a declaration: `public `, `package `, or nothing.
        var keyword: String { self == .internal ? "" : rawValue + " " }
    }

    public var modes: Set<Mode>
    public var access: Access
    /// The generated client struct and server handler protocol.
    public var clientTypeName: String
    public var handlerProtocolName: String
    /// Type id or component name → Swift name, for names the user wants different.
    public var nameOverrides: [String: String]
    /// operationIds to keep; nil keeps all.
    public var operationFilter: Set<String>?
    /// Tags to keep (an operation with any of them stays); nil keeps all.
    public var tagFilter: Set<String>?
    public var skipDeprecated: Bool
    /// Files per output kind; a type or operation goes to the file its stable name hash picks.
    public var modelShards: Int
    public var clientShards: Int
    public var serverShards: Int

    public init(modes: Set<Mode> = Set(Mode.allCases), access: Access = .public,
                clientTypeName: String = "Client", handlerProtocolName: String = "APIHandler",
                nameOverrides: [String: String] = [:], operationFilter: Set<String>? = nil,
                tagFilter: Set<String>? = nil, skipDeprecated: Bool = false,
                modelShards: Int = 1, clientShards: Int = 1, serverShards: Int = 1) {
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
