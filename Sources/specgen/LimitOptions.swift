import ArgumentParser
import SpecGenYAML

/// The loader's limits against hostile input, settable on every command that reads a spec.
struct LimitOptions: ParsableArguments {
    @Option(help: "Refuse inputs larger than this many bytes.")
    var maxInputSize = LoaderLimits.default.maxInputBytes

    @Option(help: "Refuse collections nested deeper than this.")
    var maxDepth = LoaderLimits.default.maxDepth

    var loaderLimits: LoaderLimits {
        LoaderLimits(maxInputBytes: maxInputSize, maxDepth: maxDepth)
    }
}
