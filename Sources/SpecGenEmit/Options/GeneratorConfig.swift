import SpecGenYAML

/// What a config file (`specgen generate --config FILE`) says. Every field is optional; flags
/// given on the command line win over the file.
///
/// The file is YAML or JSON, read with SpecGen's own loader, so every problem is reported at its
/// line and column. An unknown key is a warning (generation goes on); a wrong type or value is
/// an error. A key left empty (`access:`) counts as not given.
///
/// ```yaml
/// modes: [models, client, server]   # which files to generate (default: all three)
/// access: public                    # public | package | internal (default: public)
/// templates: Templates              # folder of NAME.mustache overrides, relative to this file
/// naming:
///   client: ECRClient               # the generated client struct (default: Client)
///   handler: ECRHandler             # the server's handler protocol (default: APIHandler)
///   overrides:                      # spec name or type id → Swift name
///     Repository: ECRRepository
/// filter:
///   operations: [CreateRepository, ListImages]   # operationIds to keep (default: all)
///   tags: [images]                  # keep operations with any of these tags (default: all)
/// skipDeprecated: true              # leave out deprecated operations (default: false)
/// shards:                           # files per output kind, 1…256 (default: 1 each)
///   models: 8                       #   Models+0.swift … Models+7.swift
///   client: 1
///   server: 1
/// protocol: awsJSON1_1              # rest | awsJSON1_0 | awsJSON1_1 (default: from the spec)
/// ```
public struct GeneratorConfig: Sendable, Equatable {
    public var modes: Set<EmitOptions.Mode>?
    public var access: EmitOptions.Access?
    /// The `templates` folder, already resolved against the config file's folder.
    public var templatesDirectory: String?
    public var clientTypeName: String?
    public var handlerProtocolName: String?
    /// Spec name or type id → Swift name.
    public var nameOverrides: [String: String]
    /// operationIds to keep; nil keeps all.
    public var operationFilter: [String]?
    /// Tags to keep; nil keeps all.
    public var tagFilter: [String]?
    public var skipDeprecated: Bool
    public var shards: ShardCounts
    /// `rest`, `awsJSON1_0` or `awsJSON1_1`; nil lets the reader detect it.
    public var protocolOverride: String?

    public init(modes: Set<EmitOptions.Mode>? = nil, access: EmitOptions.Access? = nil, templatesDirectory: String? = nil,
                clientTypeName: String? = nil, handlerProtocolName: String? = nil,
                nameOverrides: [String: String] = [:], operationFilter: [String]? = nil, tagFilter: [String]? = nil,
                skipDeprecated: Bool = false, shards: ShardCounts = ShardCounts(), protocolOverride: String? = nil) {
        self.modes = modes
        self.access = access
        self.templatesDirectory = templatesDirectory
        self.clientTypeName = clientTypeName
        self.handlerProtocolName = handlerProtocolName
        self.nameOverrides = nameOverrides
        self.operationFilter = operationFilter
        self.tagFilter = tagFilter
        self.skipDeprecated = skipDeprecated
        self.shards = shards
        self.protocolOverride = protocolOverride
    }

    /// Reads the config file at `path`. The config is nil when any diagnostic is an error;
    /// warnings (unknown keys) come with a config. A file with no document in it (empty, only
    /// comments or `---`) is the defaults: the plugins' `specgen-config.yaml` may be empty.
    public static func load(path: String) -> (config: GeneratorConfig?, diagnostics: [Diagnostic]) {
        let document: Node
        do {
            document = try YAMLLoader().loadDocument(atPath: path)
        } catch where error.reason == .noDocument {
            return (GeneratorConfig(), [])
        } catch {
            return (nil, [error.diagnostic])
        }
        var reader = GeneratorConfigReader(configPath: path)
        let config = reader.read(document)
        let failed = reader.diagnostics.contains { $0.severity == .error }
        return (failed ? nil : config, reader.diagnostics)
    }

    /// `options` with every setting this config gives (flags the caller applies afterwards win).
    public func applied(to options: EmitOptions) -> EmitOptions {
        var options = options
        if let modes { options.modes = modes }
        if let access { options.access = access }
        if let clientTypeName { options.clientTypeName = clientTypeName }
        if let handlerProtocolName { options.handlerProtocolName = handlerProtocolName }
        options.nameOverrides.merge(nameOverrides) { _, fromConfig in fromConfig }
        if let operationFilter { options.operationFilter = Set(operationFilter) }
        if let tagFilter { options.tagFilter = Set(tagFilter) }
        if skipDeprecated { options.skipDeprecated = true }
        options.modelShards = shards.models
        options.clientShards = shards.client
        options.serverShards = shards.server
        return options
    }
}

/// Files per output kind (see `FileSharding`).
public struct ShardCounts: Sendable, Equatable {
    /// More files than this would cost more in per-file overhead than parallel compiling wins.
    public static let maximum = 256

    public var models: Int
    public var client: Int
    public var server: Int

    public init(models: Int = 1, client: Int = 1, server: Int = 1) {
        self.models = models
        self.client = client
        self.server = server
    }
}
