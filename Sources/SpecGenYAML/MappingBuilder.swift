/// The rules of a finished mapping: no duplicate keys, and merge keys (`<<`) applied.
enum MappingBuilder {
    /// `<<` as a plain untagged scalar, or tagged `!!merge`.
    static func isMergeKey(_ key: Node) -> Bool {
        guard case .scalar(let scalar) = key.content, scalar.text == "<<" else { return false }
        return key.tag == CoreTag.merge || (key.tag == nil && scalar.style == .plain)
    }

    /// Two scalar keys with the same text are an error at the second, naming the first.
    /// Merge keys are not keys of the mapping, so they never collide.
    static func rejectDuplicates(_ entries: [MappingEntry]) throws(YAMLError) {
        // Small mappings (most of a spec) are checked pairwise; a dictionary pays off only for larger ones.
        if entries.count <= 12 {
            for later in entries.indices.dropFirst() {
                guard case .scalar(let key) = entries[later].key.content else { continue }
                for earlier in 0..<later {
                    if case .scalar(let other) = entries[earlier].key.content, other.text == key.text,
                        !isMergeKey(entries[later].key)
                    {
                        throw duplicate(key.text, first: entries[earlier].key, second: entries[later].key)
                    }
                }
            }
            return
        }
        var seen: [String: Mark] = [:]
        seen.reserveCapacity(entries.count)
        for entry in entries {
            guard case .scalar(let key) = entry.key.content, !isMergeKey(entry.key) else { continue }
            if let first = seen.updateValue(entry.key.mark, forKey: key.text) {
                throw YAMLError(.duplicateKey(key.text, first: first), at: entry.key.mark)
            }
        }
    }

    private static func duplicate(_ text: String, first: Node, second: Node) -> YAMLError {
        YAMLError(.duplicateKey(text, first: first.mark), at: second.mark)
    }

    /// Replaces each `<<` entry, in place, by the entries of the mappings it names. Keys written
    /// in the mapping itself win over merged ones, and earlier merged mappings win over later ones.
    static func merged(_ entries: [MappingEntry]) throws(YAMLError) -> [MappingEntry] {
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
