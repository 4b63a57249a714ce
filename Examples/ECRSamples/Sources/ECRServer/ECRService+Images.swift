import ECRAPI
import Foundation
import SpecGenRuntime

/// The image operations: PutImage, BatchGetImage, ListImages, DescribeImages.
extension ECRService {
    func putImage(_ input: PutImageRequest) async throws -> PutImageResponse {
        try checkRegistry(input.registryId)
        try ECRValidation.checkRepositoryName(input.repositoryName)
        if let tag = input.imageTag { try ECRValidation.checkImageTag(tag) }
        let manifest = try Manifest(input.imageManifest)
        if let given = input.imageDigest, given != manifest.digest {
            throw ECRError.imageDigestDoesNotMatch(given: given, computed: manifest.digest)
        }
        if let declared = input.imageManifestMediaType, let inside = manifest.mediaType, declared != inside {
            throw ECRError.invalidParameter(
                "Invalid parameter at 'imageManifestMediaType': '\(declared)' does not match the manifest's mediaType '\(inside)'"
            )
        }
        let mediaType = input.imageManifestMediaType ?? manifest.mediaType ?? Manifest.dockerV2
        let account = accountID
        let pushedAt = Date(timeIntervalSince1970: now().timeIntervalSince1970.rounded(.down))
        let stored = try await store.update(input.repositoryName) { existing -> ImageRecord in
            guard var record = existing else {
                throw ECRError.repositoryNotFound(input.repositoryName, registry: account)
            }
            let tag = input.imageTag
            if let image = record.images[manifest.digest], tag.map(image.tags.contains) ?? true {
                throw ECRError.imageAlreadyExists(
                    digest: manifest.digest, tag: tag, repository: record.name, registry: account)
            }
            if let tag, let previous = record.digest(forTag: tag), previous != manifest.digest {
                if Self.isImmutable(tag, in: record) {
                    throw ECRError.imageTagAlreadyExists(tag, repository: record.name)
                }
                record.images.removeTag(tag)
            }
            var image =
                record.images[manifest.digest]
                ?? ImageRecord(
                    digest: manifest.digest, manifest: input.imageManifest, manifestMediaType: mediaType,
                    artifactMediaType: manifest.artifactMediaType, sizeInBytes: manifest.sizeInBytes,
                    pushedAt: pushedAt, tags: [])
            if let tag { image.tags = (image.tags + [tag]).sorted() }
            record.images.put(image)
            existing = record
            return image
        }
        return PutImageResponse(
            image: Image(
                registryId: accountID, repositoryName: input.repositoryName,
                imageId: ImageIdentifier(imageDigest: stored.digest, imageTag: input.imageTag),
                imageManifest: stored.manifest, imageManifestMediaType: stored.manifestMediaType))
    }

    /// Whether a tag may not move to another image, by the repository's mutability and exclusion filters.
    static func isImmutable(_ tag: String, in record: RepositoryRecord) -> Bool {
        let excluded = record.tagMutabilityExclusionFilters.contains { ECRValidation.wildcardMatches($0, tag) }
        switch record.tagMutability {
        case "IMMUTABLE": return true
        case "IMMUTABLE_WITH_EXCLUSION": return !excluded
        case "MUTABLE_WITH_EXCLUSION": return excluded
        default: return false
        }
    }

    func batchGetImage(_ input: BatchGetImageRequest) async throws -> BatchGetImageResponse {
        let record = try await existingRepository(input.repositoryName, registryID: input.registryId)
        guard (1...100).contains(input.imageIds.count) else {
            throw ECRError.invalidParameter(
                "Invalid parameter at 'imageIds' failed to satisfy constraint: 'Member must have length between 1 and 100'"
            )
        }
        var images: [Image] = []
        var failures: [ImageFailure] = []
        for id in input.imageIds {
            switch resolve(id, in: record) {
            case .success(let image):
                let found = Image(
                    registryId: accountID, repositoryName: record.name,
                    imageId: ImageIdentifier(imageDigest: image.digest, imageTag: id.imageTag),
                    imageManifest: image.manifest, imageManifestMediaType: image.manifestMediaType)
                if !images.contains(found) { images.append(found) }
            case .failure(let failure):
                failures.append(ImageFailure(imageId: id, failureCode: failure.code, failureReason: failure.reason))
            }
        }
        return BatchGetImageResponse(images: images, failures: failures)
    }

    struct Unresolved: Error {
        var code: ImageFailureCode
        var reason: String
    }

    /// The image an identifier names (by tag, by digest, or by both, which must agree).
    func resolve(_ id: ImageIdentifier, in record: RepositoryRecord) -> Result<ImageRecord, Unresolved> {
        switch (id.imageDigest, id.imageTag) {
        case (nil, nil):
            return .failure(
                Unresolved(
                    code: .missingDigestAndTag, reason: "Invalid request parameters: both tag and digest cannot be null"
                ))
        case (let digest?, let tag):
            guard ECRValidation.isValidDigest(digest) else {
                return .failure(Unresolved(code: .invalidImageDigest, reason: "Invalid image digest"))
            }
            guard let image = record.images[digest] else {
                return .failure(Unresolved(code: .imageNotFound, reason: "Requested image not found"))
            }
            if let tag, !image.tags.contains(tag) {
                return .failure(
                    Unresolved(
                        code: .imageTagDoesNotMatchDigest,
                        reason: "Invalid request parameters: given tag and digest do not match"))
            }
            return .success(image)
        case (nil, let tag?):
            guard let digest = record.digest(forTag: tag), let image = record.images[digest] else {
                return .failure(Unresolved(code: .imageNotFound, reason: "Requested image not found"))
            }
            return .success(image)
        }
    }

    func listImages(_ input: ListImagesRequest) async throws -> ListImagesResponse {
        let record = try await existingRepository(input.repositoryName, registryID: input.registryId)
        let status = input.filter?.tagStatus ?? .any_
        let listsActive = try Self.checkFilter(
            tagStatus: input.filter?.tagStatus, imageStatus: input.filter?.imageStatus)
        // One entry per tag, and one (digest only) per untagged image, as ECR lists them, in the
        // order of `key`: digests ascending (all `sha256:` and 64 hex digits), each image's tags ascending.
        let key: (ImageIdentifier) -> String = { "\($0.imageDigest ?? "") \($0.imageTag ?? "")" }
        let page = try Page(key: key, maxResults: input.maxResults, nextToken: input.nextToken) { after in
            let digest = after.map { String($0.prefix { $0 != " " }) }
            return record.images.images(from: digest).lazy
                .filter { _ in listsActive }
                .flatMap { image -> [ImageIdentifier] in
                    if image.tags.isEmpty {
                        return status == .tagged ? [] : [ImageIdentifier(imageDigest: image.digest)]
                    }
                    return status == .untagged
                        ? [] : image.tags.map { ImageIdentifier(imageDigest: image.digest, imageTag: $0) }
                }
        }
        return ListImagesResponse(imageIds: page.items, nextToken: page.nextToken)
    }

    func describeImages(_ input: DescribeImagesRequest) async throws -> DescribeImagesResponse {
        let record = try await existingRepository(input.repositoryName, registryID: input.registryId)
        let listsActive = try Self.checkFilter(
            tagStatus: input.filter?.tagStatus, imageStatus: input.filter?.imageStatus)
        if let ids = input.imageIds {
            if input.nextToken != nil || input.maxResults != nil {
                throw ECRError.invalidParameter(
                    "Invalid parameter: nextToken and maxResults cannot be used with imageIds")
            }
            var details: [ImageDetail] = []
            for id in ids {
                guard case .success(let image) = resolve(id, in: record) else {
                    throw ECRError.imageNotFound(
                        digest: id.imageDigest, tag: id.imageTag, repository: record.name, registry: accountID)
                }
                let detail = self.detail(image, in: record)
                if !details.contains(detail) { details.append(detail) }
            }
            return DescribeImagesResponse(imageDetails: details)
        }
        let status = input.filter?.tagStatus ?? .any_
        let page = try Page(key: \.digest, maxResults: input.maxResults, nextToken: input.nextToken) { after in
            record.images.images(from: after).lazy
                .filter { _ in listsActive }
                .filter { status == .tagged ? !$0.tags.isEmpty : status == .untagged ? $0.tags.isEmpty : true }
        }
        return DescribeImagesResponse(
            imageDetails: page.items.map { detail($0, in: record) }, nextToken: page.nextToken)
    }

    func detail(_ image: ImageRecord, in record: RepositoryRecord) -> ImageDetail {
        ImageDetail(
            registryId: accountID, repositoryName: record.name, imageDigest: image.digest,
            imageTags: image.tags.isEmpty ? nil : image.tags, imageSizeInBytes: image.sizeInBytes,
            imagePushedAt: image.pushedAt, imageManifestMediaType: image.manifestMediaType,
            artifactMediaType: image.artifactMediaType, imageStatus: .active)
    }

    /// Every image here is ACTIVE (no archive tier): ACTIVE and ANY (or no image status) list them,
    /// ARCHIVED and ACTIVATING list none. Values outside the enums are refused.
    static func checkFilter(tagStatus: TagStatus?, imageStatus: ImageStatusFilter?) throws -> Bool {
        if case .undocumented(let value)? = tagStatus {
            throw ECRError.invalidParameter(
                "Invalid parameter at 'filter.tagStatus' failed to satisfy constraint: 'Member must satisfy enum value set: [TAGGED, UNTAGGED, ANY]' (got '\(value)')"
            )
        }
        switch imageStatus {
        case nil, .active?, .any_?: return true
        case .archived?, .activating?: return false
        case .undocumented(let value)?:
            throw ECRError.invalidParameter(
                "Invalid parameter at 'filter.imageStatus' failed to satisfy constraint: 'Member must satisfy enum value set: [ACTIVE, ARCHIVED, ACTIVATING, ANY]' (got '\(value)')"
            )
        }
    }
}
