import ECRAPI
import Foundation
import Testing

@testable import ECRServer

/// ListImages and DescribeImages page through the repository's ordered index: the pages, read with
/// each answer's `nextToken`, are every entry once, in ECR's order, whatever order images came in.
@Suite("Image listing")
struct ImageListingTests {
    static let repository = "app"

    /// A service with `count` images pushed in a shuffled order; every third is untagged, the
    /// others carry one or two tags.
    static func service(images count: Int) async throws -> ECRService {
        let service = ECRService(store: InMemoryRegistryStore(), accountID: "123456789012", region: "us-east-1")
        _ = try await service.createRepository(CreateRepositoryRequest(repositoryName: repository))
        var generator = SystemRandomNumberGenerator()
        for index in (0..<count).shuffled(using: &generator) {
            let manifest = #"{"schemaVersion": 2, "seed": \#(index)}"#
            let tags: [String?] =
                index % 3 == 0 ? [nil] : index % 3 == 1 ? ["v\(index)"] : ["v\(index)", "latest-\(index)"]
            for tag in tags {
                _ = try await service.putImage(
                    PutImageRequest(repositoryName: repository, imageManifest: manifest, imageTag: tag))
            }
        }
        return service
    }

    @Test func listImagesPagesAreEveryEntryOnceInDigestThenTagOrder() async throws {
        let service = try await Self.service(images: 60)
        var seen: [ImageIdentifier] = []
        var token: String?
        repeat {
            let page = try await service.listImages(
                ListImagesRequest(repositoryName: Self.repository, nextToken: token, maxResults: 7))
            #expect((page.imageIds ?? []).count <= 7)
            seen += page.imageIds ?? []
            token = page.nextToken
        } while token != nil
        #expect(seen.count == 20 + 20 + 40)  // untagged, one tag, two tags
        let keys = seen.map { "\($0.imageDigest ?? "") \($0.imageTag ?? "")" }
        #expect(keys == keys.sorted())
        #expect(Set(keys).count == keys.count)
        let untagged = try await service.listImages(
            ListImagesRequest(repositoryName: Self.repository, filter: ListImagesFilter(tagStatus: .untagged)))
        #expect(untagged.imageIds?.count == 20)
        #expect(untagged.imageIds?.allSatisfy { $0.imageTag == nil } == true)
    }

    @Test func describeImagesPagesAreEveryImageOnceInDigestOrder() async throws {
        let service = try await Self.service(images: 45)
        var digests: [String] = []
        var token: String?
        repeat {
            let page = try await service.describeImages(
                DescribeImagesRequest(repositoryName: Self.repository, nextToken: token, maxResults: 10))
            digests += (page.imageDetails ?? []).compactMap(\.imageDigest)
            token = page.nextToken
        } while token != nil
        #expect(digests.count == 45)
        #expect(digests == digests.sorted())
        let tagged = try await service.describeImages(
            DescribeImagesRequest(repositoryName: Self.repository, filter: DescribeImagesFilter(tagStatus: .tagged)))
        #expect(tagged.imageDetails?.count == 30)
    }

    /// The index keeps the `{digest: image}` JSON that `--data` folders have always held.
    @Test func theIndexEncodesAsTheDigestMapAndRebuildsItsOrderAndTags() throws {
        var index = ImageIndex()
        for (digest, tags) in [("sha256:bb", ["b"]), ("sha256:aa", []), ("sha256:cc", ["c", "latest"])] {
            index.put(
                ImageRecord(
                    digest: digest, manifest: "{}", manifestMediaType: "m", artifactMediaType: nil,
                    sizeInBytes: 2, pushedAt: Date(timeIntervalSince1970: 0), tags: tags))
        }
        index.removeTag("latest")
        let data = try JSONEncoder().encode(index)
        let plain = try JSONDecoder().decode([String: ImageRecord].self, from: data)
        #expect(plain.keys.sorted() == ["sha256:aa", "sha256:bb", "sha256:cc"])
        let decoded = try JSONDecoder().decode(ImageIndex.self, from: data)
        #expect(decoded == index)
        #expect(decoded.images(from: nil).map(\.digest) == ["sha256:aa", "sha256:bb", "sha256:cc"])
        #expect(decoded.images(from: "sha256:b").map(\.digest) == ["sha256:bb", "sha256:cc"])
        #expect(decoded.digest(forTag: "c") == "sha256:cc")
        #expect(decoded.digest(forTag: "latest") == nil)
        #expect(decoded["sha256:cc"]?.tags == ["c"])
    }
}
