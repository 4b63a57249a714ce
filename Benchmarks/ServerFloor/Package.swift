// swift-tools-version:6.1
// scripts/bench-server-floor's floor: a bare Hummingbird server that answers one route with fixed
// bytes (read from a file at start), so the figure for a generated server (ecr-server, stub-server)
// can be set beside what Hummingbird itself costs for the same request and the same response bytes.
import PackageDescription

let package = Package(
    name: "ServerFloor",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0")
    ],
    targets: [
        .executableTarget(
            name: "FloorServer",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird")],
            swiftSettings: [.unsafeFlags(["-warnings-as-errors"])])
    ],
    swiftLanguageModes: [.v6]
)
