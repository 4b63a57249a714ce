import Foundation
import GoldenECRFull
import SpecGenRuntime
import Testing

/// A registry whose `listImages` serves three pages of two images, then stops; with
/// `loopForever`, it keeps answering the same token (a server bug the sequence must survive).
struct PagingRegistry: APIHandler {
    var loopForever = false

    func listImages(_ input: ListImagesRequest) async throws -> ListImagesResponse {
        let page = Int(input.nextToken ?? "0") ?? 0
        let ids = (0..<2).map { ImageIdentifier(imageTag: "p\(page)-\($0)") }
        let next = loopForever ? "1" : (page < 2 ? String(page + 1) : nil)
        return ListImagesResponse(imageIds: ids, nextToken: next)
    }
    func createRepository(_ input: CreateRepositoryRequest) async throws -> CreateRepositoryResponse { .init() }
    func describeRepositories(_ input: DescribeRepositoriesRequest) async throws -> DescribeRepositoriesResponse {
        .init()
    }
    func deleteRepository(_ input: DeleteRepositoryRequest) async throws -> DeleteRepositoryResponse { .init() }
    func putImage(_ input: PutImageRequest) async throws -> PutImageResponse { .init() }
    func batchGetImage(_ input: BatchGetImageRequest) async throws -> BatchGetImageResponse { .init() }
    func describeImages(_ input: DescribeImagesRequest) async throws -> DescribeImagesResponse { .init() }
}

@Suite("Generated paginators")
struct PaginatorTests {
    func client(_ registry: PagingRegistry) throws -> Client {
        let server = InMemoryServer()
        try registry.registerHandlers(on: server)
        return Client(serverURL: URL(string: "http://127.0.0.1:1")!, transport: server)
    }

    @Test func pagesFollowNextTokenUntilItIsGone() async throws {
        var tokens: [String?] = []
        for try await page in try client(PagingRegistry()).listImagesPages(ListImagesRequest(repositoryName: "repo")) {
            tokens.append(page.nextToken)
        }
        #expect(tokens == ["1", "2", nil])
    }

    @Test func itemsFlattenThePages() async throws {
        var tags: [String] = []
        for try await image in try client(PagingRegistry()).listImagesItems(ListImagesRequest(repositoryName: "repo")) {
            tags.append(image.imageTag ?? "")
        }
        #expect(tags == ["p0-0", "p0-1", "p1-0", "p1-1", "p2-0", "p2-1"])
    }

    @Test func aRepeatedTokenEndsTheSequence() async throws {
        var count = 0
        for try await _ in try client(PagingRegistry(loopForever: true)).listImagesPages(
            ListImagesRequest(repositoryName: "repo"))
        {
            count += 1
            if count > 10 { break }
        }
        #expect(count == 2)
    }
}
