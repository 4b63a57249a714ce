import Foundation
import Hummingbird

/// `floor-server METHOD PATH BODY_FILE CONTENT_TYPE [--as-openapi-hummingbird]`: answers METHOD PATH
/// (Hummingbird path syntax, `{name}` for a parameter) with status 200, the bytes of BODY_FILE and
/// CONTENT_TYPE; anything else 404. With `--as-openapi-hummingbird` the body is written the way
/// swift-openapi-hummingbird writes an `HTTPBody` of known length (a writer closure: write, then
/// finish) instead of as one buffer, to measure what that bridge costs on its own. Listens on 127.0.0.1 on a free port and prints `listening on 127.0.0.1:PORT`.
/// No request body is read and no header is looked at: this is the least a Hummingbird server does
/// for the request, the cost a generated server's routing, decoding and encoding adds to.
@main
struct FloorServer {
    static func main() async throws {
        let arguments = CommandLine.arguments
        guard arguments.count == 5 || (arguments.count == 6 && arguments[5] == "--as-openapi-hummingbird") else {
            FileHandle.standardError.write(
                Data("usage: floor-server METHOD PATH BODY_FILE CONTENT_TYPE [--as-openapi-hummingbird]\n".utf8))
            exit(2)
        }
        let method = HTTPRequest.Method(rawValue: arguments[1].uppercased()) ?? .get
        let body = ByteBuffer(bytes: try Data(contentsOf: URL(fileURLWithPath: arguments[3])))
        let contentType = arguments[4]
        let writesLikeTheBridge = arguments.count == 6

        let router = Router()
        router.on(RouterPath(arguments[2]), method: method) { _, _ -> Response in
            guard writesLikeTheBridge else {
                return Response(status: .ok, headers: [.contentType: contentType], body: ResponseBody(byteBuffer: body))
            }
            return Response(
                status: .ok, headers: [.contentType: contentType],
                body: ResponseBody(contentLength: body.readableBytes) { writer in
                    try await writer.write(body)
                    try await writer.finish(nil)
                })
        }
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0), serverName: "floor"),
            onServerRunning: { channel in
                FileHandle.standardOutput.write(
                    Data("listening on 127.0.0.1:\(channel.localAddress?.port ?? 0)\n".utf8))
            }
        )
        try await app.runService()
    }
}
