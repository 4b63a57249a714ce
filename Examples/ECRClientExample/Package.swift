// swift-tools-version:6.0
import PackageDescription

// An ECR client whose code SpecGen generates at build time: `Sources/ECRClientExample` holds
// `openapi.yaml` and `specgen-config.yaml`; the SpecGenPlugin build plugin does the rest.
// Both `openapi.yaml` files are symlinks to ../../Specs/ecr-full.yaml.
let package = Package(
    name: "ECRClientExample",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "SpecGen", path: "../.."),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
    ],
    targets: [
        .executableTarget(
            name: "ECRClientExample",
            dependencies: [
                .product(name: "SpecGenRuntime", package: "SpecGen"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            plugins: [.plugin(name: "SpecGenPlugin", package: "SpecGen")]
        ),
        // Committed-code style: `swift package generate-code-from-spec --target ECRModels` writes
        // Models.swift next to the spec; no build plugin.
        .target(
            name: "ECRModels",
            dependencies: [.product(name: "SpecGenRuntime", package: "SpecGen")],
            exclude: ["openapi.yaml", "specgen-config.yaml"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
