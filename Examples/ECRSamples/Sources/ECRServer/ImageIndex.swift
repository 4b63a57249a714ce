import Foundation

/// A repository's images, kept in digest order as they are written, with a tag → digest map, so
/// that ListImages and DescribeImages page through them without sorting (or scanning for a tag)
/// on every request: a page costs a binary search plus the page itself.
///
/// Encoded as the plain `{digest: image}` object it always was, so `--data` folders stay readable.
struct ImageIndex: Codable, Sendable, Hashable {
    private var byDigest: [String: ImageRecord] = [:]
    /// Every key of `byDigest`, ascending.
    private var sortedDigests: [String] = []
    private var digestByTag: [String: String] = [:]

    init() {}

    init(from decoder: any Decoder) throws {
        let images = try decoder.singleValueContainer().decode([String: ImageRecord].self)
        for image in images.values { put(image) }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(byDigest)
    }

    var isEmpty: Bool { byDigest.isEmpty }

    subscript(digest: String) -> ImageRecord? { byDigest[digest] }

    /// The digest a tag points to.
    func digest(forTag tag: String) -> String? { digestByTag[tag] }

    /// Adds the image, or replaces the one with its digest. A tag it carries must not be on another image.
    mutating func put(_ image: ImageRecord) {
        if let old = byDigest[image.digest] {
            for tag in old.tags where digestByTag[tag] == image.digest { digestByTag[tag] = nil }
        } else {
            sortedDigests.insert(image.digest, at: Self.firstIndex(notBelow: image.digest, in: sortedDigests))
        }
        byDigest[image.digest] = image
        for tag in image.tags { digestByTag[tag] = image.digest }
    }

    /// Takes a tag off the image it is on (to move it to another).
    mutating func removeTag(_ tag: String) {
        guard let digest = digestByTag.removeValue(forKey: tag) else { return }
        byDigest[digest]?.tags.removeAll { $0 == tag }
    }

    /// The images in ascending digest order, from the first whose digest is not below `digest`
    /// (all of them when nil). Lazy: a page reads only what it returns.
    func images(from digest: String?) -> some Sequence<ImageRecord> {
        let start = digest.map { Self.firstIndex(notBelow: $0, in: sortedDigests) } ?? 0
        return sortedDigests[start...].lazy.compactMap { byDigest[$0] }
    }

    /// Binary search: the index of the first element not below `key` (`sorted.count` if none).
    static func firstIndex(notBelow key: String, in sorted: [String]) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low
    }

    static func == (lhs: ImageIndex, rhs: ImageIndex) -> Bool { lhs.byDigest == rhs.byDigest }
    func hash(into hasher: inout Hasher) { hasher.combine(byDigest) }
}
