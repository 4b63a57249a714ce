import SpecGenYAML

/// What a config file (`specgen generate --config FILE`) says. Every field is optional; flags
/// given on the command line win over the file.
///
/// The file is YAML or JSON, read with SpecGen's own loader, so every problem is reported at its
/// line and column. An unknown key is a warning (generation goes on); a wrong type or value is
/// an error. A key left empty (`access:`) counts as not given.
///
/// ```yaml
/// modes: [models, client, server]   # which files to generate: models, client, server, stubs
///                                   # (default: the first three)
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
/// validation:                       # checks generated from the schema's constraints
///   requests: true                  #   servers answer 400 to a request that breaks them (default: true)
///   responses: false                #   also check responses (default: false)
///   readOnly: reject                #   a request sending a readOnly property: reject (400) | ignore
/// ```
package struct GeneratorConfig: Sendable, Equatable {
    package var modes: Set<EmitOptions.Mode>?
    package var access: EmitOptions.Access?
    /// The `templates` folder, already resolved against the config file's folder.
    package var templatesDirectory: String?
    package var clientTypeName: String?
    package var handlerProtocolName: String?
    /// Spec name or type id → Swift name.
    package var nameOverrides: [String: String]
    /// operationIds to keep; nil keeps all.
    package var operationFilter: [String]?
    /// Tags to keep; nil keeps all.
    package var tagFilter: [String]?
    package var skipDeprecated: Bool
    package var shards: ShardCounts
    /// `rest`, `awsJSON1_0` or `awsJSON1_1`; nil lets the reader detect it.
    package var protocolOverride: String?
    /// `validation.requests` and `validation.responses`; nil keeps the default.
    package var validationRequests: Bool?
    package var validationResponses: Bool?
    /// `validation.readOnly`: `reject` or `ignore`; nil keeps the default (reject).
    package var validationReadOnly: EmitOptions.Validation.ReadOnlyInRequests?

    package init(
        modes: Set<EmitOptions.Mode>? = nil, access: EmitOptions.Access? = nil, templatesDirectory: String? = nil,
        clientTypeName: String? = nil, handlerProtocolName: String? = nil,
        nameOverrides: [String: String] = [:], operationFilter: [String]? = nil, tagFilter: [String]? = nil,
        skipDeprecated: Bool = false, shards: ShardCounts = ShardCounts(), protocolOverride: String? = nil
    ) {
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
    package static func load(path: String) -> (config: GeneratorConfig?, diagnostics: [Diagnostic]) {
        let document: Node
        do {
            document = try YAMLLoader().loadDocument(atPath: path)
        } catch  where error.reason == .noDocument {
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
    package func applied(to options: EmitOptions) -> EmitOptions {
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
        if let validationRequests { options.validation.requests = validationRequests }
        if let validationResponses { options.validation.responses = validationResponses }
        if let validationReadOnly { options.validation.readOnly = validationReadOnly }
        return options
    }
}

/// Files per output kind (see `FileSharding`).
package struct ShardCounts: Sendable, Equatable {
    /// More files than this would cost more in per-file overhead than parallel compiling wins.
    package static let maximum = 256

    package var models: Int
    package var client: Int
    package var server: Int

    package init(models: Int = 1, client: Int = 1, server: Int = 1) {
        self.models = models
        self.client = client
        self.server = server
    }
}
