import ArgumentParser
import ECRAPI
import Foundation
import OpenAPIRuntime
import OpenAPIURLSession
import SpecGenAWS
import SpecGenRuntime

/// `ecr-client`: calls one ECR operation through the generated client (Tests/Golden/ecr-full) over
/// URLSession, signed with SigV4 from the usual AWS environment variables, and prints the answer as JSON.
@main
struct ECRClientCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ecr-client",
        abstract: "Call an Amazon ECR operation through the SpecGen-generated client.",
        discussion: """
            OPERATION is spelled as the AWS CLI spells it: \(ECROperations.names.joined(separator: ", ")).
            Credentials come from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN.
            The output is the operation's JSON answer on stdout; an error answer is printed on stderr as
            JSON ({"__type", "message", "status"}) and the exit status is 1 (2 for bad input).
            """
    )

    @Option(help: "The service's URL, e.g. http://127.0.0.1:8080.")
    var endpoint: String

    @Option(help: "The region to sign for (default: AWS_REGION, AWS_DEFAULT_REGION, us-east-1).")
    var region: String?

    @Argument(help: "The operation, e.g. create-repository or describe-images.")
    var operation: String

    @Option(help: "The operation's input as JSON (AWS's member names), or - to read it from stdin.")
    var input: String = "{}"

    @Flag(help: "Send unsigned requests.")
    var noSignRequest = false

    @Option(help: "Attempts in all for read operations and connection errors (1 turns retries off).")
    var maxAttempts: Int = 3

    func run() async throws {
        guard let call = ECROperations.table[operation] else {
            throw ValidationError(
                "unknown operation '\(operation)'; one of: \(ECROperations.names.joined(separator: ", "))")
        }
        let trimmed = endpoint.hasSuffix("/") ? String(endpoint.dropLast()) : endpoint
        guard let url = URL(string: trimmed), url.scheme == "http" || url.scheme == "https", url.host != nil else {
            throw ValidationError("--endpoint must be an http(s) URL, got '\(endpoint)'")
        }
        let environment = ProcessInfo.processInfo.environment
        let region = self.region ?? environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"] ?? "us-east-1"
        var middlewares: [any ClientMiddleware] = [RetryMiddleware(policy: .init(maxAttempts: maxAttempts))]
        if !noSignRequest {
            guard let credentials = AWSCredentials.fromEnvironment(environment) else {
                throw ValidationError(
                    "no credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or pass --no-sign-request)")
            }
            middlewares.append(SigV4Middleware(credentials: credentials, region: region, service: "ecr"))
        }
        let client = Client(serverURL: url, transport: URLSessionTransport(), middlewares: middlewares)
        let json = input == "-" ? Data(FileHandle.standardInput.readDataToEndOfFile()) : Data(input.utf8)

        do {
            let output = try await call(client, json)
            FileHandle.standardOutput.write(output + Data("\n".utf8))
        } catch let error as APIError {
            Self.printError([
                "__type": .string(error.name ?? "UnknownError"), "message": .string(error.message ?? ""),
                "status": .number(Double(error.status)),
            ])
            throw ExitCode(1)
        } catch let error as InputError {
            Self.printError(["__type": .string("InvalidInput"), "message": .string(error.message)])
            throw ExitCode(2)
        } catch {
            Self.printError(["__type": .string("ClientFailure"), "message": .string(String(describing: error))])
            throw ExitCode(1)
        }
    }

    static func printError(_ object: [String: JSONValue]) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(object)) ?? Data("{}".utf8)
        FileHandle.standardError.write(data + Data("\n".utf8))
    }
}

/// The `--input` JSON did not decode as the operation's input.
struct InputError: Error {
    var message: String
}
