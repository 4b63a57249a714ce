// swift-tools-version:6.1
import PackageDescription

// "Any transport", shown: the code SpecGen generates (here from Sources/PetsAPI/openapi.yaml, by
// the SpecGenPlugin build plugin) served through Vapor with swift-openapi-vapor, and called
// through AsyncHTTPClient with swift-openapi-async-http-client. `swift test` runs both over a
// real loopback socket. Its own package, so that SpecGen's root package declares neither.
let package = Package(
    name: "VaporExample",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "pets-server", targets: ["pets-server"])
    ],
    dependencies: [
        .package(name: "SpecGen", path: "../.."),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.8.0"),
        .package(url: "https://github.com/vapor/vapor", from: "4.100.0"),
        .package(url: "https://github.com/vapor/swift-openapi-vapor", from: "1.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.20.0"),
        .package(url: "https://github.com/swift-server/swift-openapi-async-http-client", from: "1.0.0"),
    ],
    targets: [
        .target(
            name: "PetsAPI",
            dependencies: [
                .product(name: "SpecGenRuntime", package: "SpecGen"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            ],
            plugins: [.plugin(name: "SpecGenPlugin", package: "SpecGen")]
        ),
        .target(
            name: "PetStore",
            dependencies: [
                "PetsAPI",
                .product(name: "SpecGenRuntime", package: "SpecGen"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "Vapor", package: "vapor"),
                .product(name: "OpenAPIVapor", package: "swift-openapi-vapor"),
            ]),
        .executableTarget(
            name: "pets-server",
            dependencies: [
                "PetStore",
                .product(name: "Vapor", package: "vapor"),
            ]),
        .testTarget(
            name: "PetStoreTests",
            dependencies: [
                "PetsAPI",
                "PetStore",
                .product(name: "SpecGenRuntime", package: "SpecGen"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "Vapor", package: "vapor"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "OpenAPIAsyncHTTPClient", package: "swift-openapi-async-http-client"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
