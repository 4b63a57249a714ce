import CYAML
import Foundation

/// Loads YAML or JSON bytes into `Node` trees with libyaml's event API.
///
/// Handles several documents per stream, anchors and aliases, merge keys, every scalar style,
/// and stops hostile input (size, depth, alias expansion, duplicate keys) with a `YAMLError`.
package struct YAMLLoader: Sendable {
    package var limits: LoaderLimits

    package init(limits: LoaderLimits = .default) {
        self.limits = limits
    }

    /// Every document of the stream, in order (an empty document is a null scalar).
    package func loadStream(_ bytes: [UInt8], file: String) throws(YAMLError) -> [Node] {
        guard bytes.count <= limits.maxInputBytes else {
            throw YAMLError(
                .inputTooLarge(size: bytes.count, limit: limits.maxInputBytes),
                at: Mark(file: file, line: 1, column: 1))
        }
        do {
            return try bytes.withUnsafeBufferPointer { buffer in
                // JSON's surrogate-pair escapes, which libyaml refuses, rewritten to YAML's \U form.
                if let (rewritten, shifts) = SurrogateEscapes.rewrite(buffer) {
                    return try rewritten.withUnsafeBufferPointer { rewrittenBuffer in
                        var builder = TreeBuilder(
                            parser: EventParser(input: rewrittenBuffer, file: file, columnShifts: shifts),
                            limits: limits)
                        return try builder.buildStream()
                    }
                }
                var builder = TreeBuilder(parser: EventParser(input: buffer, file: file), limits: limits)
                return try builder.buildStream()
            }
        } catch let error as YAMLError {
            throw error
        } catch {
            throw YAMLError(.syntax("\(error)"), at: Mark(file: file, line: 1, column: 1))
        }
    }

    /// The first non-empty document: the ECR Swagger file is `---`, the spec, `---`, nothing.
    package func loadDocument(_ bytes: [UInt8], file: String) throws(YAMLError) -> Node {
        let documents = try loadStream(bytes, file: file)
        guard let document = documents.first(where: { !$0.isNull }) else {
            throw YAMLError(.noDocument, at: Mark(file: file, line: 1, column: 1))
        }
        return document
    }

    /// Reads a file and loads its first non-empty document; the file's path is the marks' file.
    package func loadDocument(atPath path: String) throws(YAMLError) -> Node {
        try loadDocument(Self.readFile(atPath: path, limit: limits.maxInputBytes), file: path)
    }

    /// Reads a file and loads every document.
    package func loadStream(atPath path: String) throws(YAMLError) -> [Node] {
        try loadStream(Self.readFile(atPath: path, limit: limits.maxInputBytes), file: path)
    }

    static func readFile(atPath path: String, limit: Int) throws(YAMLError) -> [UInt8] {
        let start = Mark(file: path, line: 1, column: 1)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw YAMLError(.unreadable(exists ? "permission denied or not a file" : "no such file"), at: start)
        }
        defer { try? handle.close() }
        do {
            // Read one byte past the limit so an oversized file is refused without reading all of it.
            let data = try handle.read(upToCount: limit + 1) ?? Data()
            guard data.count <= limit else {
                let attributes = try? FileManager.default.attributesOfItem(atPath: path)
                let size = attributes?[.size] as? Int ?? data.count
                throw YAMLError(.inputTooLarge(size: size, limit: limit), at: start)
            }
            return [UInt8](data)
        } catch let error as YAMLError {
            throw error
        } catch {
            throw YAMLError(.unreadable(error.localizedDescription), at: start)
        }
    }
}
