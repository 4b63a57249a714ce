import Foundation
import GoldenBodiesSwagger
import HTTPTypes
import OpenAPIRuntime
import SpecGenRuntime
import Testing

/// A handler over Specs/bodies-swagger.yaml: Swagger 2.0 `formData` as a form and as multipart.
struct SwaggerFormEcho: APIHandler {
    func login(_ input: LoginRequest) async throws -> Lines {
        Lines(lines: [input.username, input.password, "\(input.remember ?? false)"])
    }

    func uploadAvatar(_ input: UploadAvatarInput) async throws -> Lines {
        var lines = ["user=\(input.userId)"]
        for try await part in input.body {
            switch part {
            case .avatar(let file):
                let bytes = try await file.body.collectBytes(upTo: 1 << 16)
                lines.append("avatar=\(file.filename ?? "-") \(bytes.count)")
            case .caption(let caption): lines.append("caption=\(caption)")
            case .other(let part): lines.append("other=\(part.name ?? "-")")
            }
        }
        return Lines(lines: lines)
    }
}

@Suite("Generated client ↔ generated server: Swagger 2.0 formData")
struct BodiesSwaggerTests {
    func client() throws -> Client {
        let server = InMemoryServer()
        try SwaggerFormEcho().registerHandlers(on: server)
        return Client(serverURL: URL(string: "http://127.0.0.1:1")!, transport: server)
    }

    @Test func formDataParametersTravelAsAForm() async throws {
        let lines = try await client().login(LoginRequest(username: "ann", password: "p&ss word", remember: true)).lines
        #expect(lines == ["ann", "p&ss word", "true"])
    }

    @Test func aFileParameterTravelsAsAMultipartFile() async throws {
        let parts: MultipartBody<UploadAvatarPart> = [
            .avatar(MultipartFile(HTTPBody([1, 2, 3, 4]), filename: "me.jpg", contentType: "image/jpeg")),
            .caption("hello"),
        ]
        let lines = try await client().uploadAvatar(.init(userId: "u1", body: parts)).lines
        #expect(lines == ["user=u1", "avatar=me.jpg 4", "caption=hello"])
    }
}
