import Foundation
import SpecGenYAML

/// Follows `$ref`s: local JSON pointers, and files next to the spec (YAML or JSON, each loaded
/// once through `YAMLLoader`). Never fetches over the network; refuses files outside `root`.
struct RefResolver {
    /// A followed ref: the node it names and a key that identifies the target across files.
    struct Target {
        var node: Node
        /// `<absolute file>#<pointer>`: equal for every ref to the same place.
        var key: String
        /// The file as marks show it, and the pointer inside it.
        var file: String
        var pointer: JSONPointer
    }

    let loader: YAMLLoader
    /// Absolute, standardized folder every followed file must be inside.
    let root: String
    /// Loaded documents by absolute path (the root spec included).
    private var documents: [String: Node] = [:]
    /// Every ref followed so far, by the file it was written in and its text: a large spec refers
    /// to the same schema hundreds of times, and each walk scans mappings of thousands of entries
    /// (SageMaker: a third of generation time before this cache).
    private var followed: [FollowedKey: Target] = [:]

    private struct FollowedKey: Hashable {
        var file: String
        var ref: String
    }

    /// Large mappings a pointer went through (`/components/schemas` with its thousands of
    /// entries), indexed by key, per file and pointer to the mapping; the first of duplicate keys
    /// wins, as in `JSONPointer.resolve`. Small mappings are scanned.
    private var mappingIndexes: [FollowedKey: [String: Node]] = [:]
    /// `absolute(_:)` by path: it asks the file system (symlinks), and every ref needs it.
    private var absolutePaths: [String: String] = [:]

    init(rootDocument: Node, path: String, allowedRoot: String?, loader: YAMLLoader) {
        self.loader = loader
        let specFolder = Self.absolute(path).deletingLastPathComponent().path
        self.root = allowedRoot.map { Self.absolute($0).path } ?? specFolder
        documents[Self.absolute(path).path] = rootDocument
    }

    static func absolute(_ path: String) -> URL {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
    }

    /// The node `ref` names, read from the file `refNode` was written in.
    mutating func resolve(_ refNode: Node) throws(RefError) -> Target {
        let ref = refNode.text ?? ""
        let mark = refNode.mark
        let key = FollowedKey(file: mark.file, ref: ref)
        if let target = followed[key] { return target }
        let target = try follow(ref, at: mark)
        followed[key] = target
        return target
    }

    /// What `resolve` does the first time a ref is seen: find the file, walk the pointer.
    private mutating func follow(_ ref: String, at mark: Mark) throws(RefError) -> Target {
        let lower = ref.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("//") {
            throw RefError(.remote(ref), at: mark)
        }
        let parts = ref.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let filePart = String(parts[0])
        guard let pointer = JSONPointer(fragment: parts.count > 1 ? String(parts[1]) : "") else {
            throw RefError(.badPointer(ref), at: mark)
        }
        let (displayFile, document) = try self.document(filePart, from: mark.file, ref: ref, at: mark)
        let absoluteFile = absolutePath(displayFile)
        guard let node = walk(pointer, in: document, file: absoluteFile) else {
            throw RefError(.missingTarget(ref), at: mark)
        }
        return Target(node: node, key: absoluteFile + "#" + pointer.description, file: displayFile, pointer: pointer)
    }

    /// `pointer.resolve(in: document)`, with an index for each large mapping on the way.
    private mutating func walk(_ pointer: JSONPointer, in document: Node, file: String) -> Node? {
        var node = document
        for (depth, token) in pointer.tokens.enumerated() {
            guard let entries = node.entries, entries.count > 16 else {
                guard let next = JSONPointer(tokens: [token]).resolve(in: node) else { return nil }
                node = next
                continue
            }
            let key = FollowedKey(file: file, ref: JSONPointer(tokens: Array(pointer.tokens[..<depth])).description)
            let index: [String: Node]
            if let known = mappingIndexes[key] {
                index = known
            } else {
                index = Dictionary(
                    entries.compactMap { entry in entry.key.text.map { ($0, entry.value) } },
                    uniquingKeysWith: { first, _ in first })
                mappingIndexes[key] = index
            }
            guard let next = index[token] else { return nil }
            node = next
        }
        return node
    }

    private mutating func absolutePath(_ path: String) -> String {
        if let known = absolutePaths[path] { return known }
        let absolute = Self.absolute(path).path
        absolutePaths[path] = absolute
        return absolute
    }

    /// Follows `$ref` after `$ref` until a node that is not a bare ref (a ref chain of aliases).
    mutating func resolveChain(_ refNode: Node) throws(RefError) -> Target {
        var target = try resolve(refNode)
        var seen: Set<String> = [target.key]
        while let next = target.node["$ref"], target.node.entries?.count == 1 {
            target = try resolve(next)
            guard seen.insert(target.key).inserted else {
                throw RefError(.circular(refNode.text ?? ""), at: refNode.mark)
            }
        }
        return target
    }

    /// `a/b/../../c/./d.yml` → `c/d.yml`, for relative paths too (which `standardizingPath` leaves
    /// alone on Linux), so a file reached by two routes is named one way in diagnostics.
    static func lexicallyNormalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == "..", path.hasPrefix("/") && parts.isEmpty {
                continue  // `/..` is `/`
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    private mutating func document(_ filePart: String, from file: String, ref: String, at mark: Mark) throws(RefError)
        -> (String, Node)
    {
        if filePart.isEmpty {
            guard let document = documents[absolutePath(file)] else {
                throw RefError(.missingTarget(ref), at: mark)
            }
            return (file, document)
        }
        let relative = filePart.removingPercentEncoding ?? filePart
        let folder = (file as NSString).deletingLastPathComponent
        let display = relative.hasPrefix("/") ? relative : (folder.isEmpty ? relative : folder + "/" + relative)
        let displayPath = Self.lexicallyNormalized(display)
        let absolute = Self.absolute(displayPath).path
        guard absolute.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
            throw RefError(.outsideRoot(ref: ref, root: root), at: mark)
        }
        if let document = documents[absolute] { return (displayPath, document) }
        do {
            let document = try loader.loadDocument(atPath: displayPath)
            documents[absolute] = document
            return (displayPath, document)
        } catch {
            throw RefError(.unloadable(ref: ref, error), at: mark)
        }
    }
}
