import Testing

@testable import SpecGenYAML

@Suite("YAMLLoader: limits against hostile input")
struct LoaderLimitTests {
    func error(_ yaml: String, limits: LoaderLimits = .default) -> YAMLError? {
        do {
            _ = try YAMLLoader(limits: limits).loadStream(Array(yaml.utf8), file: "hostile.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test func aliasExpansionIsCappedByTheNodesItWouldProduce() {
        // 4 levels of 10 aliases to a 10-item list: 10⁴ nodes from a few hundred bytes.
        var yaml = "a: &a [" + Array(repeating: "x", count: 10).joined(separator: ",") + "]\n"
        for (previous, name) in zip(["a", "b", "c"], ["b", "c", "d"]) {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ",") + "]\n"
        }
        #expect(error(yaml) == nil)
        let capped = error(yaml, limits: LoaderLimits(maxAliasNodes: 5_000))
        #expect(capped?.reason == .aliasExpansion(limit: 5_000))
        #expect(capped?.mark.line == 4)
    }

    @Test func nestingDepthIsCapped() {
        let deep = String(repeating: "[", count: 20) + String(repeating: "]", count: 20)
        #expect(error(deep, limits: LoaderLimits(maxDepth: 20)) == nil)
        let refused = error(deep, limits: LoaderLimits(maxDepth: 19))
        #expect(refused?.reason == .tooDeep(limit: 19))
        #expect(refused?.mark.column == 20)
    }

    @Test func anAliasCannotSmuggleDepthPastTheCap() {
        let yaml = "a: &a [[[[x]]]]\nb: [[[[*a]]]]\n"
        #expect(error(yaml, limits: LoaderLimits(maxDepth: 9)) == nil)
        #expect(error(yaml, limits: LoaderLimits(maxDepth: 8))?.reason == .tooDeep(limit: 8))
    }

    @Test func inputSizeIsCappedAndConfigurable() {
        let yaml = "a: " + String(repeating: "x", count: 100) + "\n"
        #expect(error(yaml, limits: LoaderLimits(maxInputBytes: 104)) == nil)
        let refused = error(yaml, limits: LoaderLimits(maxInputBytes: 103))
        #expect(refused?.reason == .inputTooLarge(size: 104, limit: 103))
        #expect(refused?.description == "hostile.yaml:1:1: error: the input is 104 bytes, over the limit of 103 bytes")
    }

    @Test func duplicateKeysNameBothMarks() {
        let refused = error("paths:\n  /a: 1\n  /b: 2\n  /a: 3\n")
        #expect(refused?.reason == .duplicateKey("/a", first: Mark(file: "hostile.yaml", line: 2, column: 3)))
        #expect(refused?.mark == Mark(file: "hostile.yaml", line: 4, column: 3))
    }

    @Test func duplicateKeysInLargeMappingsToo() {
        let keys = (0..<40).map { "k\($0): \($0)" } + ["k17: again"]
        let refused = error(keys.joined(separator: "\n") + "\n")
        #expect(refused?.reason == .duplicateKey("k17", first: Mark(file: "hostile.yaml", line: 18, column: 1)))
        #expect(refused?.mark.line == 41)
    }

    @Test func mergedKeysAreNotDuplicates() {
        #expect(error("base: &b {a: 1}\nx:\n  <<: *b\n  a: 2\n") == nil)
    }

    @Test func anUnreadableFileIsAnErrorNotACrash() {
        #expect(throws: YAMLError.self) { try YAMLLoader().loadDocument(atPath: "/nonexistent/spec.yaml") }
        #expect(throws: YAMLError.self) { try YAMLLoader().loadDocument(atPath: "/tmp") }
    }
}
