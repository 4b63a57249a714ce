import SpecGenYAML

/// Recognizes an AWS JSON API: request bodies in `application/x-amz-json-1.0|1.1`, or operations
/// routed by an `X-Amz-Target` constant. Records the version and the target prefix.
enum ProtocolDetector {
    static func detect(_ document: APIDocument, _ state: inout ReaderState) -> APIProtocol {
        var versions: Set<String> = []
        var prefixes: [String] = []
        for operation in document.operations {
            for content in operation.requestBody?.content ?? []
            where content.mediaType.lowercased().hasPrefix("application/x-amz-json-") {
                versions.insert(String(content.mediaType.dropFirst("application/x-amz-json-".count)))
            }
            for header in operation.route.constantHeaders where header.name.lowercased() == "x-amz-target" {
                if let dot = header.value.lastIndex(of: ".") {
                    prefixes.append(String(header.value[..<dot]))
                }
            }
        }
        guard !versions.isEmpty || !prefixes.isEmpty else { return APIProtocol(kind: .rest) }
        let distinctPrefixes = Set(prefixes).sorted()
        if distinctPrefixes.count > 1 {
            state.warning(
                "X-Amz-Target constants use more than one prefix (\(distinctPrefixes.joined(separator: ", "))); '\(distinctPrefixes[0])' is recorded",
                at: Mark(file: state.rootFile, line: 1, column: 1))
        }
        let sortedVersions = versions.sorted()
        if sortedVersions.count > 1 {
            state.warning(
                "request bodies mix AWS JSON versions \(sortedVersions.joined(separator: ", ")); \(sortedVersions.last!) is recorded",
                at: Mark(file: state.rootFile, line: 1, column: 1))
        }
        return APIProtocol(kind: .awsJSON, version: sortedVersions.last, targetPrefix: distinctPrefixes.first)
    }
}
