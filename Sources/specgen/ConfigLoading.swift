import ArgumentParser
import SpecGenEmit
import SpecGenIR

/// Reads `--config FILE` (see `GeneratorConfig`) into emit options and reader settings.
enum ConfigLoading {
    struct Loaded {
        var options: EmitOptions
        var protocolOverride: APIProtocol?
        var templatesDirectory: String?
    }

    /// Diagnostics go to stderr; any error stops the command with exit status 1.
    static func load(_ path: String) throws -> Loaded {
        let (config, diagnostics) = GeneratorConfig.load(path: path)
        DiagnosticPrinter.printToStandardError(diagnostics)
        guard let config else { throw ExitCode.failure }
        return Loaded(
            options: config.applied(to: EmitOptions()),
            protocolOverride: config.protocolOverride.map(apiProtocol),
            templatesDirectory: config.templatesDirectory)
    }

    /// `rest`, `awsJSON1_0`, `awsJSON1_1` (the reader validated the spelling).
    static func apiProtocol(_ name: String) -> APIProtocol {
        switch name {
        case "awsJSON1_0": return APIProtocol(kind: .awsJSON, version: "1.0")
        case "awsJSON1_1": return APIProtocol(kind: .awsJSON, version: "1.1")
        default: return APIProtocol(kind: .rest)
        }
    }
}
