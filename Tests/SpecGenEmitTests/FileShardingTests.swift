import Testing

@testable import SpecGenEmit

@Suite struct FileShardingTests {
    @Test func fnvMatchesPublishedVectors() {
        // Reference values of FNV-1a 64 (from the FNV test suite): fixed on every machine.
        let vectors: [(String, UInt64)] = [
            ("", 0xcbf2_9ce4_8422_2325), ("a", 0xaf63_dc4c_8601_ec8c),
            ("foobar", 0x8594_4171_f739_67e8),
        ]
        for (input, hash) in vectors {
            #expect(FileSharding.fnv1a64(input) == hash, "FNV-1a 64 of '\(input)'")
        }
    }

    @Test func shardIsStableAndInRange() {
        #expect(FileSharding.shard(of: "Repository", count: 1) == 0)
        #expect(FileSharding.shard(of: "Repository", count: 0) == 0)
        let first = FileSharding.shard(of: "Repository", count: 8)
        #expect((0..<8).contains(first))
        #expect(FileSharding.shard(of: "Repository", count: 8) == first)
        let hashOfA: UInt64 = 0xaf63_dc4c_8601_ec8c
        #expect(FileSharding.shard(of: "a", count: 7) == Int(hashOfA % 7))
    }

    @Test func distributionIsNotDegenerate() {
        let names = (0..<500).map { "Type\($0)Output" } + (0..<100).map { "Describe\($0)Request" }
        for count in [2, 4, 8, 16] {
            var sizes = Array(repeating: 0, count: count)
            for name in names { sizes[FileSharding.shard(of: name, count: count)] += 1 }
            let mean = Double(names.count) / Double(count)
            // Every file gets work, and none gets more than twice its fair share.
            #expect(sizes.allSatisfy { $0 > 0 }, "count \(count): \(sizes)")
            #expect(sizes.allSatisfy { Double($0) < 2 * mean }, "count \(count): \(sizes)")
        }
    }

    @Test func fileNames() {
        #expect(FileSharding.fileNames(base: "Models", count: 1) == ["Models.swift"])
        #expect(FileSharding.fileNames(base: "Models", count: 0) == ["Models.swift"])
        #expect(
            FileSharding.fileNames(base: "Client", count: 3) == ["Client+0.swift", "Client+1.swift", "Client+2.swift"])
    }

    @Test func partitionKeepsOrderAndGivesEveryFileAGroup() {
        let names = (0..<50).map { "Name\($0)" }
        let groups = FileSharding.partition(names, count: 4) { $0 }
        #expect(groups.count == 4)
        #expect(groups.flatMap { $0 }.sorted() == names.sorted())
        for (index, group) in groups.enumerated() {
            #expect(group.allSatisfy { FileSharding.shard(of: $0, count: 4) == index })
            #expect(group == names.filter { group.contains($0) })
        }
        #expect(FileSharding.partition([String](), count: 3) { $0 } == [[], [], []])
    }
}
