import Foundation

/// One image as the registry keeps it: the manifest bytes as pushed, their digest, and its tags.
struct ImageRecord: Codable, Sendable, Hashable {
    var digest: String
    var manifest: String
    var manifestMediaType: String
    var artifactMediaType: String?
    var sizeInBytes: Int64
    var pushedAt: Date
    /// Sorted, no duplicates.
    var tags: [String]
}

/// One repository and everything in it.
struct RepositoryRecord: Codable, Sendable, Hashable {
    struct ResourceTag: Codable, Sendable, Hashable {
        var key: String
        var value: String
    }

    var name: String
    var createdAt: Date
    var tagMutability: String
    var tagMutabilityExclusionFilters: [String]
    var scanOnPush: Bool
    var encryptionType: String
    var kmsKey: String?
    var resourceTags: [ResourceTag]
    var images: ImageIndex

    /// The digest a tag points to.
    func digest(forTag tag: String) -> String? {
        images.digest(forTag: tag)
    }
}

/// Where the registry's state lives. Each update runs alone on one repository: it sees the record
/// (nil when absent), changes it or not (nil deletes it), and either all of it is kept or, when it
/// throws, none of it.
protocol RegistryStore: Sendable {
    func repository(named name: String) async -> RepositoryRecord?
    /// Every repository, sorted by name.
    func allRepositories() async -> [RepositoryRecord]
    func update<T: Sendable>(_ name: String, _ change: @Sendable (inout RepositoryRecord?) throws -> T) async throws
        -> T
}
