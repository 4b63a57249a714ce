import AgreementAPI
import ArgumentParser
import Foundation
import Hummingbird
import Logging
import OpenAPIHummingbird
import OpenAPIRuntime
import PetstoreAPI
import PetstoreExpandedAPI
import PetstoreV2API
import SwaggerPetstoreAPI

/// `stub-server`: a generated server answering with its spec's examples, on Hummingbird.
@main
struct StubServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stub-server",
        abstract: "Serves the stubs SpecGen generated for a petstore-like spec (a mock, on 127.0.0.1).",
        discussion: "Prints one line 'listening on 127.0.0.1:PORT' on standard output when ready.")

    /// Which generated API to serve; each is its own module with its own `APIStubs`.
    enum Spec: String, ExpressibleByArgument, CaseIterable {
        case petstore = "oai-petstore"
        case petstoreExpanded = "oai-petstore-expanded"
        case petstoreV2 = "oai-v2-petstore-expanded"
        case swaggerPetstore = "swaggerpetstore-openapi"
        /// Sources/AgreementAPI/openapi.yaml, the constraints scripts/test-validation-agreement checks.
        case agreement
    }

    @Option(help: "The spec whose stubs to serve: \(Spec.allCases.map(\.rawValue).joined(separator: ", ")).")
    var spec: Spec = .petstore

    @Option(help: "The port on 127.0.0.1; 0 picks a free one.")
    var port: Int = 8080

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        // What a user writes in `main` to serve the stubs of their own spec is these lines with
        // one `APIStubs()` (see the README, "Stubs").
        let router = Router()
        switch spec {
        case .petstore: try PetstoreAPI.APIStubs().registerHandlers(on: router)
        case .petstoreExpanded: try PetstoreExpandedAPI.APIStubs().registerHandlers(on: router)
        case .petstoreV2: try PetstoreV2API.APIStubs().registerHandlers(on: router)
        case .swaggerPetstore: try SwaggerPetstoreAPI.APIStubs().registerHandlers(on: router)
        case .agreement: try AgreementAPI.APIStubs().registerHandlers(on: router)
        }
        // Warnings only: the 'listening on' line below is the one line a script reads.
        var logger = Logger(label: "stub-server")
        logger.logLevel = .warning
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "stub-server"),
            onServerRunning: { channel in
                // The one line scripts wait for, unbuffered (stdout is a pipe for them).
                FileHandle.standardOutput.write(
                    Data("listening on 127.0.0.1:\(channel.localAddress?.port ?? 0)\n".utf8))
            },
            logger: logger)
        try await app.runService()
    }
}
