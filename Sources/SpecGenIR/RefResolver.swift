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
        guard let node = pointer.resolve(in: document) else {
            throw RefError(.missingTarget(ref), at: mark)
        }
        return Target(
            node: node, key: Self.absolute(displayFile).path + "#" + pointer.description,
            file: displayFile, pointer: pointer)
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
            guard let document = documents[Self.absolute(file).path] else {
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
