import ArgumentParser
import SpecGenEmit
import SpecGenIR

/// Reads a config file into emit options (placeholder until GeneratorConfig lands).
enum ConfigLoading {
    struct Loaded {
        var options: EmitOptions
        var protocolOverride: APIProtocol?
        var templatesDirectory: String?
    }

    static func load(_ path: String) throws -> Loaded {
        throw ValidationError("--config is not supported yet")
    }
}
