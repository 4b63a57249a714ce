/// Limits that stop hostile input before it costs unbounded time or memory.
package struct LoaderLimits: Sendable, Hashable {
    /// Larger inputs are refused before parsing. Real specs are a few MB; the biggest public ones ~30 MB.
    package var maxInputBytes: Int
    /// Collections nested deeper than this are refused. Real specs nest < 40 levels; readers and
    /// printers recurse over the tree, so this bound also bounds their stack use.
    package var maxDepth: Int
    /// The number of nodes that aliases may add to a document (a "billion laughs" adds 10⁹).
    package var maxAliasNodes: Int

    package init(maxInputBytes: Int = 64 << 20, maxDepth: Int = 256, maxAliasNodes: Int = 1_000_000) {
        self.maxInputBytes = maxInputBytes
        self.maxDepth = maxDepth
        self.maxAliasNodes = maxAliasNodes
    }

    package static let `default` = LoaderLimits()
}
