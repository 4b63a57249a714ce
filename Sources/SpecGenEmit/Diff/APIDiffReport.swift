/// `specgen diff` output for people: one line per change, breaking ones first, then a summary.
///
/// ```
/// BREAKS CLIENTS          operation removed        deleteRepository: deleteRepository(_ input: DeleteRepositoryRequest) -> JSONValue
/// BREAKS SERVERS          operation added          describeImages: describeImages(_ input: DescribeImagesInput) -> JSONValue
/// compatible              enum case added          TagStatus.unknown: "UNKNOWN" (older code decodes it as .undocumented; …)
/// 3 changes: 1 breaks clients, 1 breaks servers
/// ```
package enum APIDiffReport {
    package static func text(_ diff: APIDiff) -> String {
        guard !diff.changes.isEmpty else { return "no changes to the generated API\n" }
        let ordered =
            diff.changes.filter { $0.breaksClients || $0.breaksServers }
            + diff.changes.filter { !$0.breaksClients && !$0.breaksServers }
        var lines = ordered.map { change in
            let label = pad(verdict(change), 24)
            let kind = pad(words(change.kind), 25)
            return label + kind + change.subject + ": " + change.detail + (change.note.map { " (\($0))" } ?? "")
        }
        let clients = diff.changes.filter(\.breaksClients).count
        let servers = diff.changes.filter(\.breaksServers).count
        lines.append(
            "\(diff.changes.count) change\(diff.changes.count == 1 ? "" : "s"): "
                + "\(clients) break\(clients == 1 ? "s" : "") clients, \(servers) break\(servers == 1 ? "s" : "") servers"
        )
        return lines.joined(separator: "\n") + "\n"
    }

    /// `BREAKS BOTH` (clients and servers), `BREAKS CLIENTS`, `BREAKS SERVERS` or `compatible`.
    static func verdict(_ change: APIDiff.Change) -> String {
        switch (change.breaksClients, change.breaksServers) {
        case (true, true): return "BREAKS BOTH"
        case (true, false): return "BREAKS CLIENTS"
        case (false, true): return "BREAKS SERVERS"
        case (false, false): return "compatible"
        }
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(1, width - text.count))
    }

    /// `propertyBecameRequired` → `property became required`.
    static func words(_ kind: APIDiff.Change.Kind) -> String {
        var result = ""
        for character in kind.rawValue {
            if character.isUppercase { result += " " + character.lowercased() } else { result.append(character) }
        }
        return result
    }
}
