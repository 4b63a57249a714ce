/// Spreads generated declarations over a fixed number of files, so the compiler can work on
/// them in parallel and a build plugin knows every output name before it reads the spec.
///
/// A declaration's file is `FNV-1a 64(UTF-8 bytes of its name) mod count`. FNV-1a is tiny,
/// fully specified (offset basis 0xcbf29ce484222325, prime 0x100000001b3) and independent of
/// the machine, the process and the Swift version — unlike `hashValue`, which is seeded per
/// process — so the same spec always lands in the same files.
package enum FileSharding {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The 64-bit FNV-1a hash of the name's UTF-8 bytes.
    package static func fnv1a64(_ name: String) -> UInt64 {
        var hash = offsetBasis
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* prime
        }
        return hash
    }

    /// The index (`0..<count`) of the file that holds `name`; always 0 when `count <= 1`.
    package static func shard(of name: String, count: Int) -> Int {
        guard count > 1 else { return 0 }
        return Int(fnv1a64(name) % UInt64(count))
    }

    /// The output file names for `base`: `["Models.swift"]` for one file,
    /// `["Models+0.swift", …, "Models+N-1.swift"]` for N > 1.
    package static func fileNames(base: String, count: Int) -> [String] {
        guard count > 1 else { return [base + ".swift"] }
        return (0..<count).map { "\(base)+\($0).swift" }
    }

    /// `items` grouped by file, in the order of `fileNames(base:count:)`; each group keeps the
    /// input order (callers pass items already sorted, so output stays deterministic).
    /// Every file gets a group, possibly empty, so the set of outputs never depends on the spec.
    package static func partition<Item>(_ items: [Item], count: Int, name: (Item) -> String) -> [[Item]] {
        var groups = Array(repeating: [Item](), count: max(count, 1))
        for item in items {
            groups[shard(of: name(item), count: count)].append(item)
        }
        return groups
    }
}
