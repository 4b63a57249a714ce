// swift-tools-version:6.1
import PackageDescription

// The pipeline, one module per stage (see docs/ARCHITECTURE.md):
// CYAML → SpecGenYAML (loader) → SpecGenIR (readers, IR) → SpecGenEmit (emitters) → specgen (CLI).
// A module never imports a later stage.
let openAPIRuntime: Target.Dependency = .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")
let warningsAsErrors: [SwiftSetting] = [.unsafeFlags(["-warnings-as-errors"])]

let package = Package(
    name: "SpecGen",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "specgen", targets: ["specgen"]),
        .library(name: "SpecGenRuntime", targets: ["SpecGenRuntime"]),
        .library(name: "SpecGenAWS", targets: ["SpecGenAWS"]),
        .plugin(name: "SpecGenPlugin", targets: ["SpecGenPlugin"]),
        .plugin(name: "SpecGenCommand", targets: ["SpecGenCommand"]),
    ],
    // SpecGenAWS signs with swift-crypto, which compiles BoringSSL on Linux (minutes on 2 cores). Behind
    // a trait that is off by default, a package that does not sign never resolves or builds it, and
    // neither does `swift test` here. Packages that sign: `.package(url: …, from: …, traits: ["SigV4"])`.
    traits: [
        .trait(name: "SigV4", description: "SpecGenAWS: SigV4 signing and verification, built on swift-crypto")
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        // What generated code and SpecGenRuntime build on; never linked into the generator.
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        // SHA-256 and HMAC for SigV4 (SpecGenAWS with the SigV4 trait only).
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        // Servers, transports and logging belong to the examples (Examples/*), each its own package,
        // so that a package depending on SpecGen resolves none of them.
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "SpecGenYAML", dependencies: ["CYAML"]),
        .target(name: "SpecGenIR", dependencies: ["SpecGenYAML"]),
        .target(
            name: "SpecGenEmit",
            dependencies: ["SpecGenIR", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .target(
            name: "SpecGenRuntime",
            dependencies: [
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        // SigV4 signing (client middleware) and verification (servers), apart from SpecGenRuntime
        // so that generated code that does not sign pays nothing for swift-crypto's build. Without
        // the SigV4 trait the module is empty. Its tests run in Examples/ECRSamples, which enables
        // the trait and builds swift-crypto for its server anyway (see Examples/ECRSamples/Package.swift).
        .target(
            name: "SpecGenAWS",
            dependencies: [
                "SpecGenRuntime",
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto", condition: .when(traits: ["SigV4"])),
            ]
        ),
        .executableTarget(
            name: "specgen",
            dependencies: [
                "SpecGenYAML",
                "SpecGenIR",
                "SpecGenEmit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Release-built loader benchmark: `swift run -c release specgen-bench`.
        .executableTarget(name: "specgen-bench", dependencies: ["SpecGenYAML", "CYAML"]),
        .testTarget(name: "SpecGenYAMLTests", dependencies: ["SpecGenYAML"], exclude: ["Fixtures", "BadInputs"]),
        .testTarget(name: "SpecGenIRTests", dependencies: ["SpecGenIR"], exclude: ["Fixtures"]),
        .testTarget(name: "SpecGenEmitTests", dependencies: ["SpecGenEmit", "SpecGenIR"], exclude: ["Fixtures"]),
        // The golden files of every spec in Specs/ are themselves library targets, so `swift build`
        // proves they compile, warnings as errors (see GoldenTests).
        .target(
            name: "GoldenECROpenAPI", dependencies: ["SpecGenRuntime", openAPIRuntime],
            path: "Tests/Golden/ecr-openapi", swiftSettings: warningsAsErrors),
        .target(
            name: "GoldenECRSwagger", dependencies: ["SpecGenRuntime", openAPIRuntime],
            path: "Tests/Golden/ecr-swagger", swiftSettings: warningsAsErrors),
        .target(
            name: "GoldenECRFull", dependencies: ["SpecGenRuntime", openAPIRuntime],
            path: "Tests/Golden/ecr-full", swiftSettings: warningsAsErrors),
        .target(
            name: "GoldenFeatures", dependencies: ["SpecGenRuntime", openAPIRuntime],
            path: "Tests/Golden/features", swiftSettings: warningsAsErrors),
        .target(
            name: "GoldenSecurity", dependencies: ["SpecGenRuntime", openAPIRuntime],
            path: "Tests/Golden/security", swiftSettings: warningsAsErrors),
        .target(
            name: "GoldenHostile", dependencies: ["SpecGenRuntime", openAPIRuntime],
            path: "Tests/Golden/hostile", swiftSettings: warningsAsErrors),
        .target(
            name: "GoldenBodies", dependencies: ["SpecGenRuntime", openAPIRuntime],
            path: "Tests/Golden/bodies", swiftSettings: warningsAsErrors),
        .target(
            name: "GoldenBodiesSwagger", dependencies: ["SpecGenRuntime", openAPIRuntime],
            path: "Tests/Golden/bodies-swagger", swiftSettings: warningsAsErrors),
        .target(
            name: "GoldenResponses", dependencies: ["SpecGenRuntime", openAPIRuntime],
            path: "Tests/Golden/responses", swiftSettings: warningsAsErrors),
        .target(
            name: "GoldenOAS32", dependencies: ["SpecGenRuntime", openAPIRuntime],
            path: "Tests/Golden/oas32", swiftSettings: warningsAsErrors),
        .target(
            name: "GoldenValidation", dependencies: ["SpecGenRuntime", openAPIRuntime],
            path: "Tests/Golden/validation", swiftSettings: warningsAsErrors),
        .testTarget(
            name: "SpecGenRuntimeTests",
            dependencies: ["SpecGenRuntime", openAPIRuntime, .product(name: "HTTPTypes", package: "swift-http-types")]),
        .testTarget(
            name: "GeneratedCodeTests",
            dependencies: [
                "GoldenECRFull", "GoldenFeatures", "GoldenHostile", "GoldenSecurity", "GoldenBodies",
                "GoldenBodiesSwagger", "GoldenResponses", "GoldenOAS32", "GoldenValidation", "SpecGenRuntime",
                openAPIRuntime,
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]),
        // The build-tool plugin (generated code compiled into a target at build time) and the command
        // plugin (`swift package generate-code-from-spec`); SpecGenCommand symlinks the helpers of SpecGenPlugin.
        .plugin(name: "SpecGenPlugin", capability: .buildTool(), dependencies: ["specgen"]),
        .plugin(
            name: "SpecGenCommand",
            capability: .command(
                intent: .custom(
                    verb: "generate-code-from-spec",
                    description: "Write the Swift generated from a target's spec into the target's folder"),
                permissions: [
                    .writeToPackageDirectory(reason: "writes the generated Swift files next to the target's spec")
                ]),
            dependencies: ["specgen"]),
        .testTarget(name: "specgenTests", dependencies: ["specgen"]),
    ],
    swiftLanguageModes: [.v6]
)
