// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets over SpecGen's pipeline, kept out of the main package so `swift build` and
// `swift test` there never see them. `Pipeline/` holds symlinks to the pipeline's own source
// folders (loader, readers, emitters), so the fuzzers build exactly that code, instrumented,
// without the main package's samples and their dependencies. Build and run with `scripts/fuzz`
// (it passes `-sanitize=fuzzer,address -parse-as-library`; libFuzzer supplies `main`).
let package = Package(
    name: "SpecGenFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0")
    ],
    targets: [
        .systemLibrary(
            name: "CYAML", path: "Pipeline/CYAML", pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]),
        .target(name: "SpecGenYAML", dependencies: ["CYAML"], path: "Pipeline/SpecGenYAML"),
        .target(name: "SpecGenIR", dependencies: ["SpecGenYAML"], path: "Pipeline/SpecGenIR"),
        .target(
            name: "SpecGenEmit",
            dependencies: [
                "SpecGenIR", .product(name: "Mustache", package: "swift-mustache"),
            ], path: "Pipeline/SpecGenEmit"),
        // The three entry points' bodies, one function per stage.
        .target(name: "FuzzSupport", dependencies: ["SpecGenYAML", "SpecGenIR", "SpecGenEmit"]),
        // libFuzzer's driver, declared for Swift.
        .target(name: "CLibFuzzer"),
        .executableTarget(name: "FuzzLoader", dependencies: ["FuzzSupport", "CLibFuzzer"]),
        .executableTarget(name: "FuzzReader", dependencies: ["FuzzSupport", "CLibFuzzer"]),
        .executableTarget(name: "FuzzPipeline", dependencies: ["FuzzSupport", "CLibFuzzer"]),
    ],
    swiftLanguageModes: [.v6]
)
