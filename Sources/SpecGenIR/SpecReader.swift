import SpecGenYAML

/// Reads a spec file into an `APIDocument`: picks the reader by `openapi:` / `swagger:` and
/// collects every diagnostic. The one entry point the CLI and the emitters use.
package struct SpecReader: Sendable {
    package var options: ReaderOptions

    package init(options: ReaderOptions = ReaderOptions()) {
        self.options = options
    }

    package func read(path: String) -> ReadResult {
        let loader = YAMLLoader(limits: options.limits)
        do {
            return read(try loader.loadDocument(atPath: path), path: path)
        } catch {
            return ReadResult(document: nil, diagnostics: [error.diagnostic])
        }
    }

    /// Reads an already loaded document; `path` is where refs to other files start from.
    package func read(_ root: Node, path: String) -> ReadResult {
        guard root.entries != nil else {
            return failure(
                "a spec should be a mapping with 'openapi' or 'swagger' at the top, not \(root.kindDescription)",
                at: root.mark)
        }
        let resolver = RefResolver(
            rootDocument: root, path: path, allowedRoot: options.allowedRoot,
            loader: YAMLLoader(limits: options.limits))
        let version: SpecVersion
        if let node = root["openapi"] {
            let text = node.text ?? ""
            guard let family = SpecVersion.Family.openAPI(text) else {
                return failure(
                    "unknown OpenAPI version '\(text)'; SpecGen reads 3.0.x, 3.1.x and 3.2.x (and Swagger 2.0)",
                    at: node.mark)
            }
            version = SpecVersion(family: family, written: text)
        } else if let node = root["swagger"] {
            guard node.text == "2.0" else {
                return failure(
                    "unknown Swagger version '\(node.text ?? node.kindDescription)'; SpecGen reads 2.0 (and OpenAPI 3.0.x, 3.1.x, 3.2.x)",
                    at: node.mark)
            }
            version = SpecVersion(family: .swagger2, written: "2.0")
        } else {
            return failure(
                "this is neither an OpenAPI 3 document (no 'openapi') nor a Swagger 2.0 document (no 'swagger')",
                at: root.mark)
        }
        var state = ReaderState(resolver: resolver, family: version.family, rootFile: path)
        var document =
            version.family == .swagger2
            ? Swagger2Reader.read(root, version: version, &state)
            : OpenAPI3Reader.read(root, version: version, &state)
        DocumentFinisher.finish(&document, &state, protocolOverride: options.protocolOverride)
        return ReadResult(document: document, diagnostics: Self.once(state.diagnostics))
    }

    /// Each diagnostic once: a problem inside a file or component that many operations `$ref`
    /// is found at every use, but it is one problem at one place.
    static func once(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen: Set<Diagnostic> = []
        return diagnostics.filter { seen.insert($0).inserted }
    }

    private func failure(_ message: String, at mark: Mark) -> ReadResult {
        ReadResult(document: nil, diagnostics: [Diagnostic(.error, at: mark, message)])
    }
}
