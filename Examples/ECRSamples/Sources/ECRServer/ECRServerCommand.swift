import ArgumentParser
import ECRAPI
import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import OpenAPIHummingbird
import OpenAPIRuntime
import SpecGenAWS
import SpecGenRuntime

/// `ecr-server`: the generated ECR routing table (ECRAPI, from Specs/ecr-full.yaml) on Hummingbird, with
/// hand-written handlers that behave as ECR does, SigV4 verification, and a memory or file store.
@main
struct ECRServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ecr-server",
        abstract: "An Amazon ECR API server for local use and tests (AWS JSON 1.1 on 127.0.0.1).",
        discussion: """
            Prints one line 'listening on 127.0.0.1:PORT' on standard output when ready.
            Requests must be signed with SigV4 (service 'ecr') by the configured credentials, by default
            the development pair \(DevCredentials.accessKeyID) / \(DevCredentials.secretAccessKey)
            (override with --access-key-id/--secret-access-key or ECR_SERVER_ACCESS_KEY_ID/ECR_SERVER_SECRET_ACCESS_KEY).
            """
    )

    @Option(help: "The port on 127.0.0.1; 0 picks a free one.")
    var port: Int = 8080

    @Option(
        name: .customLong("data"), help: "Keep the registry in JSON files under this directory (default: in memory).")
    var dataDirectory: String?

    @Option(help: "The account ID in registry IDs, ARNs and URIs.")
    var accountID: String = "123456789012"

    @Option(help: "The region in ARNs and URIs.")
    var region: String = "us-east-1"

    @Option(help: "The access key ID requests must be signed with (env ECR_SERVER_ACCESS_KEY_ID).")
    var accessKeyID: String?

    @Option(help: "Its secret access key (env ECR_SERVER_SECRET_ACCESS_KEY).")
    var secretAccessKey: String?

    @Flag(help: "Accept unsigned requests (local use only).")
    var noAuth = false

    @Option(
        help: "Largest request body accepted, in bytes; a larger one is answered 413 RequestEntityTooLargeException.")
    var maxBodyBytes: Int = 8 << 20

    @Option(
        help:
            "Largest request header block (and single header field), in bytes; a larger one is refused (431) and the connection closed."
    )
    var maxHeaderBytes: Int = 64 * 1024

    @Option(help: "Seconds a connection may stay idle (including mid-request) before the server closes it.")
    var idleTimeout: Double = 30

    @Option(
        help:
            "Seconds a whole request may take to arrive, from the connection's start or the previous response; a slower one (slowloris) is cut off."
    )
    var requestTimeout: Double = 60

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "warning"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard maxBodyBytes > 0 else { throw ValidationError("--max-body-bytes must be positive") }
        guard maxHeaderBytes >= 1024 else { throw ValidationError("--max-header-bytes must be at least 1024") }
        guard idleTimeout > 0 else { throw ValidationError("--idle-timeout must be positive") }
        guard requestTimeout > 0 else { throw ValidationError("--request-timeout must be positive") }
        guard accountID.count == 12, accountID.allSatisfy(\.isNumber) else {
            throw ValidationError("--account-id must be 12 digits")
        }
    }

    func run() async throws {
        let store: any RegistryStore =
            try dataDirectory.map { try FileRegistryStore(directory: URL(fileURLWithPath: $0)) }
            ?? InMemoryRegistryStore()
        let service = ECRService(store: store, accountID: accountID, region: region)
        let router = Router()
        // The generated table has the 8 MiB default; the same limit bounds the SigV4 middleware's read.
        var table = service.routeTable
        table.maxBodyBytes = maxBodyBytes
        try table.register(on: router, middlewares: authMiddlewares())

        let requestDeadline = TimeAmount.nanoseconds(Int64(requestTimeout * 1_000_000_000))
        var logger = Logger(label: "ecr-server")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .warning
        let app = Application(
            router: router,
            server: .http1(
                configuration: HTTP1Channel.Configuration(
                    // One handler per connection.
                    additionalChannelHandlers: [RequestDeadlineHandler(timeout: requestDeadline)],
                    idleTimeout: .nanoseconds(Int64(idleTimeout * 1_000_000_000)),
                    httpDecoderConfiguration: .init(
                        maxHeaderFieldSize: maxHeaderBytes, maxHeaderListSize: maxHeaderBytes))),
            configuration: ApplicationConfiguration(
                address: .hostname("127.0.0.1", port: port), serverName: "ecr-server"),
            onServerRunning: { channel in
                // The one line scripts wait for, written unbuffered (stdout is a pipe for them).
                FileHandle.standardOutput.write(
                    Data("listening on 127.0.0.1:\(channel.localAddress?.port ?? 0)\n".utf8))
            },
            logger: logger
        )
        try await app.runService()
    }

    func authMiddlewares() -> [any ServerMiddleware] {
        if noAuth { return [] }
        let environment = ProcessInfo.processInfo.environment
        let credentials = AWSCredentials(
            accessKeyID: accessKeyID ?? environment["ECR_SERVER_ACCESS_KEY_ID"] ?? DevCredentials.accessKeyID,
            secretAccessKey: secretAccessKey ?? environment["ECR_SERVER_SECRET_ACCESS_KEY"]
                ?? DevCredentials.secretAccessKey)
        return [
            SigV4ServerMiddleware(
                verifier: SigV4Verifier(credentials: [credentials], service: "ecr"), maxBodyBytes: maxBodyBytes)
        ]
    }
}

/// The development credentials the server accepts unless told otherwise: AWS's documented example
/// key pair, which no real account has.
enum DevCredentials {
    static let accessKeyID = "AKIAIOSFODNN7EXAMPLE"
    static let secretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
}
