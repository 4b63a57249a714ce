import ECRAPI
import Foundation
import SpecGenRuntime

/// The hand-written ECR handlers behind the generated `APIHandler` protocol (ECRAPI, from Specs/ecr-full.yaml):
/// repository operations here, image operations in ECRService+Images.swift.
struct ECRService: APIHandler {
    var store: any RegistryStore
    /// The account the registry belongs to: `registryId` in answers, and part of ARNs and URIs.
    var accountID: String
    var region: String
    var now: @Sendable () -> Date = { Date() }

    var repositoryURIHost: String { "\(accountID).dkr.ecr.\(region).amazonaws.com" }

    /// ECR's formats: `arn:aws:ecr:REGION:ACCOUNT:repository/NAME` and `ACCOUNT.dkr.ecr.REGION.amazonaws.com/NAME`.
    func repository(_ record: RepositoryRecord) -> Repository {
        Repository(
            repositoryArn: "arn:aws:ecr:\(region):\(accountID):repository/\(record.name)",
            registryId: accountID,
            repositoryName: record.name,
            repositoryUri: "\(repositoryURIHost)/\(record.name)",
            createdAt: record.createdAt,
            imageTagMutability: ImageTagMutability(rawValue: record.tagMutability),
            imageTagMutabilityExclusionFilters: record.tagMutabilityExclusionFilters.isEmpty
                ? nil
                : record.tagMutabilityExclusionFilters.map {
                    ImageTagMutabilityExclusionFilter(filterType: .wildcard, filter: $0)
                },
            imageScanningConfiguration: ImageScanningConfiguration(scanOnPush: record.scanOnPush),
            encryptionConfiguration: EncryptionConfiguration(
                encryptionType: EncryptionType(rawValue: record.encryptionType), kmsKey: record.kmsKey)
        )
    }

    /// Only this server's own registry exists.
    func checkRegistry(_ registryID: String?) throws {
        if let registryID, registryID != accountID {
            throw ECRError.invalidParameter(
                "Invalid parameter at 'registryId' failed to satisfy constraint: 'registry with id '\(registryID)' is not this registry ('\(accountID)')'"
            )
        }
    }

    func createRepository(_ input: CreateRepositoryRequest) async throws -> CreateRepositoryResponse {
        try checkRegistry(input.registryId)
        try ECRValidation.checkRepositoryName(input.repositoryName)
        let mutability = input.imageTagMutability ?? .mutable
        switch mutability {
        case .mutable, .immutable, .mutableWithExclusion, .immutableWithExclusion: break
        case .undocumented(let value):
            throw ECRError.invalidParameter(
                "Invalid parameter at 'imageTagMutability' failed to satisfy constraint: 'Member must satisfy enum value set: [MUTABLE, IMMUTABLE, IMMUTABLE_WITH_EXCLUSION, MUTABLE_WITH_EXCLUSION]' (got '\(value)')"
            )
        }
        let filters = input.imageTagMutabilityExclusionFilters ?? []
        let withExclusions = mutability == .mutableWithExclusion || mutability == .immutableWithExclusion
        if withExclusions == filters.isEmpty {
            throw ECRError.invalidParameter(
                "imageTagMutabilityExclusionFilters must be given with, and only with, a *_WITH_EXCLUSION tag mutability"
            )
        }
        let record = RepositoryRecord(
            name: input.repositoryName,
            createdAt: Date(timeIntervalSince1970: now().timeIntervalSince1970.rounded(.down)),
            tagMutability: mutability.rawValue, tagMutabilityExclusionFilters: filters.map(\.filter),
            scanOnPush: input.imageScanningConfiguration?.scanOnPush ?? false,
            encryptionType: input.encryptionConfiguration?.encryptionType.rawValue ?? "AES256",
            kmsKey: input.encryptionConfiguration?.kmsKey,
            resourceTags: (input.tags ?? []).map { .init(key: $0.key, value: $0.value) }, images: ImageIndex())
        let account = accountID
        try await store.update(input.repositoryName) { existing in
            if existing != nil { throw ECRError.repositoryAlreadyExists(record.name, registry: account) }
            existing = record
        }
        return CreateRepositoryResponse(repository: repository(record))
    }

    func describeRepositories(_ input: DescribeRepositoriesRequest) async throws -> DescribeRepositoriesResponse {
        try checkRegistry(input.registryId)
        if let names = input.repositoryNames {
            if input.nextToken != nil || input.maxResults != nil {
                throw ECRError.invalidParameter(
                    "Invalid parameter: nextToken and maxResults cannot be used with repositoryNames")
            }
            var found: [Repository] = []
            for name in names {
                try ECRValidation.checkRepositoryName(name)
                guard let record = await store.repository(named: name) else {
                    throw ECRError.repositoryNotFound(name, registry: accountID)
                }
                found.append(repository(record))
            }
            return DescribeRepositoriesResponse(repositories: found)
        }
        let all = await store.allRepositories()
        let page = try Page(all, key: \.name, maxResults: input.maxResults, nextToken: input.nextToken)
        return DescribeRepositoriesResponse(repositories: page.items.map(repository), nextToken: page.nextToken)
    }

    func deleteRepository(_ input: DeleteRepositoryRequest) async throws -> DeleteRepositoryResponse {
        try checkRegistry(input.registryId)
        try ECRValidation.checkRepositoryName(input.repositoryName)
        let account = accountID
        let force = input.force ?? false
        let deleted = try await store.update(input.repositoryName) { existing -> RepositoryRecord in
            guard let record = existing else {
                throw ECRError.repositoryNotFound(input.repositoryName, registry: account)
            }
            if !record.images.isEmpty && !force { throw ECRError.repositoryNotEmpty(record.name, registry: account) }
            existing = nil
            return record
        }
        return DeleteRepositoryResponse(repository: repository(deleted))
    }

    /// The repository, or `RepositoryNotFoundException`.
    func existingRepository(_ name: String, registryID: String?) async throws -> RepositoryRecord {
        try checkRegistry(registryID)
        try ECRValidation.checkRepositoryName(name)
        guard let record = await store.repository(named: name) else {
            throw ECRError.repositoryNotFound(name, registry: accountID)
        }
        return record
    }
}
