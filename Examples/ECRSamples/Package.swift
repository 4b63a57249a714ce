// swift-tools-version:6.1
import PackageDescription

// The ECR samples: a server that boto3, the AWS CLI and moto's tests talk to (Hummingbird), and a
// client (URLSession), both on the code SpecGen generates from Specs/ecr-full.yaml. They live in
// their own package so that SpecGen's root package declares only what its products need: a
// package depending on SpecGen resolves no Hummingbird, SwiftNIO, URLSession transport or
// swift-log, and `swift test` at the root builds none of them. scripts/test builds and tests this
// package: `swift test` here (SpecGenAWS's SigV4 tests), then the end-to-end tests in Tests/EndToEnd
// (pytest), the limits over raw sockets, and scripts/fuzz-server.
//
// The generated code comes from the SpecGenPlugin build plugin, as in a user's package: ECRAPI's
// openapi.yaml is a symlink to ../../../../Specs/ecr-full.yaml. The root's golden of that spec
// (Tests/Golden/ecr-full) is the same code (same spec, default options); the root compiles and
// tests it, and a target path cannot point outside this package to reuse it.
let warningsAsErrors: [SwiftSetting] = [.unsafeFlags(["-warnings-as-errors"])]
let openAPIRuntime: Target.Dependency = .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")

let package = Package(
    name: "ECRSamples",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ecr-server", targets: ["ECRServer"]),
        .executable(name: "ecr-client", targets: ["ECRClient"]),
    ],
    dependencies: [
        // The SigV4 trait brings SpecGenAWS's swift-crypto (see the root Package.swift).
        .package(name: "SpecGen", path: "../..", traits: ["SigV4"]),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.20.0"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-openapi-urlsession", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
    ],
    targets: [
        // The ECR API's models, client and server protocol, generated at build time.
        .target(
            name: "ECRAPI",
            dependencies: [.product(name: "SpecGenRuntime", package: "SpecGen"), openAPIRuntime],
            swiftSettings: warningsAsErrors,
            plugins: [.plugin(name: "SpecGenPlugin", package: "SpecGen")]
        ),
        .executableTarget(
            name: "ECRServer",
            dependencies: [
                "ECRAPI",
                .product(name: "SpecGenRuntime", package: "SpecGen"),
                .product(name: "SpecGenAWS", package: "SpecGen"),
                openAPIRuntime,
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),  // HTTP1Channel: idle timeout, header limits
                .product(name: "NIOCore", package: "swift-nio"),  // the request deadline's channel handler,
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),  // over HTTPTypes request parts
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ], swiftSettings: warningsAsErrors),
        .executableTarget(
            name: "ECRClient",
            dependencies: [
                "ECRAPI",
                .product(name: "SpecGenRuntime", package: "SpecGen"),
                .product(name: "SpecGenAWS", package: "SpecGen"),
                openAPIRuntime,
                .product(name: "OpenAPIURLSession", package: "swift-openapi-urlsession"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ], swiftSettings: warningsAsErrors),
        // The server's own logic (listing order and paging), below the wire.
        .testTarget(name: "ECRServerTests", dependencies: ["ECRServer", "ECRAPI"]),
        // SpecGenAWS's own tests (AWS's SigV4 test suite, botocore's signatures, the verifier). They
        // run here, not at the root: they need swift-crypto, which this package builds anyway for
        // its server, while the root's `swift test` then compiles no BoringSSL.
        .testTarget(
            name: "SpecGenAWSTests",
            dependencies: [
                .product(name: "SpecGenAWS", package: "SpecGen"),
                .product(name: "SpecGenRuntime", package: "SpecGen"),
                openAPIRuntime,
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
