/// Pairs a mapping's children into entries, applies merge keys (`<<`) and rejects duplicate keys.
enum MappingBuilder {
    static func entries(of children: [Node]) throws(YAMLError) -> [MappingEntry] {
        var entries: [MappingEntry] = []
        entries.reserveCapacity(children.count / 2)
        var hasMerge = false
        var index = 0
        while index + 1 < children.count {
            let entry = MappingEntry(key: children[index], value: children[index + 1])
            hasMerge = hasMerge || isMergeKey(entry.key)
            entries.append(entry)
            index += 2
        }
        try rejectDuplicates(entries.filter { !isMergeKey($0.key) })
        return hasMerge ? try merged(entries) : entries
    }

    /// `<<` as a plain untagged scalar, or tagged `!!merge`.
    private static func isMergeKey(_ key: Node) -> Bool {
        guard let scalar = key.scalar, scalar.text == "<<" else { return false }
        return key.tag == CoreTag.merge || (key.tag == nil && scalar.style == .plain)
    }

    private static func rejectDuplicates(_ entries: [MappingEntry]) throws(YAMLError) {
        // Small mappings (most of a spec) are checked pairwise; a dictionary pays off only for larger ones.
        if entries.count <= 12 {
            for later in entries.indices {
                guard let text = entries[later].key.text else { continue }
                for earlier in 0..<later where entries[earlier].key.text == text {
                    throw duplicate(text, first: entries[earlier].key, second: entries[later].key)
                }
            }
            return
        }
        var seen: [String: Node] = [:]
        seen.reserveCapacity(entries.count)
        for entry in entries {
            guard let text = entry.key.text else { continue }
            if let first = seen.updateValue(entry.key, forKey: text) {
                throw duplicate(text, first: first, second: entry.key)
            }
        }
    }

    private static func duplicate(_ text: String, first: Node, second: Node) -> YAMLError {
        YAMLError(.duplicateKey(text, first: first.mark), at: second.mark)
    }

    /// Replaces each `<<` entry, in place, by the entries of the mappings it names. Keys written
    /// in the mapping itself win over merged ones, and earlier merged mappings win over later ones.
    private static func merged(_ entries: [MappingEntry]) throws(YAMLError) -> [MappingEntry] {
        var present = Set(entries.compactMap { isMergeKey($0.key) ? nil : $0.key.text })
        var result: [MappingEntry] = []
        for entry in entries {
            guard isMergeKey(entry.key) else {
                result.append(entry)
                continue
            }
            for source in try mergeSources(entry.value) {
                for merged in source where merged.key.text.map({ present.insert($0).inserted }) ?? true {
                    result.append(merged)
                }
            }
        }
        return result
    }

    private static func mergeSources(_ value: Node) throws(YAMLError) -> [[MappingEntry]] {
        if let entries = value.entries { return [entries] }
        if let items = value.items {
            var sources: [[MappingEntry]] = []
            for item in items {
                guard let entries = item.entries else { throw YAMLError(.invalidMerge, at: item.mark) }
                sources.append(entries)
            }
            return sources
        }
        throw YAMLError(.invalidMerge, at: value.mark)
    }
}
